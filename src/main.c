/*
 * main.c - the citegraph command: argument parsing, messages and exit
 * codes over libcitegraph.  Everything that knows about documents and
 * graphs lives in the library; this file only decides what to print.
 *
 * Exit status: 0 success, 1 some input or output failed (the rest was
 * still processed), 2 usage error.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "cli_work.h"
#include "read.h"

static const char *prog = "citegraph";

/* The signal that arrived during the export, 0 if none. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

/* cg_export with SIGINT and SIGTERM caught.  Before the export a signal
 * kills the tool as usual: nothing has been written yet.  During it the
 * handler only records the signal, cg_export then removes its temporary
 * file and leaves the old output alone; afterwards the signal is raised
 * again with its default action, so the caller still sees the tool killed
 * by it.  A signal the shell set to be ignored stays ignored. */
static cg_status export_guarded(const cg_graph *g, cg_format fmt, int yed,
                                const char *out, cg_error *err)
{
    static const int sigs[2] = {SIGINT, SIGTERM};
    struct sigaction sa, old[2];
    int caught[2] = {0, 0};
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART; /* a signal must not fail a write with EINTR */
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 2; i++) {
        if (sigaction(sigs[i], NULL, &old[i]) == 0 && old[i].sa_handler != SIG_IGN)
            caught[i] = sigaction(sigs[i], &sa, NULL) == 0;
    }
    cg_export_set_cancel(&interrupted);
    cg_status st = yed ? cg_export_yed(g, out, err) : cg_export(g, fmt, out, err);
    cg_export_set_cancel(NULL);
    for (int i = 0; i < 2; i++)
        if (caught[i])
            sigaction(sigs[i], &old[i], NULL);
    if (interrupted) {
        if (st != CG_OK)
            fprintf(stderr, "%s: %s\n", prog, err->msg);
        fflush(stderr);
        raise(interrupted);
    }
    return st;
}

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
            "  chain     print the recall chain of one document as a tree\n"
            "  stats     statistics of the citation graph of INPUTs\n"
            "  series    resolution series (same body and title) and their breaks\n"
            "  render    draw the graph as SVG, PNG, PDF or an interactive HTML page\n"
            "\n"
            "INPUT is a file, a directory (read recursively, in sorted order) or - for\n"
            "standard input.  Instead of INPUTs, --graph FILE reads a GraphML graph\n"
            "written earlier and --edges reads citation records (extract --format\n"
            "tsv).  `citegraph COMMAND --help` describes a command.\n"
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
            "  -f, --format FORMAT     graphml, dot, adj, gexf, gml, pajek, json, cyjs\n"
            "                          or csv (default: from FILE's extension, graphml\n"
            "                          for stdout); csv writes nodes.csv and edges.csv\n"
            "                          for neo4j-admin into the directory -o DIR\n"
            "      --yed               GraphML with yEd node labels (ShapeNode graphics)\n"
            "      --min-confidence X  drop citations recognized with confidence < X\n"
            "      --input-format NAME read every INPUT as text, pdf, html, marcxml or akn\n"
            "                          (default: told from each file's content)\n"
            "      --summary           print a summary of the graph on stdout\n"
            "  -j, --jobs N            extract with N threads (default: one per core)\n"
            "      --timings           print the time of each stage on stderr\n"
            "  -q, --quiet             no progress or summary\n"
            "  -h, --help              this help\n"
            CG_CLI_SRC_HELP
            CG_CLI_FILTER_HELP("  -d, --depth N           ")
            "\n"
            "A progress line is shown on stderr when it is a terminal.\n");
}

static void usage_extract(FILE *f)
{
    fprintf(f,
            "usage: citegraph extract [OPTIONS] INPUT...\n"
            "\n"
            "Prints one JSON object per citation mention (JSON Lines): source, target,\n"
            "kind, body, verb, part, para, locator, footnote, span, confidence, text.\n"
            "With --format tsv, one self-contained citation record per line for\n"
            "`citegraph build --edges` (the map step of a map/reduce build): source\n"
            "id, kind, body, title, date, year, path; target, kind, body, title, year;\n"
            "verb, part, para, locator, footnote, span start, span end, confidence,\n"
            "mention index; TAB-separated, TAB/newline/CR/backslash written as\n"
            "\\t \\n \\r \\\\.  A document without citations gives one record with an\n"
            "empty target, so that it remains a node of the graph.\n"
            "\n"
            "  -f, --format FORMAT     jsonl (default) or tsv\n"
            "      --min-confidence X  drop citations recognized with confidence < X\n"
            "      --input-format NAME read every INPUT as text, pdf, html, marcxml or akn\n"
            "                          (default: told from each file's content)\n"
            "  -j, --jobs N            extract with N threads (default: one per core)\n"
            "  -q, --quiet             no progress line on stderr\n"
            "  -h, --help              this help\n");
}

typedef struct opts {
    const char *output;
    const char *format;
    int summary;
    int quiet;
    int yed;
    int timings;
    int jobs;
    int tsv;             /* extract --format tsv */
    cg_cli_src src;      /* --graph, --edges, filters (build) */
    cg_extract_opts ex;
    const char **inputs;
    size_t n_inputs;
} opts;

/* Parses the options of build/extract; returns 0, 1 after --help, or 2
 * on a usage error (message printed). */
static int parse_opts(int argc, char **argv, int build, opts *o)
{
    memset(o, 0, sizeof *o);
    cg_cli_src_init(&o->src);
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 2;
    }
    int only_inputs = 0, rc;
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
        } else if (!build && (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) && i + 1 < argc) {
            o->tsv = strcmp(argv[++i], "tsv") == 0;
            if (!o->tsv && strcmp(argv[i], "jsonl") != 0) {
                fprintf(stderr, "%s: extract --format takes jsonl or tsv\n", prog);
                return 2;
            }
        } else if (build && (rc = cg_cli_src_opt(&o->src, argc, argv, &i, 1)) != 0) {
            if (rc == 2)
                return 2;
        } else if (strcmp(a, "--min-confidence") == 0 && i + 1 < argc) {
            char *end;
            o->ex.min_confidence = strtod(argv[++i], &end);
            if (*end || o->ex.min_confidence < 0 || o->ex.min_confidence > 1) {
                fprintf(stderr, "%s: --min-confidence takes a number from 0 to 1\n", prog);
                return 2;
            }
        } else if (((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && i + 1 < argc) ||
                   (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
            char *end;
            long j = strtol(a[2] && a[1] == 'j' ? a + 2 : argv[++i], &end, 10);
            if (*end || j < 1 || j > 1024) {
                fprintf(stderr, "%s: --jobs takes a number from 1 to 1024\n", prog);
                return 2;
            }
            o->jobs = (int)j;
        } else if (build && strcmp(a, "--timings") == 0) {
            o->timings = 1;
        } else if (strcmp(a, "--input-format") == 0 && i + 1 < argc) {
            o->ex.input_format = cg_input_format_from_name(argv[++i]);
            if (o->ex.input_format == CG_IN_AUTO) {
                fprintf(stderr, "%s: unknown input format '%s' (text, pdf, html, marcxml, akn)\n", prog,
                        argv[i]);
                return 2;
            }
        } else if (build && strcmp(a, "--yed") == 0) {
            o->yed = 1;
        } else if (build && strcmp(a, "--summary") == 0) {
            o->summary = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else {
            fprintf(stderr, "%s: unknown option or missing value: %s (see --help)\n", prog, a);
            return 2;
        }
    }
    return cg_cli_src_check(&o->src, o->n_inputs);
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

/* Prints the mentions of one file (called in input order). */
static size_t print_docs(void *ctx, size_t index, const char *path,
                         cg_doc **docs, size_t n, cg_status st,
                         const cg_error *err)
{
    (void)ctx;
    (void)index;
    size_t bad = 0;
    if (st != CG_OK) {
        fprintf(stderr, "%s: %s\n", prog, err->msg);
        bad++;
    }
    for (size_t k = 0; k < n; k++) {
        char *js = cg_doc_jsonl(docs[k]);
        if (!js) {
            fprintf(stderr, "%s: %s: out of memory\n", prog, path);
            bad++;
        } else {
            fputs(js, stdout);
            free(js);
        }
        cg_doc_free(docs[k]);
    }
    free(docs);
    return bad;
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
    cg_work_opts wo = { &o.ex, o.jobs, !o.quiet && isatty(2) };
    bad += cg_work_run(&in, &wo, o.tsv ? cg_cli_print_tsv : print_docs, NULL);
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
            fprintf(stderr, "%s: unknown format '%s' (graphml, dot, adj, gexf, gml, pajek, json, cyjs, csv)\n",
                    prog, o.format);
            free(o.inputs);
            return 2;
        }
    } else if (strcmp(out, "-") != 0) {
        fmt = cg_format_from_path(out);
        if (fmt == CG_FMT_UNKNOWN) {
            fprintf(stderr, "%s: %s: cannot tell the format from the extension; use -f graphml|dot|adj|gexf|gml|pajek|json|cyjs|csv\n",
                    prog, out);
            free(o.inputs);
            return 2;
        }
    }
    if ((fmt == CG_FMT_CSV && strcmp(out, "-") == 0) || (o.yed && fmt != CG_FMT_GRAPHML)) {
        fprintf(stderr, "%s: %s\n", prog,
                o.yed ? "--yed applies to GraphML only" : "csv writes a directory: give -o DIR");
        free(o.inputs);
        return 2;
    }
    double t0 = cg_work_now();
    cg_inputs in;
    cg_inputs_init(&in);
    size_t bad = cg_cli_src_docs(&o.src) ? expand_inputs(&o, &in) : 0;
    double t_walk = cg_work_now() - t0;
    cg_graph *g = NULL;
    cg_work_stats ws;
    int status = 0;
    cg_work_opts wo = { &o.ex, o.jobs, !o.quiet && isatty(2) };
    bad += cg_cli_src_docs(&o.src) ? cg_work_build(&in, &wo, &g, &ws)
                                    : cg_cli_load(&o.src, o.inputs, o.n_inputs, &g, &ws);
    size_t docs_read = ws.docs, mentions = ws.mentions;
    cg_error err;
    if (docs_read == 0) {
        /* Replacing an earlier graph with an empty one would lose it. */
        fprintf(stderr, "%s: no document could be read; %s not written\n", prog,
                strcmp(out, "-") == 0 ? "graph" : out);
        status = 1;
        goto done;
    }
    if (!g || cg_cli_filter(&o.src, &g) != 0) {
        status = 1;
        goto done;
    }
    double t_exp = cg_work_now();
    if (export_guarded(g, fmt, o.yed, out, &err) != CG_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        status = 1;
        goto done;
    }
    t_exp = cg_work_now() - t_exp;
    if (o.timings) {
        /* One stage a line, so that scripts can pick them out. */
        fprintf(stderr, "%s: timing walk %.3f s\n", prog, t_walk);
        fprintf(stderr, "%s: timing read+extract %.3f s (%d jobs)\n", prog,
                ws.t_extract, o.jobs > 0 ? o.jobs : cg_work_default_jobs());
        fprintf(stderr, "%s: timing add %.3f s\n", prog, ws.t_add);
        fprintf(stderr, "%s: timing finish %.3f s\n", prog, ws.t_finish);
        fprintf(stderr, "%s: timing export %.3f s\n", prog, t_exp);
        fprintf(stderr, "%s: timing total %.3f s\n", prog, cg_work_now() - t0);
    }
    if (o.summary && !o.quiet)
        print_summary(g, docs_read, mentions);
done:
    cg_graph_free(g);
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
    if (strcmp(cmd, "chain") == 0)
        return cg_cli_chain(argc - 1, argv + 1);
    if (strcmp(cmd, "stats") == 0)
        return cg_cli_stats(argc - 1, argv + 1);
    if (strcmp(cmd, "series") == 0)
        return cg_cli_series(argc - 1, argv + 1);
    if (strcmp(cmd, "render") == 0)
        return cg_cli_render(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s' (see --help)\n", prog, cmd);
    return 2;
}
