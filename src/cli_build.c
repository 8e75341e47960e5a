/*
 * cli_build.c - `citegraph build [-o FILE] [-f FORMAT] [OPTIONS]
 * INPUT...`: one merged citation graph of every INPUT (documents, the
 * --edges records of `extract --format tsv`, or --graph GraphML),
 * filtered, written in one of the export formats; --summary names the
 * most cited documents, --timings the time of each stage.
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
 * by it.  A signal the shell set to be ignored stays ignored.  g and out
 * are borrowed. */
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
            fprintf(stderr, "citegraph: %s\n", err->msg);
        fflush(stderr);
        raise(interrupted);
    }
    return st;
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

/* The options of build alone. */
typedef struct build_opts {
    int summary;   /* --summary */
    int yed;       /* --yed */
    int timings;   /* --timings */
} build_opts;

/* cg_cli_opt_fn: ctx is the build_opts. */
static int build_opt(void *ctx, int argc, char **argv, int *i)
{
    build_opts *b = ctx;
    const char *a = argv[*i];
    (void)argc;
    if (strcmp(a, "--summary") == 0)
        b->summary = 1;
    else if (strcmp(a, "--yed") == 0)
        b->yed = 1;
    else if (strcmp(a, "--timings") == 0)
        b->timings = 1;
    else
        return 0;
    return 1;
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

/* The --summary line of g (borrowed); nothing when out of memory. */
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

/* The export format of -f, or of -o's extension; 0, or 2 after printing
 * the usage error (also for --yed or csv where they cannot be). */
static int out_format(const cg_cli_opts *o, const build_opts *b, cg_format *fmt)
{
    const char *out = o->output ? o->output : "-";
    *fmt = CG_FMT_GRAPHML;
    if (o->format) {
        *fmt = cg_format_from_name(o->format);
        if (*fmt == CG_FMT_UNKNOWN) {
            fprintf(stderr, "citegraph: unknown format '%s' (graphml, dot, adj, gexf, gml, pajek, json, cyjs, csv)\n",
                    o->format);
            return 2;
        }
    } else if (strcmp(out, "-") != 0) {
        *fmt = cg_format_from_path(out);
        if (*fmt == CG_FMT_UNKNOWN) {
            fprintf(stderr, "citegraph: %s: cannot tell the format from the extension; use -f graphml|dot|adj|gexf|gml|pajek|json|cyjs|csv\n",
                    out);
            return 2;
        }
    }
    if ((*fmt == CG_FMT_CSV && strcmp(out, "-") == 0) || (b->yed && *fmt != CG_FMT_GRAPHML)) {
        fprintf(stderr, "citegraph: %s\n",
                b->yed ? "--yed applies to GraphML only" : "csv writes a directory: give -o DIR");
        return 2;
    }
    return 0;
}

/* Makes, filters and writes the graph of o (parsed and checked); the
 * exit status. */
static int build_run(const cg_cli_opts *o, const build_opts *b, cg_format fmt)
{
    const char *out = o->output ? o->output : "-";
    int docs = cg_cli_src_docs(&o->src);
    double t0 = cg_work_now();
    cg_inputs in;
    cg_inputs_init(&in);
    /* Not cg_cli_graph: --timings shows the walk of the INPUTs apart. */
    size_t bad = docs ? cg_work_expand(o->inputs, o->n_inputs, &in) : 0;
    double t_walk = cg_work_now() - t0;
    cg_graph *g = NULL;
    cg_work_stats ws;
    int status = 0;
    cg_work_opts wo = { &o->ex, o->jobs, !o->quiet && isatty(2) };
    bad += docs ? cg_work_build(&in, &wo, &g, &ws)
                : cg_cli_load(&o->src, o->inputs, o->n_inputs, &g, &ws);
    cg_error err;
    if (ws.docs == 0) {
        /* Replacing an earlier graph with an empty one would lose it. */
        fprintf(stderr, "citegraph: no document could be read; %s not written\n",
                strcmp(out, "-") == 0 ? "graph" : out);
        status = 1;
        goto done;
    }
    if (!g || cg_cli_filter(&o->src, &g) != 0) {
        status = 1;
        goto done;
    }
    double t_exp = cg_work_now();
    if (export_guarded(g, fmt, b->yed, out, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        status = 1;
        goto done;
    }
    t_exp = cg_work_now() - t_exp;
    if (b->timings) {
        /* One stage a line, so that scripts can pick them out. */
        fprintf(stderr, "citegraph: timing walk %.3f s\n", t_walk);
        fprintf(stderr, "citegraph: timing read+extract %.3f s (%d jobs)\n",
                ws.t_extract, o->jobs > 0 ? o->jobs : cg_work_default_jobs());
        fprintf(stderr, "citegraph: timing add %.3f s\n", ws.t_add);
        fprintf(stderr, "citegraph: timing finish %.3f s\n", ws.t_finish);
        fprintf(stderr, "citegraph: timing export %.3f s\n", t_exp);
        fprintf(stderr, "citegraph: timing total %.3f s\n", cg_work_now() - t0);
    }
    if (b->summary && !o->quiet)
        print_summary(g, ws.docs, ws.mentions);
done:
    cg_graph_free(g);
    cg_inputs_destroy(&in);
    /* Not cg_cli_exit: a graph written to stdout reports its own write
     * error, which ferror would report a second time. */
    if (fflush(stdout) != 0) {
        fprintf(stderr, "citegraph: error writing standard output\n");
        status = 1;
    }
    return status || bad ? 1 : 0;
}

int cg_cli_build(int argc, char **argv)
{
    build_opts b = { 0, 0, 0 };
    cg_format fmt = CG_FMT_GRAPHML;
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_SRC_OPTS | CG_CLI_DEPTH_IS_EGO | CG_CLI_INPUT_FORMAT | CG_CLI_OUTPUT,
                     usage_build);
    int status = cg_cli_parse(&o, argc, argv, build_opt, &b);
    if (status == CG_CLI_GO_ON &&
        (cg_cli_src_check(&o.src, o.n_inputs) != 0 || out_format(&o, &b, &fmt) != 0))
        status = 2;
    /* Usage errors and --help end here, before the check of stdout. */
    if (status == CG_CLI_GO_ON)
        status = build_run(&o, &b, fmt);
    cg_cli_opts_destroy(&o);
    return status;
}
