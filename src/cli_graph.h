/*
 * cli_graph.h - what the commands share about where their graph comes
 * from and how it is filtered: --graph FILE (GraphML written earlier),
 * --edges (INPUTs are citation records from `extract --format tsv`), or
 * documents; and the filter options --kind, --body, --since, --until,
 * --ego, --ego-depth (--depth in build), --transitive-reduction.
 * Part of the command-line tool.
 */
#ifndef CG_CLI_GRAPH_H
#define CG_CLI_GRAPH_H

#include <stddef.h>

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

/* cg_work_fn printing the documents as citation records (TSV). */
size_t cg_cli_print_tsv(void *ctx, size_t index, const char *path,
                        cg_doc **docs, size_t n, cg_status st,
                        const cg_error *err);

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
