/*
 * rebuild.c - a cg_graph from plain node and edge lists, through the
 * builder (see rebuild.h).
 *
 * Why through the builder: graph.c owns the layout of cg_graph, and a
 * graph made by cg_builder_finish exports exactly like one built from
 * documents.  Each read node becomes one cg_doc whose metadata are the
 * node's attributes and whose mentions are its out-edges; an edge of
 * weight w becomes w mentions, the first carrying the edge's (already
 * ';'-joined) strings and the others empty strings, so that the builder's
 * merge gives back the same weight and the same joined values.  A node
 * that is only cited takes its attributes from the mentions that point
 * to it; when nothing points to it, a temporary anchor document cites it
 * and is removed afterwards with cg_graph_subgraph.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"
#include "rebuild.h"

/* Fills mention m as a citation of node t with the edge strings s (NULL:
 * empty).  Target attributes are given only for a node that is not read:
 * for a read node its metadata decide, and an empty metadata value must
 * stay empty rather than be filled from a mention. */
static void rb_mention(cg_mention *m, const cg_rb_node *t, int t_read,
                       const char *const *s)
{
    m->target = t->id;
    if (!t_read) {
        m->kind = t->kind;
        m->body = t->body;
        m->title = t->title;
        m->year = t->year;
    }
    if (s) {
        m->verb = s[CG_EDGE_VERB];
        m->part = s[CG_EDGE_PART];
        m->para = s[CG_EDGE_PARA];
        m->locator = s[CG_EDGE_LOCATOR];
    }
}

/* Adds one more document to b; takes nothing. */
static cg_status rb_add(cg_builder *b, cg_doc *d, cg_error *err)
{
    cg_status st = cg_builder_add_doc(b, d, err);
    cg_doc_free(d);
    return st;
}

cg_status cg_rb_make(const cg_rb_node *nodes, size_t nn,
                     const cg_rb_edge *edges, size_t ne, const char *where,
                     cg_graph **out, cg_error *err)
{
    if ((nn && !nodes) || (ne && !edges) || !out)
        return cg_error_set(err, CG_ERR_USAGE, "cg_rb_make: NULL argument");
    *out = NULL;
    if (!where)
        where = "";
    cg_status st = CG_OK;
    cg_builder *b = cg_builder_new();
    cg_graph *g = NULL;
    size_t *first = calloc(nn + 1, sizeof *first); /* edges by source */
    size_t *order = malloc((ne ? ne : 1) * sizeof *order);
    unsigned char *read = calloc(nn ? nn : 1, 1), *pointed = calloc(nn ? nn : 1, 1);
    char *anchor = NULL;
    size_t *keep = NULL;
    cg_doc *d = NULL;
    if (!b || !first || !order || !read || !pointed)
        goto oom;
    for (size_t e = 0; e < ne; e++) {
        if (edges[e].from >= nn || edges[e].to >= nn) {
            st = cg_error_set(err, CG_ERR_USAGE, "%s: edge %zu has no end node", where, e);
            goto done;
        }
        first[edges[e].from + 1]++;
        pointed[edges[e].to] = 1;
    }
    for (size_t v = 0; v < nn; v++) {
        read[v] = !nodes[v].cited || first[v + 1] > 0;
        first[v + 1] += first[v];
    }
    {
        /* Stable counting sort: a node's edges keep their given order. */
        size_t *fill = malloc((nn ? nn : 1) * sizeof *fill);
        if (!fill)
            goto oom;
        memcpy(fill, first, nn * sizeof *fill);
        for (size_t e = 0; e < ne; e++)
            order[fill[edges[e].from]++] = e;
        free(fill);
    }
    size_t n_anchor = 0;
    for (size_t v = 0; v < nn; v++) {
        if (!read[v]) {
            n_anchor += !pointed[v];
            continue;
        }
        const cg_rb_node *nd = &nodes[v];
        if (!(d = cg_doc_new()))
            goto oom;
        d->meta.id = nd->id;
        d->meta.kind = nd->kind;
        d->meta.body = nd->body;
        d->meta.title = nd->title;
        d->meta.date = nd->date;
        d->meta.path = where;
        d->meta.year = nd->year;
        for (size_t k = first[v]; k < first[v + 1]; k++) {
            const cg_rb_edge *e = &edges[order[k]];
            long w = e->weight < 1 ? 1 : e->weight > CG_RB_MAX_WEIGHT ? CG_RB_MAX_WEIGHT : e->weight;
            for (long i = 0; i < w; i++) {
                cg_mention *m = cg_doc_add_mention(d);
                if (!m)
                    goto oom;
                rb_mention(m, &nodes[e->to], read[e->to], i == 0 ? e->str : NULL);
            }
        }
        st = rb_add(b, d, err);
        d = NULL;
        if (st != CG_OK)
            goto done;
    }
    if (n_anchor) {
        /* A name no node has: "~anchor", then "~anchor~", ... */
        size_t len = strlen("~anchor");
        anchor = malloc(len + nn + 2);
        if (!anchor)
            goto oom;
        memcpy(anchor, "~anchor", len + 1);
        for (int clash = 1; clash;) {
            clash = 0;
            for (size_t v = 0; v < nn && !clash; v++)
                clash = strcmp(nodes[v].id, anchor) == 0;
            if (clash) {
                anchor[len++] = '~';
                anchor[len] = '\0';
            }
        }
        if (!(d = cg_doc_new()))
            goto oom;
        d->meta.id = anchor;
        d->meta.path = where;
        for (size_t v = 0; v < nn; v++) {
            if (read[v] || pointed[v])
                continue;
            cg_mention *m = cg_doc_add_mention(d);
            if (!m)
                goto oom;
            rb_mention(m, &nodes[v], 0, NULL);
        }
        st = rb_add(b, d, err);
        d = NULL;
        if (st != CG_OK)
            goto done;
    }
    if ((st = cg_builder_finish(b, &g, err)) != CG_OK)
        goto done;
    if (n_anchor) {
        size_t n = cg_graph_node_count(g), k = 0;
        long av = cg_graph_find(g, anchor);
        if (!(keep = malloc((n ? n : 1) * sizeof *keep)))
            goto oom;
        for (size_t v = 0; v < n; v++)
            if ((long)v != av)
                keep[k++] = v;
        cg_graph *s = NULL;
        if ((st = cg_graph_subgraph(g, keep, k, &s, err)) != CG_OK)
            goto done;
        cg_graph_free(g);
        g = s;
    }
    *out = g;
    g = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory making the graph", where);
done:
    cg_doc_free(d);
    cg_graph_free(g);
    cg_builder_free(b);
    free(first);
    free(order);
    free(read);
    free(pointed);
    free(anchor);
    free(keep);
    return st;
}

cg_status cg_rb_from_graph(const cg_graph *g, const unsigned char *keep_edge,
                           cg_rb_node **nodes, cg_rb_edge **edges,
                           size_t *ne, cg_error *err)
{
    if (!g || !nodes || !edges || !ne)
        return cg_error_set(err, CG_ERR_USAGE, "cg_rb_from_graph: NULL argument");
    size_t nv = cg_graph_node_count(g), m = cg_graph_edge_count(g), k = 0;
    cg_rb_node *n = calloc(nv ? nv : 1, sizeof *n);
    cg_rb_edge *e = calloc(m ? m : 1, sizeof *e);
    if (!n || !e) {
        free(n);
        free(e);
        *nodes = NULL;
        *edges = NULL;
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory copying the graph");
    }
    for (size_t v = 0; v < nv; v++) {
        n[v].id = cg_graph_node_str(g, v, CG_NODE_ID);
        n[v].kind = cg_graph_node_str(g, v, CG_NODE_KIND);
        n[v].body = cg_graph_node_str(g, v, CG_NODE_BODY);
        n[v].title = cg_graph_node_str(g, v, CG_NODE_TITLE);
        n[v].date = cg_graph_node_str(g, v, CG_NODE_DATE);
        n[v].year = cg_graph_node_year(g, v);
        n[v].cited = cg_graph_node_cited(g, v);
    }
    for (size_t i = 0; i < m; i++) {
        if (keep_edge && !keep_edge[i])
            continue;
        cg_graph_edge_ends(g, i, &e[k].from, &e[k].to);
        e[k].weight = cg_graph_edge_weight(g, i);
        for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
            e[k].str[a] = cg_graph_edge_str(g, i, (cg_edge_attr)a);
        k++;
    }
    *nodes = n;
    *edges = e;
    *ne = k;
    return CG_OK;
}
