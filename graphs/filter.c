/*
 * filter.c - filtered copies of a citation graph (cg_graph_filter) and
 * its transitive reduction.  Vertex selections go through
 * cg_graph_subgraph, edge removal through cg_rb_make (rebuild.c), so the
 * results keep ids sorted and edges in (source, target) order and export
 * like any graph.  Nothing depends on input order: every walk goes in
 * vertex order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "cg_util.h"
#include "rebuild.h"

void cg_filter_init(cg_filter *f)
{
    memset(f, 0, sizeof *f);
    f->ego_depth = 1;
}

int cg_filter_active(const cg_filter *f)
{
    return f && (f->kind || f->body || f->since || f->until || f->ego ||
                 f->transitive_reduction);
}

/* 1 when s is one of the comma-separated items of list. */
static int fl_in_list(const char *list, const char *s)
{
    size_t ls = strlen(s);
    for (const char *p = list;;) {
        const char *c = strchr(p, ',');
        size_t l = c ? (size_t)(c - p) : strlen(p);
        if (l == ls && strncmp(p, s, l) == 0)
            return 1;
        if (!c)
            return 0;
        p = c + 1;
    }
}

/* Out-neighbour lists (CSR) of g: nb[first[v]..first[v+1]) in vertex
 * order, since the builder stores edges in (source, target) order.
 * Both arrays are the caller's. */
static int fl_csr(const cg_graph *g, int both, size_t **first, size_t **nb)
{
    size_t nv = cg_graph_node_count(g), ne = cg_graph_edge_count(g);
    size_t *f = calloc(nv + 1, sizeof *f);
    size_t na = both ? 2 * ne : ne;
    size_t *a = malloc((na ? na : 1) * sizeof *a);
    size_t *fill = malloc((nv + 1) * sizeof *fill);
    if (!f || !a || !fill) {
        free(f);
        free(a);
        free(fill);
        return -1;
    }
    for (size_t e = 0; e < ne; e++) {
        size_t u, v;
        cg_graph_edge_ends(g, e, &u, &v);
        f[u + 1]++;
        if (both)
            f[v + 1]++;
    }
    for (size_t v = 0; v < nv; v++)
        f[v + 1] += f[v];
    memcpy(fill, f, (nv + 1) * sizeof *fill);
    for (size_t e = 0; e < ne; e++) {
        size_t u, v;
        cg_graph_edge_ends(g, e, &u, &v);
        a[fill[u]++] = v;
        if (both)
            a[fill[v]++] = u;
    }
    free(fill);
    *first = f;
    *nb = a;
    return 0;
}

cg_status cg_graph_transitive_reduction(const cg_graph *g, cg_graph **out,
                                        size_t *removed, cg_error *err)
{
    if (!g || !out)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_transitive_reduction: NULL argument");
    *out = NULL;
    if (removed)
        *removed = 0;
    cg_igraph_setup();
    size_t nv = cg_graph_node_count(g), ne = cg_graph_edge_count(g);
    cg_status st = CG_OK;
    igraph_vector_int_t memb;
    igraph_integer_t ncomp = 0;
    int have_memb = 0;
    size_t *cf = NULL, *cn = NULL, *stamp = NULL, *stack = NULL;
    unsigned char *keep = NULL;
    cg_rb_node *rn = NULL;
    cg_rb_edge *re = NULL;
    igraph_error_t rc;
    if ((rc = igraph_vector_int_init(&memb, 0))) {
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory reducing the graph");
        goto done;
    }
    have_memb = 1;
    if ((rc = igraph_connected_components(cg_graph_igraph(g), &memb, NULL, &ncomp,
                                          IGRAPH_STRONG))) {
        st = cg_error_set(err, rc == IGRAPH_ENOMEM ? CG_ERR_NOMEM : CG_ERR_GRAPH,
                          "igraph: strongly connected components: %s",
                          igraph_strerror(rc));
        goto done;
    }
    size_t nc = (size_t)ncomp;
    /* Condensation: component -> successor components (with repeats). */
    cf = calloc(nc + 1, sizeof *cf);
    cn = malloc((ne ? ne : 1) * sizeof *cn);
    stamp = malloc((nc ? nc : 1) * sizeof *stamp);
    stack = malloc((ne + nc + 1) * sizeof *stack);
    keep = malloc(ne ? ne : 1);
    if (!cf || !cn || !stamp || !stack || !keep)
        goto oom;
    for (size_t e = 0; e < ne; e++) {
        size_t u, v;
        cg_graph_edge_ends(g, e, &u, &v);
        size_t a = (size_t)VECTOR(memb)[u], b = (size_t)VECTOR(memb)[v];
        if (a != b)
            cf[a + 1]++;
    }
    for (size_t c = 0; c < nc; c++)
        cf[c + 1] += cf[c];
    {
        size_t *fill = malloc((nc + 1) * sizeof *fill);
        if (!fill)
            goto oom;
        memcpy(fill, cf, (nc + 1) * sizeof *fill);
        for (size_t e = 0; e < ne; e++) {
            size_t u, v;
            cg_graph_edge_ends(g, e, &u, &v);
            size_t a = (size_t)VECTOR(memb)[u], b = (size_t)VECTOR(memb)[v];
            if (a != b)
                cn[fill[a]++] = b;
        }
        free(fill);
    }
    /* stamp[x] == c: component x is reachable from c in two or more
     * steps (the walk starts from the successors of c's successors).
     * Components are handled one by one, each deciding the edges that
     * leave it while the stamps are its own. */
    {
        size_t *ef = calloc(nc + 1, sizeof *ef), *el = malloc((ne ? ne : 1) * sizeof *el);
        if (!ef || !el) {
            free(ef);
            free(el);
            goto oom;
        }
        for (size_t e = 0; e < ne; e++) {
            size_t u;
            cg_graph_edge_ends(g, e, &u, NULL);
            ef[(size_t)VECTOR(memb)[u] + 1]++;
        }
        for (size_t c = 0; c < nc; c++)
            ef[c + 1] += ef[c];
        size_t *fill = malloc((nc + 1) * sizeof *fill);
        if (!fill) {
            free(ef);
            free(el);
            goto oom;
        }
        memcpy(fill, ef, (nc + 1) * sizeof *fill);
        for (size_t e = 0; e < ne; e++) {
            size_t u;
            cg_graph_edge_ends(g, e, &u, NULL);
            el[fill[(size_t)VECTOR(memb)[u]]++] = e;
        }
        free(fill);
        for (size_t c = 0; c < nc; c++)
            stamp[c] = SIZE_MAX;
        for (size_t c = 0; c < nc; c++) {
            size_t sp = 0;
            for (size_t i = cf[c]; i < cf[c + 1]; i++) {
                size_t s = cn[i];
                for (size_t j = cf[s]; j < cf[s + 1]; j++)
                    if (stamp[cn[j]] != c) {
                        stamp[cn[j]] = c;
                        stack[sp++] = cn[j];
                    }
            }
            while (sp) {
                size_t x = stack[--sp];
                for (size_t j = cf[x]; j < cf[x + 1]; j++)
                    if (stamp[cn[j]] != c) {
                        stamp[cn[j]] = c;
                        stack[sp++] = cn[j];
                    }
            }
            for (size_t i = ef[c]; i < ef[c + 1]; i++) {
                size_t e = el[i], v;
                cg_graph_edge_ends(g, e, NULL, &v);
                size_t b = (size_t)VECTOR(memb)[v];
                keep[e] = b == c || stamp[b] != c;
                if (!keep[e] && removed)
                    (*removed)++;
            }
        }
        free(ef);
        free(el);
    }
    size_t nke = 0;
    if ((st = cg_rb_from_graph(g, keep, &rn, &re, &nke, err)) != CG_OK)
        goto done;
    st = cg_rb_make(rn, nv, re, nke, "transitive reduction", out, err);
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory reducing the graph");
done:
    if (have_memb)
        igraph_vector_int_destroy(&memb);
    free(cf);
    free(cn);
    free(stamp);
    free(stack);
    free(keep);
    free(rn);
    free(re);
    return st;
}

/* Replaces *g (owned) by its subgraph on the vertices where keep[v]. */
static cg_status fl_keep(cg_graph **g, const unsigned char *keep,
                         cg_error *err)
{
    size_t nv = cg_graph_node_count(*g), k = 0;
    size_t *vs = malloc((nv ? nv : 1) * sizeof *vs);
    if (!vs)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory filtering the graph");
    for (size_t v = 0; v < nv; v++)
        if (keep[v])
            vs[k++] = v;
    cg_graph *s = NULL;
    cg_status st = cg_graph_subgraph(*g, vs, k, &s, err);
    free(vs);
    if (st == CG_OK) {
        cg_graph_free(*g);
        *g = s;
    }
    return st;
}

/* The vertex of id, also tried without spaces ("S/RES/1325 (2000)"). */
static long fl_find(const cg_graph *g, const char *id)
{
    long v = cg_graph_find(g, id);
    if (v >= 0 || !strchr(id, ' '))
        return v;
    char *t = malloc(strlen(id) + 1);
    if (!t)
        return -1;
    size_t k = 0;
    for (const char *p = id; *p; p++)
        if (*p != ' ')
            t[k++] = *p;
    t[k] = '\0';
    v = cg_graph_find(g, t);
    free(t);
    return v;
}

cg_status cg_graph_filter(const cg_graph *g, const cg_filter *f,
                          cg_graph **out, cg_error *err)
{
    if (!g || !f || !out)
        return cg_error_set(err, CG_ERR_USAGE, "cg_graph_filter: NULL argument");
    *out = NULL;
    cg_status st = CG_OK;
    cg_graph *cur = NULL;
    unsigned char *keep = NULL;
    size_t *first = NULL, *nb = NULL, *queue = NULL;
    int *dist = NULL;
    size_t nv = cg_graph_node_count(g);
    if (!(keep = malloc(nv ? nv : 1)))
        goto oom;
    int years = f->since || f->until;
    for (size_t v = 0; v < nv; v++) {
        int y = cg_graph_node_year(g, v);
        keep[v] = (!f->kind || fl_in_list(f->kind, cg_graph_node_str(g, v, CG_NODE_KIND))) &&
                  (!f->body || fl_in_list(f->body, cg_graph_node_str(g, v, CG_NODE_BODY))) &&
                  (!years || (y && (!f->since || y >= f->since) &&
                              (!f->until || y <= f->until)));
    }
    /* The first step always copies, so that cur is ours from here on. */
    {
        size_t k = 0;
        size_t *vs = malloc((nv ? nv : 1) * sizeof *vs);
        if (!vs)
            goto oom;
        for (size_t v = 0; v < nv; v++)
            if (keep[v])
                vs[k++] = v;
        st = cg_graph_subgraph(g, vs, k, &cur, err);
        free(vs);
        if (st != CG_OK)
            goto done;
    }
    if (f->ego) {
        long root = fl_find(cur, f->ego);
        if (root < 0) {
            st = cg_error_set(err, CG_ERR_USAGE, "--ego: no document '%s' in the graph%s",
                              f->ego, f->kind || f->body || years ? " left by the other filters" : "");
            goto done;
        }
        nv = cg_graph_node_count(cur);
        free(keep);
        keep = calloc(nv ? nv : 1, 1);
        dist = malloc((nv ? nv : 1) * sizeof *dist);
        queue = malloc((nv ? nv : 1) * sizeof *queue);
        if (!keep || !dist || !queue || fl_csr(cur, 1, &first, &nb) != 0)
            goto oom;
        for (size_t v = 0; v < nv; v++)
            dist[v] = -1;
        size_t head = 0, tail = 0;
        queue[tail++] = (size_t)root;
        dist[root] = 0;
        while (head < tail) {
            size_t u = queue[head++];
            keep[u] = 1;
            if (f->ego_depth >= 0 && dist[u] >= f->ego_depth)
                continue;
            for (size_t i = first[u]; i < first[u + 1]; i++)
                if (dist[nb[i]] < 0) {
                    dist[nb[i]] = dist[u] + 1;
                    queue[tail++] = nb[i];
                }
        }
        if ((st = fl_keep(&cur, keep, err)) != CG_OK)
            goto done;
    }
    if (f->transitive_reduction) {
        cg_graph *r = NULL;
        if ((st = cg_graph_transitive_reduction(cur, &r, NULL, err)) != CG_OK)
            goto done;
        cg_graph_free(cur);
        cur = r;
    }
    *out = cur;
    cur = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory filtering the graph");
done:
    cg_graph_free(cur);
    free(keep);
    free(first);
    free(nb);
    free(queue);
    free(dist);
    return st;
}
