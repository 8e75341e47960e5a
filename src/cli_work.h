/*
 * cli_work.h - the extraction loop shared by the commands: worker threads
 * extract the input files, the calling thread receives the results in
 * input order, and a progress line is kept on stderr when it is a
 * terminal.  Part of the command-line tool, not of the library.
 */
#ifndef CG_CLI_WORK_H
#define CG_CLI_WORK_H

#include <stddef.h>

#include "citegraph.h"
#include "read.h"

/* Called in the calling thread once per input file, in input order.
 * docs (n_docs elements, maybe 0) is lent: valid until the callback
 * returns, freed by cg_work_run (mostly in a worker thread).  st is the extraction status, err its message
 * when st != CG_OK (documents extracted before the failure may still be
 * there).  Returns the number of problems it reported (added to the
 * total). */
typedef size_t (*cg_work_fn)(void *ctx, size_t index, const char *path,
                             cg_doc **docs, size_t n_docs, cg_status st,
                             const cg_error *err);

typedef struct cg_work_opts {
    const cg_extract_opts *ex;
    int jobs;            /* worker threads; <= 0: one per online core */
    int progress;        /* 1: progress line on stderr (caller checked isatty) */
} cg_work_opts;

/* Number of online processors (at least 1). */
int cg_work_default_jobs(void);

/* Extracts every in->paths[i] and calls fn for each in input order.
 * Returns the sum of fn's return values, plus 1 if threads could not be
 * started (then it falls back to one thread, after a message). */
size_t cg_work_run(const cg_inputs *in, const cg_work_opts *o, cg_work_fn fn,
                   void *ctx);

/* What cg_work_build did, and how long each stage took (wall seconds). */
typedef struct cg_work_stats {
    size_t docs, mentions;
    double t_extract;   /* reading and extracting, minus t_add */
    double t_add;       /* cg_builder_add_doc, in the calling thread */
    double t_finish;    /* cg_builder_finish and freeing the builder */
} cg_work_stats;

/* Extracts every input and builds the graph: *out is the caller's
 * (cg_graph_free), NULL when the graph could not be made.  Problems are
 * printed on stderr; returns how many there were. */
size_t cg_work_build(const cg_inputs *in, const cg_work_opts *o,
                     cg_graph **out, cg_work_stats *st);

/* Finishes the graph of b into *out (the caller's; NULL when it could
 * not be made), frees b and sets st->t_finish.  A problem is printed;
 * returns how many (0 or 1). */
size_t cg_work_finish(cg_builder *b, cg_graph **out, cg_work_stats *st);

/* Adds each of inputs[0..n) to in (cg_inputs_add), printing every
 * problem on stderr; returns how many there were. */
size_t cg_work_expand(const char *const *inputs, size_t n, cg_inputs *in);

/* Wall-clock seconds from a monotonic clock. */
double cg_work_now(void);

#endif
