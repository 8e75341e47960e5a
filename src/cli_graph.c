/*
 * cli_graph.c - graph sources and filters shared by the commands (see
 * cli_graph.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_graph.h"

void cg_cli_src_init(cg_cli_src *s)
{
    memset(s, 0, sizeof *s);
    cg_filter_init(&s->filter);
}

static int int_arg(const char *opt, const char *v, long lo, long hi, int *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < lo || x > hi) {
        fprintf(stderr, "citegraph: %s takes a number from %ld to %ld\n", opt, lo, hi);
        return 2;
    }
    *out = (int)x;
    return 1;
}

int cg_cli_src_opt(cg_cli_src *s, int argc, char **argv, int *i,
                   int depth_is_ego)
{
    const char *a = argv[*i];
    int more = *i + 1 < argc;
    if (strcmp(a, "--edges") == 0) {
        s->edges = 1;
        return 1;
    }
    if (strcmp(a, "--transitive-reduction") == 0) {
        s->filter.transitive_reduction = 1;
        return 1;
    }
    if (!more)
        return 0;
    const char *v = argv[*i + 1];
    if (strcmp(a, "--graph") == 0)
        s->graph = v;
    else if (strcmp(a, "--kind") == 0)
        s->filter.kind = v;
    else if (strcmp(a, "--body") == 0)
        s->filter.body = v;
    else if (strcmp(a, "--ego") == 0)
        s->filter.ego = v;
    else if (strcmp(a, "--since") == 0) {
        if (int_arg(a, v, 1, 9999, &s->filter.since) == 2)
            return 2;
    } else if (strcmp(a, "--until") == 0) {
        if (int_arg(a, v, 1, 9999, &s->filter.until) == 2)
            return 2;
    } else if (strcmp(a, "--ego-depth") == 0 ||
               (depth_is_ego && (strcmp(a, "--depth") == 0 || strcmp(a, "-d") == 0))) {
        if (int_arg(a, v, -1, 1000000, &s->filter.ego_depth) == 2)
            return 2;
    } else
        return 0;
    (*i)++;
    return 1;
}

int cg_cli_src_check(const cg_cli_src *s, size_t n_inputs)
{
    if (s->graph && (n_inputs || s->edges)) {
        fprintf(stderr, "citegraph: --graph replaces INPUTs and --edges\n");
        return 2;
    }
    if (!s->graph && n_inputs == 0) {
        fprintf(stderr, "citegraph: no input given (see --help)\n");
        return 2;
    }
    if (s->filter.since && s->filter.until && s->filter.since > s->filter.until) {
        fprintf(stderr, "citegraph: --since %d is after --until %d\n", s->filter.since,
                s->filter.until);
        return 2;
    }
    return 0;
}

int cg_cli_src_docs(const cg_cli_src *s)
{
    return !s->graph && !s->edges;
}

size_t cg_cli_load(const cg_cli_src *s, const char *const *inputs, size_t n,
                   cg_graph **out, cg_work_stats *st)
{
    memset(st, 0, sizeof *st);
    *out = NULL;
    cg_error err;
    double t0 = cg_work_now();
    if (s->graph) {
        if (cg_graph_read_graphml(s->graph, out, &err) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", err.msg);
            return 1;
        }
        size_t nv = cg_graph_node_count(*out);
        for (size_t v = 0; v < nv; v++)
            st->docs += !cg_graph_node_cited(*out, v);
        /* An edge's weight is the number of mentions merged into it. */
        for (size_t e = 0; e < cg_graph_edge_count(*out); e++)
            st->mentions += (size_t)cg_graph_edge_weight(*out, e);
        st->t_finish = cg_work_now() - t0;
        return 0;
    }
    size_t bad = 0;
    cg_builder *b = cg_builder_new();
    if (!b) {
        fprintf(stderr, "citegraph: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (cg_builder_add_records(b, inputs[i], &st->docs, &st->mentions, &err) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", err.msg);
            bad++;
        }
    }
    double t1 = cg_work_now();
    st->t_add = t1 - t0;
    if (cg_builder_finish(b, out, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        bad++;
    }
    cg_builder_free(b);
    st->t_finish = cg_work_now() - t1;
    return bad;
}

int cg_cli_filter(const cg_cli_src *s, cg_graph **g)
{
    if (!*g || !cg_filter_active(&s->filter))
        return 0;
    cg_graph *f = NULL;
    cg_error err;
    if (cg_graph_filter(*g, &s->filter, &f, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        return 1;
    }
    cg_graph_free(*g);
    *g = f;
    return 0;
}

size_t cg_cli_print_tsv(void *ctx, size_t index, const char *path,
                        cg_doc **docs, size_t n, cg_status st,
                        const cg_error *err)
{
    (void)ctx;
    (void)index;
    size_t bad = 0;
    if (st != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err->msg);
        bad++;
    }
    for (size_t k = 0; k < n; k++) {
        char *t = cg_doc_tsv(docs[k]);
        if (!t) {
            fprintf(stderr, "citegraph: %s: out of memory\n", path);
            bad++;
        } else {
            fputs(t, stdout);
            free(t);
        }
        cg_doc_free(docs[k]);
    }
    free(docs);
    return bad;
}
