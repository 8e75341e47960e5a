/*
 * main.c - the citegraph command: argument parsing, messages and exit
 * codes over libcitegraph.  Everything that knows about documents and
 * graphs lives in the library; this file only decides what to print.
 *
 * Exit status: 0 success, 1 some input or output failed (the rest was
 * still processed), 2 usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "read.h"

static const char *prog = "citegraph";

static void usage_main(FILE *f)
{
    fprintf(f,
            "usage: citegraph COMMAND [OPTIONS] INPUT...\n"
            "\n"
            "Reads United Nations documents and builds the graph of their citations.\n"
            "\n"
            "commands:\n"
            "  build     extract citations from INPUTs and write the citation graph\n"
            "  extract   print every citation mention as JSON Lines\n"
            "\n"
            "INPUT is a file, a directory (read recursively, in sorted order) or - for\n"
            "standard input.  `citegraph COMMAND --help` describes a command.\n"
            "\n"
            "  -h, --help      this help\n"
            "  -V, --version   print the version\n");
}

static void usage_build(FILE *f)
{
    fprintf(f,
            "usage: citegraph build [-o FILE] [-f FORMAT] [OPTIONS] INPUT...\n"
            "\n"
            "Builds one merged citation graph from every INPUT.\n"
            "\n"
            "  -o, --output FILE       write the graph to FILE (default, or -: stdout)\n"
            "  -f, --format FORMAT     graphml, dot or adj (default: from FILE's\n"
            "                          extension, graphml for stdout)\n"
            "      --min-confidence X  drop citations recognized with confidence < X\n"
            "      --summary           print a summary of the graph on stdout\n"
            "  -q, --quiet             no progress or summary\n"
            "  -h, --help              this help\n");
}

static void usage_extract(FILE *f)
{
    fprintf(f,
            "usage: citegraph extract [OPTIONS] INPUT...\n"
            "\n"
            "Prints one JSON object per citation mention (JSON Lines): source, target,\n"
            "kind, body, verb, part, para, locator, footnote, span, confidence, text.\n"
            "\n"
            "      --min-confidence X  drop citations recognized with confidence < X\n"
            "  -h, --help              this help\n");
}

typedef struct opts {
    const char *output;
    const char *format;
    int summary;
    int quiet;
    cg_extract_opts ex;
    const char **inputs;
    size_t n_inputs;
} opts;

/* Parses the options of build/extract; returns 0, 1 after --help, or 2
 * on a usage error (message printed). */
static int parse_opts(int argc, char **argv, int build, opts *o)
{
    memset(o, 0, sizeof *o);
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 2;
    }
    int only_inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            o->inputs[o->n_inputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            if (build)
                usage_build(stdout);
            else
                usage_extract(stdout);
            return 1;
        } else if (build && (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && i + 1 < argc) {
            o->output = argv[++i];
        } else if (build && (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) && i + 1 < argc) {
            o->format = argv[++i];
        } else if (strcmp(a, "--min-confidence") == 0 && i + 1 < argc) {
            char *end;
            o->ex.min_confidence = strtod(argv[++i], &end);
            if (*end || o->ex.min_confidence < 0 || o->ex.min_confidence > 1) {
                fprintf(stderr, "%s: --min-confidence takes a number from 0 to 1\n", prog);
                return 2;
            }
        } else if (build && strcmp(a, "--summary") == 0) {
            o->summary = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else {
            fprintf(stderr, "%s: unknown option or missing value: %s (see --help)\n", prog, a);
            return 2;
        }
    }
    if (o->n_inputs == 0) {
        fprintf(stderr, "%s: no input given (see --help)\n", prog);
        return 2;
    }
    return 0;
}

/* Expands the inputs; reports each bad one; returns the number of bad. */
static size_t expand_inputs(const opts *o, cg_inputs *in)
{
    size_t bad = 0;
    for (size_t i = 0; i < o->n_inputs; i++) {
        cg_error err;
        if (cg_inputs_add(in, o->inputs[i], &err) != CG_OK) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            bad++;
        }
    }
    for (size_t i = 0; i < in->n_errors && i < CG_INPUTS_MAX_ERRORS; i++)
        fprintf(stderr, "%s: %s\n", prog, in->errors[i]);
    return bad + in->n_errors;
}

static int cmd_extract(int argc, char **argv)
{
    opts o;
    int rc = parse_opts(argc, argv, 0, &o);
    if (rc) {
        free(o.inputs);
        return rc == 1 ? 0 : 2;
    }
    cg_inputs in;
    cg_inputs_init(&in);
    size_t bad = expand_inputs(&o, &in);
    for (size_t i = 0; i < in.n; i++) {
        cg_doc **docs = NULL;
        size_t n = 0;
        cg_error err;
        if (cg_extract_file(in.paths[i], &o.ex, &docs, &n, &err) != CG_OK) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            bad++;
        }
        for (size_t k = 0; k < n; k++) {
            char *js = cg_doc_jsonl(docs[k]);
            if (!js) {
                fprintf(stderr, "%s: %s: out of memory\n", prog, in.paths[i]);
                bad++;
            } else {
                fputs(js, stdout);
                free(js);
            }
            cg_doc_free(docs[k]);
        }
        free(docs);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: error writing standard output\n", prog);
        bad++;
    }
    cg_inputs_destroy(&in);
    free(o.inputs);
    return bad ? 1 : 0;
}

typedef struct ranked {
    size_t v;
    long cites;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->cites != y->cites)
        return x->cites < y->cites ? 1 : -1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static void print_summary(const cg_graph *g, size_t docs, size_t mentions)
{
    size_t nv = cg_graph_node_count(g), ne = cg_graph_edge_count(g);
    ranked *r = calloc(nv ? nv : 1, sizeof *r);
    if (!r)
        return;
    for (size_t v = 0; v < nv; v++)
        r[v].v = v;
    for (size_t e = 0; e < ne; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        r[to].cites++;
    }
    qsort(r, nv, sizeof *r, cmp_ranked);
    printf("Read %zu document%s and found %zu citation%s: the graph has %zu nodes and %zu edges.",
           docs, docs == 1 ? "" : "s", mentions, mentions == 1 ? "" : "s", nv, ne);
    if (nv && r[0].cites > 0) {
        printf(" Most cited:");
        for (size_t k = 0; k < 5 && k < nv && r[k].cites > 0; k++)
            printf("%s %s (%ld)", k ? "," : "", cg_graph_node_str(g, r[k].v, CG_NODE_ID), r[k].cites);
        printf(".");
    }
    printf("\n");
    free(r);
}

static int cmd_build(int argc, char **argv)
{
    opts o;
    int rc = parse_opts(argc, argv, 1, &o);
    if (rc) {
        free(o.inputs);
        return rc == 1 ? 0 : 2;
    }
    const char *out = o.output ? o.output : "-";
    cg_format fmt = CG_FMT_GRAPHML;
    if (o.format) {
        fmt = cg_format_from_name(o.format);
        if (fmt == CG_FMT_UNKNOWN) {
            fprintf(stderr, "%s: unknown format '%s' (graphml, dot, adj)\n", prog, o.format);
            free(o.inputs);
            return 2;
        }
    } else if (strcmp(out, "-") != 0) {
        fmt = cg_format_from_path(out);
        if (fmt == CG_FMT_UNKNOWN) {
            fprintf(stderr, "%s: %s: cannot tell the format from the extension; use -f graphml|dot|adj\n",
                    prog, out);
            free(o.inputs);
            return 2;
        }
    }
    cg_inputs in;
    cg_inputs_init(&in);
    size_t bad = expand_inputs(&o, &in);
    cg_builder *b = cg_builder_new();
    cg_graph *g = NULL;
    size_t docs_read = 0, mentions = 0;
    int status = 0;
    if (!b) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = 1;
        goto done;
    }
    for (size_t i = 0; i < in.n; i++) {
        cg_doc **docs = NULL;
        size_t n = 0;
        cg_error err;
        if (cg_extract_file(in.paths[i], &o.ex, &docs, &n, &err) != CG_OK) {
            fprintf(stderr, "%s: %s\n", prog, err.msg);
            bad++;
        }
        for (size_t k = 0; k < n; k++) {
            if (cg_builder_add_doc(b, docs[k], &err) != CG_OK) {
                fprintf(stderr, "%s: %s\n", prog, err.msg);
                bad++;
            } else {
                docs_read++;
                mentions += docs[k]->n_mentions;
            }
            cg_doc_free(docs[k]);
        }
        free(docs);
    }
    cg_error err;
    if (docs_read == 0) {
        /* Replacing an earlier graph with an empty one would lose it. */
        fprintf(stderr, "%s: no document could be read; %s not written\n", prog,
                strcmp(out, "-") == 0 ? "graph" : out);
        status = 1;
        goto done;
    }
    if (cg_builder_finish(b, &g, &err) != CG_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        status = 1;
        goto done;
    }
    if (cg_export(g, fmt, out, &err) != CG_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        status = 1;
        goto done;
    }
    if (o.summary && !o.quiet)
        print_summary(g, docs_read, mentions);
done:
    cg_graph_free(g);
    cg_builder_free(b);
    cg_inputs_destroy(&in);
    free(o.inputs);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "%s: error writing standard output\n", prog);
        status = 1;
    }
    return status || bad ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage_main(stdout);
        return 0;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("citegraph %s\n", CG_VERSION);
        return 0;
    }
    if (strcmp(cmd, "build") == 0)
        return cmd_build(argc - 2, argv + 2);
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 2, argv + 2);
    fprintf(stderr, "%s: unknown command '%s' (see --help)\n", prog, cmd);
    return 2;
}
