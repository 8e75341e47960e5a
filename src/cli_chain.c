/*
 * cli_chain.c - `citegraph chain ID [--up|--down] [--depth N] [-o FILE
 * [-f FMT]] INPUT...`: builds the graph of INPUTs and prints the recall
 * chain of one document as an indented tree (what it recalls with --up,
 * the default; what recalls it with --down), each document once, at its
 * shortest distance.  -o also exports the chain as a graph.  An unknown
 * ID is reported with the closest ids of the graph.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "cli_work.h"

static void usage_chain(FILE *f)
{
    fprintf(f,
            "usage: citegraph chain ID [--up|--down] [--depth N] [-o FILE [-f FORMAT]] INPUT...\n"
            "\n"
            "Prints the recall chain of document ID as an indented tree: year, kind\n"
            "and title of every document it cites, directly or not (--up, the\n"
            "default), or of every document that cites it (--down).\n"
            "\n"
            "      --up                follow citations from ID to what it cites\n"
            "      --down              follow citations to ID from what cites it\n"
            "  -d, --depth N           at most N steps from ID (default: no limit)\n"
            "  -o, --output FILE       also write the chain as a graph to FILE\n"
            "  -f, --format FORMAT     format of FILE (default: from its extension)\n"
            CG_CLI_COMMON_HELP
            CG_CLI_SRC_HELP
            CG_CLI_FILTER_HELP("      --ego-depth N       ")
            "(the filters apply to the graph written with -o, not to the tree)\n");
}

/* Levenshtein distance of a and b, giving up (returning cap + 1) once
 * every cell of a row exceeds cap. */
static size_t edit_distance(const char *a, const char *b, size_t cap,
                            size_t *row)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], lo;
        row[0] = i;
        lo = row[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
            if (best < lo)
                lo = best;
        }
        if (lo > cap)
            return cap + 1;
    }
    return row[lb];
}

typedef struct near {
    size_t v, d;
} near;

static int cmp_near(const void *x, const void *y)
{
    const near *a = x, *b = y;
    if (a->d != b->d)
        return a->d < b->d ? -1 : 1;
    return a->v < b->v ? -1 : a->v > b->v;
}

/* Prints up to five ids close to id: within a small edit distance, or
 * starting with id (distance counted as the missing length). */
static void suggest(const cg_graph *g, const char *id)
{
    size_t nv = cg_graph_node_count(g), lid = strlen(id);
    size_t cap = lid / 4 < 2 ? 2 : lid / 4;
    near best[5];
    size_t nb = 0;
    size_t *row = NULL, rowcap = 0;
    for (size_t v = 0; v < nv; v++) {
        const char *s = cg_graph_node_str(g, v, CG_NODE_ID);
        size_t ls = strlen(s), d;
        if (ls + 1 > rowcap) {
            size_t nc = (ls + 1) * 2;
            size_t *nr = realloc(row, nc * sizeof *nr);
            if (!nr)
                break;
            row = nr;
            rowcap = nc;
        }
        if (lid && strncmp(s, id, lid) == 0)
            d = ls - lid;
        else
            d = edit_distance(id, s, cap, row);
        if (d > cap && !(lid && strncmp(s, id, lid) == 0))
            continue;
        near c = { v, d };
        if (nb < 5) {
            best[nb++] = c;
        } else if (cmp_near(&c, &best[4]) < 0) {
            best[4] = c;
        } else {
            continue;
        }
        qsort(best, nb, sizeof *best, cmp_near);
    }
    free(row);
    if (nb == 0) {
        fprintf(stderr, "citegraph: chain: no document '%s' in the graph\n", id);
        return;
    }
    fprintf(stderr, "citegraph: chain: no document '%s' in the graph; did you mean", id);
    for (size_t i = 0; i < nb; i++)
        fprintf(stderr, "%s %s", i ? "," : "",
                cg_graph_node_str(g, best[i].v, CG_NODE_ID));
    fprintf(stderr, "?\n");
}

/* The vertex of id, also trying it without spaces ("S/RES/1325 (2000)"
 * is written S/RES/1325(2000) in the graph); -1 if absent. */
static long find_id(const cg_graph *g, const char *id)
{
    long v = cg_graph_find(g, id);
    if (v >= 0 || !strchr(id, ' '))
        return v;
    size_t l = strlen(id);
    char *t = malloc(l + 1);
    if (!t)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < l; i++)
        if (id[i] != ' ')
            t[k++] = id[i];
    t[k] = '\0';
    v = cg_graph_find(g, t);
    free(t);
    return v;
}

static void print_node(const cg_graph *g, size_t v, int indent)
{
    int year = cg_graph_node_year(g, v);
    const char *kind = cg_graph_node_str(g, v, CG_NODE_KIND);
    const char *title = cg_graph_node_str(g, v, CG_NODE_TITLE);
    printf("%*s%s", indent * 2, "", cg_graph_node_str(g, v, CG_NODE_ID));
    if (year)
        printf(" (%d, %s)", year, *kind ? kind : "unknown kind");
    else
        printf(" (year unknown, %s)", *kind ? kind : "unknown kind");
    if (*title)
        printf(" %s", title);
    if (cg_graph_node_cited(g, v))
        printf(" [not read]");
    printf("\n");
}

/* The options of chain alone (cg_cli_opt_fn). */
typedef struct chain_opts {
    cg_direction dir;
    int depth;           /* -1: no limit */
} chain_opts;

static int chain_opt(void *ctx, int argc, char **argv, int *i)
{
    chain_opts *c = ctx;
    const char *a = argv[*i];
    if (strcmp(a, "--up") == 0) {
        c->dir = CG_DIR_UP;
    } else if (strcmp(a, "--down") == 0) {
        c->dir = CG_DIR_DOWN;
    } else if ((strcmp(a, "-d") == 0 || strcmp(a, "--depth") == 0) && *i + 1 < argc) {
        char *end;
        long d = strtol(argv[++*i], &end, 10);
        if (*end || d < 0 || d > 1000000) {
            fprintf(stderr, "citegraph: --depth takes a number >= 0\n");
            return 2;
        }
        c->depth = (int)d;
    } else {
        return 0;
    }
    return 1;
}

int cg_cli_chain(int argc, char **argv)
{
    const char *id = NULL;
    chain_opts c = { CG_DIR_UP, -1 };
    int status = 0;
    size_t bad = 0;
    cg_graph *g = NULL, *sub = NULL;
    cg_chain_item *items = NULL;
    size_t *verts = NULL;
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_SRC_OPTS | CG_CLI_OUTPUT, usage_chain);
    status = cg_cli_parse(&o, argc, argv, chain_opt, &c);
    if (status != CG_CLI_GO_ON)
        goto done;
    status = 0;
    /* The first INPUT is the ID. */
    if (o.n_inputs) {
        id = o.inputs[0];
        memmove(o.inputs, o.inputs + 1, --o.n_inputs * sizeof *o.inputs);
    }
    if (!id || (o.n_inputs == 0 && !o.src.graph)) {
        fprintf(stderr, "citegraph: chain needs an ID and at least one INPUT (see --help)\n");
        status = 2;
        goto done;
    }
    if (cg_cli_src_check(&o.src, o.n_inputs) != 0) {
        status = 2;
        goto done;
    }
    const char *output = o.output, *format = o.format;
    cg_format fmt = CG_FMT_GRAPHML;
    if (format) {
        if ((fmt = cg_format_from_name(format)) == CG_FMT_UNKNOWN) {
            fprintf(stderr, "citegraph: unknown format '%s'\n", format);
            status = 2;
            goto done;
        }
    } else if (output && strcmp(output, "-") != 0 &&
               (fmt = cg_format_from_path(output)) == CG_FMT_UNKNOWN) {
        fprintf(stderr, "citegraph: %s: cannot tell the format from the extension; use -f\n",
                output);
        status = 2;
        goto done;
    }

    cg_work_stats ws;
    bad += cg_cli_graph(&o, &g, &ws);
    if (!g) {
        status = 1;
        goto done;
    }
    long root = find_id(g, id);
    if (root < 0) {
        suggest(g, id);
        status = 1;
        goto done;
    }
    size_t n = 0;
    cg_error err;
    if (cg_graph_chain(g, (size_t)root, c.dir, c.depth, &items, &n, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        status = 1;
        goto done;
    }
    int maxd = 0;
    for (size_t i = 0; i < n; i++) {
        print_node(g, items[i].v, items[i].depth);
        if (items[i].depth > maxd)
            maxd = items[i].depth;
    }
    printf("%zu document%s %s %s, %d level%s deep.\n", n - 1, n - 1 == 1 ? "" : "s",
           c.dir == CG_DIR_UP ? "recalled by" : "recalling",
           cg_graph_node_str(g, (size_t)root, CG_NODE_ID), maxd,
           maxd == 1 ? "" : "s");
    if (output) {
        verts = malloc(n * sizeof *verts);
        if (!verts) {
            fprintf(stderr, "citegraph: out of memory\n");
            status = 1;
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            verts[i] = items[i].v;
        if (cg_graph_subgraph(g, verts, n, &sub, &err) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", err.msg);
            status = 1;
            goto done;
        }
        if (cg_cli_filter(&o.src, &sub) != 0) {
            status = 1;
            goto done;
        }
        if (cg_export(sub, fmt, output, &err) != CG_OK) {
            fprintf(stderr, "citegraph: %s\n", err.msg);
            status = 1;
            goto done;
        }
    }
done:
    status = cg_cli_exit(status, bad);
    free(verts);
    free(items);
    cg_graph_free(sub);
    cg_graph_free(g);
    cg_cli_opts_destroy(&o);
    return status;
}
