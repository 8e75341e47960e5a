/*
 * analysis.c - questions asked of a finished cg_graph: recall chains
 * (cg_graph_chain), PageRank, the longest recall chain and weakly
 * connected components.  Works through the public accessors and the
 * igraph_t inside (cg_graph_igraph); never changes the graph.
 *
 * Determinism: every walk visits neighbours in vertex order (= id order)
 * and breaks ties toward the smallest vertex index, so results do not
 * depend on igraph's internal edge order.
 *
 * igraph use: no IGRAPH_FINALLY, every return code checked, cleanup via
 * `goto done` (cg_igraph_setup's handler returns instead of aborting).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "cg_util.h"

static cg_status an_igfail(cg_error *err, igraph_error_t rc, const char *what)
{
    return cg_error_set(err, rc == IGRAPH_ENOMEM ? CG_ERR_NOMEM : CG_ERR_GRAPH,
                        "igraph: %s: %s", what, igraph_strerror(rc));
}

static int cmp_int(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a;
    igraph_integer_t y = *(const igraph_integer_t *)b;
    return x < y ? -1 : x > y;
}

/* Adjacency lists in direction mode, each sorted by vertex.  al is
 * initialised only when CG_OK is returned (caller destroys it). */
static cg_status sorted_adjlist(const igraph_t *ig, igraph_neimode_t mode,
                                igraph_adjlist_t *al, cg_error *err)
{
    igraph_error_t rc = igraph_adjlist_init(ig, al, mode, IGRAPH_LOOPS_ONCE,
                                            IGRAPH_MULTIPLE);
    if (rc)
        return an_igfail(err, rc, "adjacency lists");
    igraph_integer_t n = igraph_vcount(ig);
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_vector_int_t *nb = igraph_adjlist_get(al, v);
        igraph_integer_t k = igraph_vector_int_size(nb);
        if (k > 1)
            qsort(VECTOR(*nb), (size_t)k, sizeof(igraph_integer_t), cmp_int);
    }
    return CG_OK;
}

cg_status cg_graph_chain(const cg_graph *g, size_t root, cg_direction dir,
                         int depth, cg_chain_item **items, size_t *n,
                         cg_error *err)
{
    if (!g || !items || !n)
        return cg_error_set(err, CG_ERR_USAGE, "cg_graph_chain: NULL argument");
    *items = NULL;
    *n = 0;
    size_t nv = cg_graph_node_count(g);
    if (root >= nv)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_chain: no vertex %zu", root);
    cg_igraph_setup();
    const igraph_t *ig = cg_graph_igraph(g);
    cg_status st = CG_OK;
    igraph_adjlist_t al;
    int have_al = 0;
    size_t *parent = NULL, *queue = NULL, *stack = NULL;
    int *dist = NULL;
    size_t *first = NULL, *next = NULL; /* children lists of the tree */
    cg_chain_item *out = NULL;

    if ((st = sorted_adjlist(ig, dir == CG_DIR_UP ? IGRAPH_OUT : IGRAPH_IN,
                             &al, err)) != CG_OK)
        goto done;
    have_al = 1;
    parent = malloc(nv * sizeof *parent);
    queue = malloc(nv * sizeof *queue);
    dist = malloc(nv * sizeof *dist);
    first = malloc(nv * sizeof *first);
    next = malloc(nv * sizeof *next);
    if (!parent || !queue || !dist || !first || !next)
        goto oom;
    for (size_t v = 0; v < nv; v++) {
        dist[v] = -1;
        parent[v] = SIZE_MAX;
        first[v] = next[v] = SIZE_MAX;
    }
    /* Breadth-first: shortest distance; a vertex's parent is the first
     * one to reach it, and the queue is processed in (distance, parent
     * order, vertex) order, which makes the smallest parent win. */
    size_t head = 0, tail = 0;
    queue[tail++] = root;
    dist[root] = 0;
    while (head < tail) {
        size_t u = queue[head++];
        if (depth >= 0 && dist[u] >= depth)
            continue;
        igraph_vector_int_t *nb = igraph_adjlist_get(&al, (igraph_integer_t)u);
        igraph_integer_t k = igraph_vector_int_size(nb);
        for (igraph_integer_t i = 0; i < k; i++) {
            size_t w = (size_t)VECTOR(*nb)[i];
            if (dist[w] >= 0)
                continue;
            dist[w] = dist[u] + 1;
            parent[w] = u;
            queue[tail++] = w;
        }
    }
    /* Children lists in vertex order: link from the back. */
    for (size_t v = nv; v-- > 0;) {
        if (dist[v] > 0) {
            next[v] = first[parent[v]];
            first[parent[v]] = v;
        }
    }
    out = malloc(tail * sizeof *out);
    stack = malloc(tail * sizeof *stack);
    if (!out || !stack)
        goto oom;
    size_t m = 0, sp = 0;
    stack[sp++] = root;
    while (sp) {
        size_t u = stack[--sp];
        out[m].v = u;
        out[m].parent = parent[u];
        out[m].depth = dist[u];
        m++;
        /* Push children in reverse so that the smallest pops first. */
        size_t cnt = 0;
        for (size_t c = first[u]; c != SIZE_MAX; c = next[c])
            stack[sp + cnt++] = c;
        for (size_t a = 0, b = cnt; a + 1 < b; a++, b--) {
            size_t t = stack[sp + a];
            stack[sp + a] = stack[sp + b - 1];
            stack[sp + b - 1] = t;
        }
        sp += cnt;
    }
    *items = out;
    *n = m;
    out = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory walking the chain");
done:
    if (have_al)
        igraph_adjlist_destroy(&al);
    free(parent);
    free(queue);
    free(stack);
    free(dist);
    free(first);
    free(next);
    free(out);
    return st;
}

cg_status cg_graph_pagerank(const cg_graph *g, double **scores, cg_error *err)
{
    if (!g || !scores)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_pagerank: NULL argument");
    *scores = NULL;
    cg_igraph_setup();
    const igraph_t *ig = cg_graph_igraph(g);
    size_t nv = cg_graph_node_count(g);
    cg_status st = CG_OK;
    igraph_vector_t vec;
    int have_vec = 0;
    igraph_error_t rc;
    double *out = malloc((nv ? nv : 1) * sizeof *out);
    if (!out) {
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory for PageRank");
        goto done;
    }
    if ((rc = igraph_vector_init(&vec, 0))) {
        st = an_igfail(err, rc, "PageRank");
        goto done;
    }
    have_vec = 1;
    if ((rc = igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &vec, NULL,
                              igraph_vss_all(), IGRAPH_DIRECTED, 0.85, NULL,
                              NULL))) {
        st = an_igfail(err, rc, "PageRank");
        goto done;
    }
    for (size_t v = 0; v < nv; v++)
        out[v] = VECTOR(vec)[v];
    *scores = out;
    out = NULL;
done:
    if (have_vec)
        igraph_vector_destroy(&vec);
    free(out);
    return st;
}

cg_status cg_graph_longest_chain(const cg_graph *g, size_t **path,
                                 size_t *len, size_t *back_edges,
                                 cg_error *err)
{
    if (!g || !path || !len || !back_edges)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_longest_chain: NULL argument");
    *path = NULL;
    *len = 0;
    *back_edges = 0;
    size_t nv = cg_graph_node_count(g);
    if (nv == 0)
        return CG_OK;
    cg_igraph_setup();
    const igraph_t *ig = cg_graph_igraph(g);
    cg_status st = CG_OK;
    igraph_adjlist_t al;
    int have_al = 0;
    unsigned char *color = NULL;   /* 0 new, 1 on the stack, 2 finished */
    size_t *dist = NULL, *succ = NULL, *sv = NULL, *si = NULL, *out = NULL;

    if ((st = sorted_adjlist(ig, IGRAPH_OUT, &al, err)) != CG_OK)
        goto done;
    have_al = 1;
    color = calloc(nv, 1);
    dist = calloc(nv, sizeof *dist);     /* edges on the longest path */
    succ = malloc(nv * sizeof *succ);    /* next vertex on it */
    sv = malloc(nv * sizeof *sv);        /* DFS stack: vertex */
    si = malloc(nv * sizeof *si);        /* and next neighbour index */
    if (!color || !dist || !succ || !sv || !si)
        goto oom;
    for (size_t v = 0; v < nv; v++)
        succ[v] = SIZE_MAX;
    /* Iterative DFS; a vertex's distance is final when it finishes,
     * because all its non-back out-edges lead to finished vertices. */
    for (size_t r = 0; r < nv; r++) {
        if (color[r])
            continue;
        size_t sp = 0;
        sv[sp] = r;
        si[sp] = 0;
        sp++;
        color[r] = 1;
        while (sp) {
            size_t u = sv[sp - 1];
            igraph_vector_int_t *nb = igraph_adjlist_get(&al, (igraph_integer_t)u);
            size_t k = (size_t)igraph_vector_int_size(nb);
            if (si[sp - 1] < k) {
                size_t w = (size_t)VECTOR(*nb)[si[sp - 1]++];
                if (color[w] == 1) {
                    (*back_edges)++;      /* closes a cycle: ignored */
                } else if (color[w] == 0) {
                    color[w] = 1;
                    sv[sp] = w;
                    si[sp] = 0;
                    sp++;
                }
                continue;
            }
            /* u finishes: its successors are all final now. */
            for (size_t i = 0; i < k; i++) {
                size_t w = (size_t)VECTOR(*nb)[i];
                if (color[w] != 2)
                    continue;             /* back edge (w still on stack) */
                if (succ[u] == SIZE_MAX || dist[w] + 1 > dist[u]) {
                    dist[u] = dist[w] + 1;
                    succ[u] = w;
                }
            }
            color[u] = 2;
            sp--;
        }
    }
    size_t best = 0;
    for (size_t v = 1; v < nv; v++)
        if (dist[v] > dist[best])
            best = v;
    out = malloc((dist[best] + 1) * sizeof *out);
    if (!out)
        goto oom;
    size_t m = 0;
    for (size_t v = best; v != SIZE_MAX && m <= dist[best]; v = succ[v])
        out[m++] = v;
    *path = out;
    *len = m;
    out = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM,
                      "out of memory finding the longest chain");
done:
    if (have_al)
        igraph_adjlist_destroy(&al);
    free(color);
    free(dist);
    free(succ);
    free(sv);
    free(si);
    free(out);
    return st;
}

cg_status cg_graph_components(const cg_graph *g, size_t *count,
                              size_t *largest, cg_error *err)
{
    if (!g || !count || !largest)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_components: NULL argument");
    *count = 0;
    *largest = 0;
    cg_igraph_setup();
    cg_status st = CG_OK;
    igraph_vector_int_t csize;
    igraph_integer_t no = 0;
    igraph_error_t rc;
    if ((rc = igraph_vector_int_init(&csize, 0)))
        return an_igfail(err, rc, "components");
    if ((rc = igraph_connected_components(cg_graph_igraph(g), NULL, &csize,
                                          &no, IGRAPH_WEAK))) {
        st = an_igfail(err, rc, "components");
        goto done;
    }
    *count = (size_t)no;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&csize); i++)
        if ((size_t)VECTOR(csize)[i] > *largest)
            *largest = (size_t)VECTOR(csize)[i];
done:
    igraph_vector_int_destroy(&csize);
    return st;
}
