/*
 * cli_stats.c - `citegraph stats INPUT...`: builds the graph of INPUTs and
 * prints what it holds: documents read, nodes and edges by kind and body,
 * the most cited documents by in-degree and by PageRank, the longest
 * recall chain, weakly connected components, and anomalies (citations of
 * documents dated after the citing one, self-citations dropped).
 * Every list is sorted with a full tie-break, so the output is
 * deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "cli_work.h"

#define TOP 10

static void usage_stats(FILE *f)
{
    fprintf(f,
            "usage: citegraph stats [OPTIONS] INPUT...\n"
            "\n"
            "Prints statistics of the citation graph of INPUTs: nodes and edges by\n"
            "kind and body, most cited documents (in-degree, PageRank), the longest\n"
            "recall chain, weakly connected components and anomalies.\n"
            "\n"
            CG_CLI_COMMON_HELP
            CG_CLI_SRC_HELP
            CG_CLI_FILTER_HELP("      --ego-depth N       ")
            "(with filters, the statistics are those of the filtered graph)\n");
}

/* ---- counting strings ---------------------------------------------- */

typedef struct tally {
    const char *key;   /* borrowed from the graph */
    size_t n;
} tally;

typedef struct tallies {
    tally *t;
    size_t n, cap;
} tallies;

static int tally_add(tallies *ts, const char *key, size_t k)
{
    for (size_t i = 0; i < ts->n; i++)
        if (strcmp(ts->t[i].key, key) == 0) {
            ts->t[i].n += k;
            return 0;
        }
    if (ts->n == ts->cap) {
        size_t nc = ts->cap ? ts->cap * 2 : 16;
        tally *nt = realloc(ts->t, nc * sizeof *nt);
        if (!nt)
            return -1;
        ts->t = nt;
        ts->cap = nc;
    }
    ts->t[ts->n].key = key;
    ts->t[ts->n].n = k;
    ts->n++;
    return 0;
}

static int cmp_tally(const void *x, const void *y)
{
    const tally *a = x, *b = y;
    if (a->n != b->n)
        return a->n < b->n ? 1 : -1;
    return strcmp(a->key, b->key);
}

static void tally_print(const char *title, tallies *ts)
{
    qsort(ts->t, ts->n, sizeof *ts->t, cmp_tally);
    printf("%s:\n", title);
    for (size_t i = 0; i < ts->n; i++)
        printf("  %-12s %zu\n", *ts->t[i].key ? ts->t[i].key : "(unknown)",
               ts->t[i].n);
}

/* ---- ranking vertices ---------------------------------------------- */

typedef struct rank {
    size_t v;
    double score;
} rank;

static int cmp_rank(const void *x, const void *y)
{
    const rank *a = x, *b = y;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return a->v < b->v ? -1 : a->v > b->v;
}

static const char *node_desc(const cg_graph *g, size_t v, char *buf,
                             size_t cap)
{
    int y = cg_graph_node_year(g, v);
    if (y)
        snprintf(buf, cap, "%s (%d)", cg_graph_node_str(g, v, CG_NODE_ID), y);
    else
        snprintf(buf, cap, "%s", cg_graph_node_str(g, v, CG_NODE_ID));
    return buf;
}

int cg_cli_stats(int argc, char **argv)
{
    int status = 0;
    size_t bad = 0;
    cg_graph *g = NULL;
    rank *r = NULL;
    double *pr = NULL;
    size_t *path = NULL;
    tallies kinds = { 0 }, bodies = { 0 }, ekinds = { 0 };
    char b1[256], b2[256];
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_SRC_OPTS, usage_stats);
    cg_work_stats ws;
    status = cg_cli_filtered_graph(&o, argc, argv, &g, &ws, &bad);
    if (status != CG_CLI_GO_ON)
        goto done;
    status = 0;
    size_t nv = cg_graph_node_count(g), ne = cg_graph_edge_count(g);
    size_t n_read = 0;
    long wsum = 0;
    r = calloc(nv ? nv : 1, sizeof *r);
    if (!r)
        goto oom;
    for (size_t v = 0; v < nv; v++) {
        r[v].v = v;
        if (!cg_graph_node_cited(g, v))
            n_read++;
        if (tally_add(&kinds, cg_graph_node_str(g, v, CG_NODE_KIND), 1) ||
            tally_add(&bodies, cg_graph_node_str(g, v, CG_NODE_BODY), 1))
            goto oom;
    }
    for (size_t e = 0; e < ne; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        r[to].score += 1;
        wsum += cg_graph_edge_weight(g, e);
        if (tally_add(&ekinds, cg_graph_node_str(g, to, CG_NODE_KIND), 1))
            goto oom;
    }
    printf("documents read: %zu (%zu citation mentions)\n", ws.docs, ws.mentions);
    printf("nodes: %zu (%zu read, %zu only cited)\n", nv, n_read, nv - n_read);
    printf("edges: %zu (%ld mentions merged into them)\n", ne, wsum);
    tally_print("nodes by kind", &kinds);
    tally_print("nodes by body", &bodies);
    tally_print("edges by kind of the cited node", &ekinds);

    qsort(r, nv, sizeof *r, cmp_rank);
    printf("most cited (in-degree):\n");
    for (size_t k = 0; k < TOP && k < nv && r[k].score > 0; k++)
        printf("  %2zu. %-28s %.0f\n", k + 1, node_desc(g, r[k].v, b1, sizeof b1),
               r[k].score);

    cg_error err;
    if (cg_graph_pagerank(g, &pr, &err) != CG_OK)
        goto fail;
    for (size_t v = 0; v < nv; v++) {
        r[v].v = v;
        r[v].score = pr[v];
    }
    qsort(r, nv, sizeof *r, cmp_rank);
    printf("most central (PageRank):\n");
    for (size_t k = 0; k < TOP && k < nv; k++)
        printf("  %2zu. %-28s %.6f\n", k + 1, node_desc(g, r[k].v, b1, sizeof b1),
               r[k].score);

    size_t len = 0, back = 0;
    if (cg_graph_longest_chain(g, &path, &len, &back, &err) != CG_OK)
        goto fail;
    printf("longest recall chain: %zu document%s\n", len, len == 1 ? "" : "s");
    for (size_t i = 0; i < len; i++)
        printf("  %s%s\n", i ? "-> " : "", node_desc(g, path[i], b1, sizeof b1));
    if (back)
        printf("  (%zu citation%s closing a cycle ignored)\n", back, back == 1 ? "" : "s");

    size_t ncomp = 0, largest = 0;
    if (cg_graph_components(g, &ncomp, &largest, &err) != CG_OK)
        goto fail;
    printf("weakly connected components: %zu (largest: %zu nodes)\n", ncomp, largest);

    size_t later = 0;
    for (size_t e = 0; e < ne; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        int yf = cg_graph_node_year(g, from), yt = cg_graph_node_year(g, to);
        if (yf && yt && yt > yf)
            later++;
    }
    printf("anomalies:\n");
    printf("  self-citations dropped: %zu\n", cg_graph_self_citations(g));
    printf("  citations of a later document: %zu\n", later);
    size_t shown = 0;
    for (size_t e = 0; e < ne && shown < TOP; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        int yf = cg_graph_node_year(g, from), yt = cg_graph_node_year(g, to);
        if (yf && yt && yt > yf) {
            printf("    %s cites %s\n", node_desc(g, from, b1, sizeof b1),
                   node_desc(g, to, b2, sizeof b2));
            shown++;
        }
    }
    if (later > shown)
        printf("    ... and %zu more\n", later - shown);
    goto done;
oom:
    fprintf(stderr, "citegraph: out of memory\n");
    status = 1;
    goto done;
fail:
    fprintf(stderr, "citegraph: %s\n", err.msg);
    status = 1;
done:
    status = cg_cli_exit(status, bad);
    free(kinds.t);
    free(bodies.t);
    free(ekinds.t);
    free(path);
    free(pr);
    free(r);
    cg_graph_free(g);
    cg_cli_opts_destroy(&o);
    return status;
}
