/*
 * cli_graph.c - graph sources, filters, option parsing and exit status
 * shared by the commands (see cli_graph.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    st->t_add = cg_work_now() - t0;
    return bad + cg_work_finish(b, out, st);
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

void cg_cli_opts_init(cg_cli_opts *o, unsigned accept, void (*usage)(FILE *f))
{
    memset(o, 0, sizeof *o);
    o->accept = accept;
    o->usage = usage;
    cg_cli_src_init(&o->src);
}

void cg_cli_opts_destroy(cg_cli_opts *o)
{
    if (!o)
        return;
    free(o->inputs);
    o->inputs = NULL;
    o->n_inputs = 0;
}

/* The options of cg_cli_parse other than INPUTs, -- and --help: 1 taken,
 * 0 not one of them, 2 usage error (printed). */
static int shared_opt(cg_cli_opts *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int more = *i + 1 < argc;
    if ((o->accept & CG_CLI_OUTPUT) && more &&
        (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)) {
        o->output = argv[++*i];
    } else if ((o->accept & CG_CLI_OUTPUT) && more &&
               (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0)) {
        o->format = argv[++*i];
    } else if (strcmp(a, "--min-confidence") == 0 && more) {
        char *end;
        o->ex.min_confidence = strtod(argv[++*i], &end);
        if (*end || o->ex.min_confidence < 0 || o->ex.min_confidence > 1) {
            fprintf(stderr, "citegraph: --min-confidence takes a number from 0 to 1\n");
            return 2;
        }
    } else if ((o->accept & CG_CLI_INPUT_FORMAT) && more &&
               strcmp(a, "--input-format") == 0) {
        o->ex.input_format = cg_input_format_from_name(argv[++*i]);
        if (o->ex.input_format == CG_IN_AUTO) {
            fprintf(stderr, "citegraph: unknown input format '%s' (text, pdf, html, marcxml, akn)\n",
                    argv[*i]);
            return 2;
        }
    } else if (((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && more) ||
               (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
        char *end;
        long j = strtol(a[1] == 'j' && a[2] ? a + 2 : argv[++*i], &end, 10);
        if (*end || j < 1 || j > 1024) {
            fprintf(stderr, "citegraph: --jobs takes a number from 1 to 1024\n");
            return 2;
        }
        o->jobs = (int)j;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
        o->quiet = 1;
    } else if (o->accept & CG_CLI_SRC_OPTS) {
        return cg_cli_src_opt(&o->src, argc, argv, i,
                              (o->accept & CG_CLI_DEPTH_IS_EGO) != 0);
    } else {
        return 0;
    }
    return 1;
}

int cg_cli_parse(cg_cli_opts *o, int argc, char **argv, cg_cli_opt_fn own,
                 void *ctx)
{
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) {
        fprintf(stderr, "citegraph: out of memory\n");
        return 1;
    }
    int only_inputs = 0, r;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            o->inputs[o->n_inputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->usage(stdout);
            return 0;
        } else if ((own && (r = own(ctx, argc, argv, &i)) != 0) ||
                   (r = shared_opt(o, argc, argv, &i)) != 0) {
            if (r == 2)
                return 2;
        } else {
            fprintf(stderr, "citegraph: unknown option or missing value: %s (see --help)\n", a);
            return 2;
        }
    }
    return CG_CLI_GO_ON;
}

size_t cg_cli_graph(const cg_cli_opts *o, cg_graph **out, cg_work_stats *st)
{
    if (!cg_cli_src_docs(&o->src))
        return cg_cli_load(&o->src, o->inputs, o->n_inputs, out, st);
    cg_work_opts wo = { &o->ex, o->jobs, !o->quiet && isatty(2) };
    cg_inputs in;
    cg_inputs_init(&in);
    size_t bad = cg_work_expand(o->inputs, o->n_inputs, &in);
    bad += cg_work_build(&in, &wo, out, st);
    cg_inputs_destroy(&in);
    return bad;
}

int cg_cli_filtered_graph(cg_cli_opts *o, int argc, char **argv,
                          cg_graph **g, cg_work_stats *st, size_t *bad)
{
    *g = NULL;
    int status = cg_cli_parse(o, argc, argv, NULL, NULL);
    if (status != CG_CLI_GO_ON)
        return status;
    if (cg_cli_src_check(&o->src, o->n_inputs) != 0)
        return 2;
    *bad += cg_cli_graph(o, g, st);
    if (!*g || cg_cli_filter(&o->src, g) != 0)
        return 1;
    return CG_CLI_GO_ON;
}

int cg_cli_exit(int status, size_t bad)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "citegraph: error writing standard output\n");
        status = status ? status : 1;
    }
    return status ? status : bad ? 1 : 0;
}
