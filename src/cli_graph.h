/*
 * cli_graph.h - what the commands share about where their graph comes
 * from and how it is filtered: --graph FILE (GraphML written earlier),
 * --edges (INPUTs are citation records from `extract --format tsv`), or
 * documents; and the filter options --kind, --body, --since, --until,
 * --ego, --ego-depth (--depth in build), --transitive-reduction; and
 * what the commands share besides: their option parsing, making the
 * graph, and the exit status.
 * Part of the command-line tool.
 */
#ifndef CG_CLI_GRAPH_H
#define CG_CLI_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#include "citegraph.h"
#include "cli_work.h"

typedef struct cg_cli_src {
    const char *graph;   /* --graph FILE, or NULL */
    int edges;           /* --edges */
    cg_filter filter;
} cg_cli_src;

void cg_cli_src_init(cg_cli_src *s);

/* Tries the option argv[*i] (moving *i past its value).  depth_is_ego:
 * --depth/-d also sets the ego depth (build; chain keeps its own).
 * Returns 1 when it was one of ours, 0 when not, 2 after printing a
 * usage error. */
int cg_cli_src_opt(cg_cli_src *s, int argc, char **argv, int *i,
                   int depth_is_ego);

/* Checks the combination with the INPUT count; 0 or 2 (printed). */
int cg_cli_src_check(const cg_cli_src *s, size_t n_inputs);

/* 1 when the INPUTs are documents to extract. */
int cg_cli_src_docs(const cg_cli_src *s);

/* Makes the graph from --graph or from the --edges INPUTs: *out is the
 * caller's (NULL on failure); st->docs counts the documents (for
 * --graph: the nodes read), st->mentions the records.  Problems are
 * printed; returns how many. */
size_t cg_cli_load(const cg_cli_src *s, const char *const *inputs, size_t n,
                   cg_graph **out, cg_work_stats *st);

/* Replaces *g by its filtered copy when a filter was asked for; 0, or 1
 * after printing the error. */
int cg_cli_filter(const cg_cli_src *s, cg_graph **g);

/* ---- what the commands (build, extract, chain, stats, series, render)
 * share ---- */

/* Option groups a command takes besides INPUTs, --, -h, --min-confidence,
 * -j and -q, which every one takes. */
enum {
    CG_CLI_SRC_OPTS = 1,     /* --graph, --edges and the filters */
    CG_CLI_INPUT_FORMAT = 2, /* --input-format NAME */
    CG_CLI_OUTPUT = 4,       /* -o FILE, -f FORMAT */
    CG_CLI_DEPTH_IS_EGO = 8  /* with CG_CLI_SRC_OPTS: -d/--depth N is the
                              * ego depth (build; chain has its own) */
};

/* What cg_cli_parse and cg_cli_filtered_graph return when the command is
 * to go on; anything else is the exit status to end it with. */
#define CG_CLI_GO_ON (-1)

typedef struct cg_cli_opts {
    unsigned accept;            /* CG_CLI_* groups */
    void (*usage)(FILE *f);     /* the command's --help text */
    cg_cli_src src;             /* CG_CLI_SRC_OPTS */
    cg_extract_opts ex;         /* --min-confidence, --input-format */
    int jobs;                   /* -j N; 0: one per core */
    int quiet;                  /* -q */
    const char *output, *format; /* -o, -f (CG_CLI_OUTPUT), or NULL */
    const char **inputs;        /* the INPUTs, pointers into argv; the
                                 * array is owned (cg_cli_opts_destroy) */
    size_t n_inputs;
} cg_cli_opts;

/* accept: CG_CLI_* groups; usage is kept, not called. */
void cg_cli_opts_init(cg_cli_opts *o, unsigned accept, void (*usage)(FILE *f));
/* Frees the INPUT array; NULL-safe. */
void cg_cli_opts_destroy(cg_cli_opts *o);

/* A command's own option: tries argv[*i] (moving *i past its value) with
 * ctx, the caller's.  Returns 1 when it took it, 0 when not its own, 2
 * after printing a usage error. */
typedef int (*cg_cli_opt_fn)(void *ctx, int argc, char **argv, int *i);

/* Parses argv[1..argc) into o: INPUTs (every one after --), -h/--help
 * (prints o->usage on stdout), the shared options and what own (may be
 * NULL) takes; ctx is passed to own.  Returns CG_CLI_GO_ON, or the exit
 * status: 0 after --help, 1 out of memory, 2 usage error (printed).  The combination is not checked. */
int cg_cli_parse(cg_cli_opts *o, int argc, char **argv, cg_cli_opt_fn own,
                 void *ctx);

/* What stats and series do before their own work: cg_cli_parse (no own
 * options), the check of --graph/--edges/filters with the INPUTs,
 * cg_cli_graph and cg_cli_filter.  Returns CG_CLI_GO_ON with *g set, or
 * the command's exit status (the problem printed).  *g is the caller's
 * (cg_graph_free) either way; *bad is increased by the problems printed
 * that did not stop the command. */
int cg_cli_filtered_graph(cg_cli_opts *o, int argc, char **argv,
                          cg_graph **g, cg_work_stats *st, size_t *bad);

/* Makes the unfiltered graph of o: loads --graph or the --edges INPUTs,
 * or extracts the document INPUTs.  *out is the caller's (NULL on
 * failure); st as cg_work_build or cg_cli_load.  Problems are printed;
 * returns how many. */
size_t cg_cli_graph(const cg_cli_opts *o, cg_graph **out, cg_work_stats *st);

/* The exit status of a command that ends with status (0, or the exit
 * status of a failure) after bad problems: flushes stdout first, and a
 * write error there (printed) fails a command that had not failed. */
int cg_cli_exit(int status, size_t bad);

/* Help lines of --min-confidence, -j, -q and -h, for the usage texts of
 * chain, stats and series. */
#define CG_CLI_COMMON_HELP \
    "      --min-confidence X  drop citations recognized with confidence < X\n" \
    "  -j, --jobs N            extract with N threads (default: one per core)\n" \
    "  -q, --quiet             no progress line\n" \
    "  -h, --help              this help\n"
/* Help lines of the options above, for the usage texts. */
#define CG_CLI_SRC_HELP \
    "      --graph FILE        read the graph from GraphML written earlier\n" \
    "                          (by citegraph or another tool) instead of INPUTs\n" \
    "      --edges             INPUTs (files or -) hold citation records from\n" \
    "                          `citegraph extract --format tsv`\n"
/* depth: the option of the ego depth, padded to the description column. */
#define CG_CLI_FILTER_HELP(depth) \
    "filters (applied in this order to the graph written):\n" \
    "      --kind K[,K...]     keep nodes of these kinds\n" \
    "      --body B[,B...]     keep nodes of these bodies (GA, SC, ECOSOC, ...)\n" \
    "      --since YEAR        keep nodes of YEAR or later (unknown year: dropped)\n" \
    "      --until YEAR        keep nodes of YEAR or earlier (unknown year: dropped)\n" \
    "      --ego ID            keep the nodes within N citations of ID, either way\n" \
    depth "N of --ego (default 1; -1: no limit)\n" \
    "      --transitive-reduction  drop each citation implied by a longer chain\n" \
    "                          (inside a cycle every citation is kept)\n"

#endif
