/*
 * cli_extract.c - `citegraph extract [-f jsonl|tsv] [OPTIONS] INPUT...`:
 * prints every citation mention of INPUTs, one JSON object a line, or
 * with --format tsv one citation record a line (the map step of a
 * map/reduce build: `citegraph build --edges` reads them back).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "cli_work.h"

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

/* The options of extract alone, and what print_docs needs. */
typedef struct extract_opts {
    /* cg_doc_jsonl or cg_doc_tsv: a malloc'd string the caller frees,
     * NULL when out of memory. */
    char *(*format)(const cg_doc *d);
} extract_opts;

/* -f/--format (cg_cli_opt_fn): ctx is the extract_opts.  Its -f is not
 * the graph format of the other commands, so it is not CG_CLI_OUTPUT. */
static int extract_opt(void *ctx, int argc, char **argv, int *i)
{
    extract_opts *x = ctx;
    const char *a = argv[*i];
    if ((strcmp(a, "-f") != 0 && strcmp(a, "--format") != 0) || *i + 1 >= argc)
        return 0;
    const char *v = argv[++*i];
    if (strcmp(v, "tsv") == 0) {
        x->format = cg_doc_tsv;
    } else if (strcmp(v, "jsonl") == 0) {
        x->format = cg_doc_jsonl;
    } else {
        fprintf(stderr, "citegraph: extract --format takes jsonl or tsv\n");
        return 2;
    }
    return 1;
}

/* cg_work_fn printing the documents of one file (called in input order)
 * in the format of ctx, the extract_opts; frees docs and the array. */
static size_t print_docs(void *ctx, size_t index, const char *path,
                         cg_doc **docs, size_t n, cg_status st,
                         const cg_error *err)
{
    const extract_opts *x = ctx;
    (void)index;
    size_t bad = 0;
    if (st != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err->msg);
        bad++;
    }
    for (size_t k = 0; k < n; k++) {
        char *s = x->format(docs[k]);
        if (!s) {
            fprintf(stderr, "citegraph: %s: out of memory\n", path);
            bad++;
        } else {
            fputs(s, stdout);
            free(s);
        }
    }
    return bad;
}

int cg_cli_extract(int argc, char **argv)
{
    extract_opts x = { cg_doc_jsonl };
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_INPUT_FORMAT, usage_extract);
    int status = cg_cli_parse(&o, argc, argv, extract_opt, &x);
    if (status == CG_CLI_GO_ON && cg_cli_src_check(&o.src, o.n_inputs) != 0)
        status = 2;
    if (status == CG_CLI_GO_ON) {
        /* Usage errors and --help end above without cg_cli_exit's check
         * of stdout: only a run reports a failed write of its output. */
        cg_inputs in;
        cg_inputs_init(&in);
        size_t bad = cg_work_expand(o.inputs, o.n_inputs, &in);
        cg_work_opts wo = { &o.ex, o.jobs, !o.quiet && isatty(2) };
        bad += cg_work_run(&in, &wo, print_docs, &x);
        status = cg_cli_exit(0, bad);
        cg_inputs_destroy(&in);
    }
    cg_cli_opts_destroy(&o);
    return status;
}
