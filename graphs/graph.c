/*
 * graph.c - the citation graph: builder (cg_builder_*), the finished graph
 * (cg_graph_*) stored in an igraph_t, and the igraph setup.
 *
 * Ownership:
 *   - cg_builder owns every string it keeps, interned in b->strs (one
 *     arena); nothing points into a cg_doc after cg_builder_add_doc returns.
 *   - cg_graph owns its igraph_t (created by igraph_create, all attributes
 *     copied into it by the C attribute handler) and a private arena holding
 *     the node ids used as keys of its id -> vertex map.  Strings returned by
 *     the accessors point into igraph's attribute storage and live until
 *     cg_graph_free.
 *
 * Determinism: every value the builder keeps carries an order key
 * (rank, source document id, document path, mention index), rank 0 for a
 * read document's own metadata and 1 for what a citation says.  Merges
 * always keep the value with the smallest key (ties broken by the value
 * itself), and edges are sorted by (source, target, key, values) before
 * they are merged, so the result never depends on the order in which
 * documents were added.
 *
 * igraph use: no IGRAPH_FINALLY; every igraph return code is checked and
 * cleanup goes through `goto done`.  The error handler installed by
 * cg_igraph_setup records the message and returns.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "cg_util.h"

/* ------------------------------------------------------------------ */
/* igraph setup                                                        */

/* Last igraph error message of this thread ("" if none). */
static _Thread_local char ig_last_err[256];

static void cg_ig_error_handler(const char *reason, const char *file,
                                int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    snprintf(ig_last_err, sizeof ig_last_err, "%s (%s)",
             reason ? reason : "unknown error", igraph_strerror(code));
    /* Required of a returning handler: releases what igraph itself put on
     * its finally stack (we never push anything there). */
    IGRAPH_FINALLY_FREE();
}

static void cg_ig_warning_handler(const char *reason, const char *file,
                                  int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

static pthread_once_t ig_once = PTHREAD_ONCE_INIT;

static void ig_setup_once(void)
{
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(cg_ig_error_handler);
    igraph_set_warning_handler(cg_ig_warning_handler);
}

void cg_igraph_setup(void)
{
    pthread_once(&ig_once, ig_setup_once);
}

static cg_status ig_fail(cg_error *err, igraph_error_t rc, const char *what)
{
    cg_status code = rc == IGRAPH_ENOMEM ? CG_ERR_NOMEM : CG_ERR_GRAPH;
    return cg_error_set(err, code, "igraph: %s: %s", what,
                        ig_last_err[0] ? ig_last_err : igraph_strerror(rc));
}

/* ------------------------------------------------------------------ */
/* Builder                                                             */

/* Order key of one contribution; smaller wins. */
typedef struct okey {
    int rank;          /* 0: read document's metadata, 1: a citation */
    const char *src;   /* citing / read document id (interned) */
    const char *path;  /* its file (interned) */
    size_t idx;        /* mention index (0 for metadata) */
} okey;

/* One merged string attribute: the value and the key that set it. */
typedef struct sslot {
    const char *val;   /* interned, NULL when unset */
    okey key;
} sslot;

typedef struct bnode {
    const char *id;    /* interned */
    sslot kind, body, title, date;
    int year;
    int year_set;
    okey year_key;
    int read;          /* 1 when the document's own text was read */
} bnode;

/* One citation mention, kept until finish. */
typedef struct bedge {
    const char *src, *tgt, *path;   /* interned */
    size_t idx;
    const char *verb, *part, *para, *locator; /* interned, maybe "" */
} bedge;

struct cg_builder {
    cg_intern strs;    /* owns every string below */
    cg_map nodes;      /* interned id -> (void *)(index + 1) into node */
    bnode *node;
    size_t n_nodes, cap_nodes;
    bedge *edge;
    size_t n_edges, cap_edges;
    size_t self;       /* self-citations dropped */
};

static int okey_cmp(const okey *a, const okey *b)
{
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    int c;
    if (a->src != b->src && (c = strcmp(a->src, b->src)) != 0)
        return c;
    if (a->path != b->path && (c = strcmp(a->path, b->path)) != 0)
        return c;
    if (a->idx != b->idx)
        return a->idx < b->idx ? -1 : 1;
    return 0;
}

/* Offers a non-empty value with key k to slot s. */
static void slot_offer(sslot *s, const char *val, const okey *k)
{
    if (!val || !*val)
        return;
    if (s->val) {
        int c = okey_cmp(k, &s->key);
        if (c > 0 || (c == 0 && strcmp(val, s->val) >= 0))
            return;
    }
    s->val = val;
    s->key = *k;
}

static void year_offer(bnode *n, int year, const okey *k)
{
    if (year <= 0)
        return;
    if (n->year_set) {
        int c = okey_cmp(k, &n->year_key);
        if (c > 0 || (c == 0 && year >= n->year))
            return;
    }
    n->year = year;
    n->year_set = 1;
    n->year_key = *k;
}

cg_builder *cg_builder_new(void)
{
    cg_igraph_setup();
    cg_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (cg_intern_init(&b->strs) != 0) {
        free(b);
        return NULL;
    }
    if (cg_map_init(&b->nodes, 256) != 0) {
        cg_intern_destroy(&b->strs);
        free(b);
        return NULL;
    }
    return b;
}

void cg_builder_free(cg_builder *b)
{
    if (!b)
        return;
    cg_map_destroy(&b->nodes);
    cg_intern_destroy(&b->strs);
    free(b->node);
    free(b->edge);
    free(b);
}

/* Returns the node for interned id, creating it; NULL on OOM. */
static bnode *node_get(cg_builder *b, const char *id)
{
    void *v = cg_map_get(&b->nodes, id);
    if (v)
        return &b->node[(uintptr_t)v - 1];
    if (b->n_nodes == b->cap_nodes) {
        size_t nc = b->cap_nodes ? b->cap_nodes * 2 : 256;
        bnode *nn = realloc(b->node, nc * sizeof *nn);
        if (!nn)
            return NULL;
        b->node = nn;
        b->cap_nodes = nc;
    }
    if (cg_map_put(&b->nodes, id, (void *)(uintptr_t)(b->n_nodes + 1)) != 0)
        return NULL;
    bnode *n = &b->node[b->n_nodes++];
    memset(n, 0, sizeof *n);
    n->id = id;
    return n;
}

static const char *istr(cg_builder *b, const char *s)
{
    return cg_intern_str(&b->strs, s ? s : "");
}

cg_status cg_builder_add_doc(cg_builder *b, const cg_doc *doc, cg_error *err)
{
    if (!b || !doc)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_add_doc: NULL argument");
    const cg_docmeta *m = &doc->meta;
    const char *path = m->path ? m->path : "";
    if (!m->id || !*m->id)
        return cg_error_set(err, CG_ERR_INPUT,
                            "%s: document has no id, not added to the graph",
                            *path ? path : "(unnamed)");

    const char *id = istr(b, m->id), *ipath = istr(b, path);
    const char *kind = istr(b, m->kind), *body = istr(b, m->body);
    const char *title = istr(b, m->title), *date = istr(b, m->date);
    if (!id || !ipath || !kind || !body || !title || !date)
        goto oom;
    bnode *self = node_get(b, id);
    if (!self)
        goto oom;
    okey k = { 0, id, ipath, 0 };
    self->read = 1;
    slot_offer(&self->kind, kind, &k);
    slot_offer(&self->body, body, &k);
    slot_offer(&self->title, title, &k);
    slot_offer(&self->date, date, &k);
    year_offer(self, m->year, &k);

    for (size_t i = 0; i < doc->n_mentions; i++) {
        const cg_mention *mt = &doc->mentions[i];
        if (!mt->target || !*mt->target)
            continue; /* nothing to link to */
        if (strcmp(mt->target, id) == 0) {
            b->self++;
            continue;
        }
        const char *tgt = istr(b, mt->target);
        const char *tk = istr(b, mt->kind), *tb = istr(b, mt->body);
        const char *tt = istr(b, mt->title);
        const char *verb = istr(b, mt->verb), *part = istr(b, mt->part);
        const char *para = istr(b, mt->para), *loc = istr(b, mt->locator);
        if (!tgt || !tk || !tb || !tt || !verb || !part || !para || !loc)
            goto oom;
        bnode *t = node_get(b, tgt);
        if (!t)
            goto oom;
        okey mk = { 1, id, ipath, i };
        slot_offer(&t->kind, tk, &mk);
        slot_offer(&t->body, tb, &mk);
        slot_offer(&t->title, tt, &mk);
        year_offer(t, mt->year, &mk);

        if (b->n_edges == b->cap_edges) {
            size_t nc = b->cap_edges ? b->cap_edges * 2 : 1024;
            bedge *ne = realloc(b->edge, nc * sizeof *ne);
            if (!ne)
                goto oom;
            b->edge = ne;
            b->cap_edges = nc;
        }
        bedge *e = &b->edge[b->n_edges++];
        e->src = id;
        e->tgt = tgt;
        e->path = ipath;
        e->idx = i;
        e->verb = verb;
        e->part = part;
        e->para = para;
        e->locator = loc;
    }
    return CG_OK;
oom:
    /* The builder stays safe to free; what was added so far remains. */
    return cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory building graph",
                        *path ? path : "(unnamed)");
}

/* ------------------------------------------------------------------ */
/* The finished graph                                                  */

struct cg_graph {
    igraph_t ig;          /* owns every attribute value */
    int have_ig;
    size_t n_nodes, n_edges, self;
    cg_map find;          /* id -> (void *)(vertex + 1); keys in ids */
    cg_arena *ids;
};

static const char *const node_attr_name[CG_NODE_N_STR_ATTRS] = {
    "id", "label", "kind", "body", "title", "date"
};
static const char *const edge_attr_name[CG_EDGE_N_STR_ATTRS] = {
    "verb", "part", "para", "locator"
};

static int cmp_strp(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(a, b);
}

static int bnode_ptr_cmp(const void *pa, const void *pb)
{
    const bnode *a = *(const bnode *const *)pa, *b = *(const bnode *const *)pb;
    return strcmp(a->id, b->id);
}

static int bedge_cmp(const void *pa, const void *pb)
{
    const bedge *a = pa, *b = pb;
    int c;
    if ((c = cmp_strp(a->src, b->src)) != 0) return c;
    if ((c = cmp_strp(a->tgt, b->tgt)) != 0) return c;
    if ((c = cmp_strp(a->path, b->path)) != 0) return c;
    if (a->idx != b->idx) return a->idx < b->idx ? -1 : 1;
    if ((c = cmp_strp(a->verb, b->verb)) != 0) return c;
    if ((c = cmp_strp(a->part, b->part)) != 0) return c;
    if ((c = cmp_strp(a->para, b->para)) != 0) return c;
    return cmp_strp(a->locator, b->locator);
}

static const char *edge_field(const bedge *e, int a)
{
    switch (a) {
    case CG_EDGE_VERB: return e->verb;
    case CG_EDGE_PART: return e->part;
    case CG_EDGE_PARA: return e->para;
    default: return e->locator;
    }
}

void cg_graph_free(cg_graph *g)
{
    if (!g)
        return;
    if (g->have_ig)
        igraph_destroy(&g->ig);
    cg_map_destroy(&g->find);
    cg_arena_free(g->ids);
    free(g);
}

cg_status cg_builder_finish(cg_builder *b, cg_graph **out, cg_error *err)
{
    if (!b || !out)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_finish: NULL argument");
    *out = NULL;
    cg_igraph_setup();
    ig_last_err[0] = '\0';

    cg_status st = CG_OK;
    igraph_error_t rc;
    size_t n = b->n_nodes;
    bnode **order = NULL;
    size_t *vof = NULL;          /* builder node index -> vertex */
    size_t n_groups = 0;
    cg_map seen[CG_EDGE_N_STR_ATTRS];
    int have_seen = 0;
    cg_buf joined[CG_EDGE_N_STR_ATTRS];
    igraph_vector_int_t edges;
    igraph_strvector_t nstr[CG_NODE_N_STR_ATTRS], estr[CG_EDGE_N_STR_ATTRS];
    igraph_vector_t year, cited, weight;
    int have_edges = 0, have_nstr = 0, have_estr = 0, have_num = 0;

    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
        cg_buf_init(&joined[a]);

    cg_graph *g = calloc(1, sizeof *g);
    if (!g || !(g->ids = cg_arena_new()) || cg_map_init(&g->find, n) != 0)
        goto oom;

    /* Nodes, sorted by id. */
    order = malloc((n ? n : 1) * sizeof *order);
    vof = malloc((n ? n : 1) * sizeof *vof);
    if (!order || !vof)
        goto oom;
    for (size_t i = 0; i < n; i++)
        order[i] = &b->node[i];
    if (n)
        qsort(order, n, sizeof *order, bnode_ptr_cmp);
    for (size_t v = 0; v < n; v++) {
        vof[order[v] - b->node] = v;
        char *key = cg_arena_strdup(g->ids, order[v]->id);
        if (!key || cg_map_put(&g->find, key, (void *)(uintptr_t)(v + 1)) != 0)
            goto oom;
    }

    /* Edges: sort the mentions, then merge (source, target) runs. */
    if (b->n_edges)
        qsort(b->edge, b->n_edges, sizeof *b->edge, bedge_cmp);
    for (size_t i = 0; i < b->n_edges; i++)
        if (i == 0 || b->edge[i].src != b->edge[i - 1].src ||
            b->edge[i].tgt != b->edge[i - 1].tgt)
            n_groups++;

    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++) {
        if (cg_map_init(&seen[a], 64) != 0) {
            for (int k = 0; k < a; k++)
                cg_map_destroy(&seen[k]);
            goto oom;
        }
    }
    have_seen = 1;

    if ((rc = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * n_groups))))
        goto igfail;
    have_edges = 1;
    for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++) {
        if ((rc = igraph_strvector_init(&nstr[a], (igraph_integer_t)n))) {
            for (int k = 0; k < a; k++)
                igraph_strvector_destroy(&nstr[k]);
            goto igfail;
        }
    }
    have_nstr = 1;
    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++) {
        if ((rc = igraph_strvector_init(&estr[a], (igraph_integer_t)n_groups))) {
            for (int k = 0; k < a; k++)
                igraph_strvector_destroy(&estr[k]);
            goto igfail;
        }
    }
    have_estr = 1;
    if ((rc = igraph_vector_init(&year, (igraph_integer_t)n)))
        goto igfail;
    if ((rc = igraph_vector_init(&cited, (igraph_integer_t)n))) {
        igraph_vector_destroy(&year);
        goto igfail;
    }
    if ((rc = igraph_vector_init(&weight, (igraph_integer_t)n_groups))) {
        igraph_vector_destroy(&year);
        igraph_vector_destroy(&cited);
        goto igfail;
    }
    have_num = 1;

    for (size_t v = 0; v < n; v++) {
        const bnode *nd = order[v];
        const char *vals[CG_NODE_N_STR_ATTRS] = {
            nd->id, nd->id,
            nd->kind.val ? nd->kind.val : "",
            nd->body.val ? nd->body.val : "",
            nd->title.val ? nd->title.val : "",
            nd->date.val ? nd->date.val : ""
        };
        for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++)
            if ((rc = igraph_strvector_set(&nstr[a], (igraph_integer_t)v,
                                           vals[a])))
                goto igfail;
        VECTOR(year)[v] = nd->year;
        VECTOR(cited)[v] = nd->read ? 0 : 1;
    }

    size_t grp = 0;
    for (size_t i = 0; i < b->n_edges;) {
        size_t j = i + 1;
        while (j < b->n_edges && b->edge[j].src == b->edge[i].src &&
               b->edge[j].tgt == b->edge[i].tgt)
            j++;
        /* Interned strings: pointer equality is string equality. */
        size_t from = vof[(uintptr_t)cg_map_get(&b->nodes, b->edge[i].src) - 1];
        size_t to = vof[(uintptr_t)cg_map_get(&b->nodes, b->edge[i].tgt) - 1];
        VECTOR(edges)[2 * grp] = (igraph_integer_t)from;
        VECTOR(edges)[2 * grp + 1] = (igraph_integer_t)to;
        VECTOR(weight)[grp] = (igraph_real_t)(j - i);
        /* seen[a] maps a value to the last group (+1) it was joined in. */
        void *stamp = (void *)(uintptr_t)(grp + 1);
        for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++) {
            cg_buf_clear(&joined[a]);
            for (size_t k = i; k < j; k++) {
                const char *s = edge_field(&b->edge[k], a);
                if (!*s || cg_map_get(&seen[a], s) == stamp)
                    continue;
                if (cg_map_put(&seen[a], s, stamp) != 0)
                    goto oom;
                if (joined[a].len)
                    cg_buf_putc(&joined[a], ';');
                cg_buf_puts(&joined[a], s);
            }
            if (joined[a].oom)
                goto oom;
            if ((rc = igraph_strvector_set(&estr[a], (igraph_integer_t)grp,
                                           cg_buf_str(&joined[a]))))
                goto igfail;
        }
        grp++;
        i = j;
    }

    if ((rc = igraph_create(&g->ig, &edges, (igraph_integer_t)n,
                            IGRAPH_DIRECTED)))
        goto igfail;
    g->have_ig = 1;
    for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++)
        if ((rc = igraph_cattribute_VAS_setv(&g->ig, node_attr_name[a],
                                             &nstr[a])))
            goto igfail;
    if ((rc = igraph_cattribute_VAN_setv(&g->ig, "year", &year)) ||
        (rc = igraph_cattribute_VAN_setv(&g->ig, "cited", &cited)))
        goto igfail;
    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
        if ((rc = igraph_cattribute_EAS_setv(&g->ig, edge_attr_name[a],
                                             &estr[a])))
            goto igfail;
    if ((rc = igraph_cattribute_EAN_setv(&g->ig, "weight", &weight)))
        goto igfail;

    g->n_nodes = n;
    g->n_edges = n_groups;
    g->self = b->self;
    *out = g;
    g = NULL;
    goto done;

igfail:
    st = ig_fail(err, rc, "building the graph");
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory building the graph");
done:
    if (have_num) {
        igraph_vector_destroy(&year);
        igraph_vector_destroy(&cited);
        igraph_vector_destroy(&weight);
    }
    if (have_estr)
        for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
            igraph_strvector_destroy(&estr[a]);
    if (have_nstr)
        for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++)
            igraph_strvector_destroy(&nstr[a]);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    if (have_seen)
        for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
            cg_map_destroy(&seen[a]);
    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
        cg_buf_destroy(&joined[a]);
    free(order);
    free(vof);
    cg_graph_free(g);
    return st;
}

/* ------------------------------------------------------------------ */
/* Accessors: read from the igraph attributes.                         */

size_t cg_graph_node_count(const cg_graph *g)
{
    return g ? g->n_nodes : 0;
}

size_t cg_graph_edge_count(const cg_graph *g)
{
    return g ? g->n_edges : 0;
}

const char *cg_graph_node_str(const cg_graph *g, size_t v, cg_node_attr a)
{
    if (!g || v >= g->n_nodes || (int)a < 0 || a >= CG_NODE_N_STR_ATTRS)
        return "";
    const char *s = igraph_cattribute_VAS(&g->ig, node_attr_name[a],
                                          (igraph_integer_t)v);
    return s ? s : "";
}

static int num_attr_int(igraph_real_t x)
{
    if (isnan(x) || x < INT32_MIN || x > INT32_MAX)
        return 0;
    return (int)x;
}

int cg_graph_node_year(const cg_graph *g, size_t v)
{
    if (!g || v >= g->n_nodes)
        return 0;
    return num_attr_int(igraph_cattribute_VAN(&g->ig, "year",
                                              (igraph_integer_t)v));
}

int cg_graph_node_cited(const cg_graph *g, size_t v)
{
    if (!g || v >= g->n_nodes)
        return 0;
    return num_attr_int(igraph_cattribute_VAN(&g->ig, "cited",
                                              (igraph_integer_t)v));
}

void cg_graph_edge_ends(const cg_graph *g, size_t e, size_t *from,
                        size_t *to)
{
    size_t f = SIZE_MAX, t = SIZE_MAX;
    if (g && e < g->n_edges) {
        f = (size_t)IGRAPH_FROM(&g->ig, (igraph_integer_t)e);
        t = (size_t)IGRAPH_TO(&g->ig, (igraph_integer_t)e);
    }
    if (from)
        *from = f;
    if (to)
        *to = t;
}

const char *cg_graph_edge_str(const cg_graph *g, size_t e, cg_edge_attr a)
{
    if (!g || e >= g->n_edges || (int)a < 0 || a >= CG_EDGE_N_STR_ATTRS)
        return "";
    const char *s = igraph_cattribute_EAS(&g->ig, edge_attr_name[a],
                                          (igraph_integer_t)e);
    return s ? s : "";
}

long cg_graph_edge_weight(const cg_graph *g, size_t e)
{
    if (!g || e >= g->n_edges)
        return 0;
    igraph_real_t w = igraph_cattribute_EAN(&g->ig, "weight",
                                            (igraph_integer_t)e);
    return isnan(w) ? 0 : (long)w;
}

long cg_graph_find(const cg_graph *g, const char *id)
{
    if (!g || !id)
        return -1;
    void *v = cg_map_get(&g->find, id);
    return v ? (long)((uintptr_t)v - 1) : -1;
}

size_t cg_graph_self_citations(const cg_graph *g)
{
    return g ? g->self : 0;
}

const void *cg_graph_igraph(const cg_graph *g)
{
    return g ? &g->ig : NULL;
}

/* ------------------------------------------------------------------ */
/* Subgraphs                                                           */

cg_status cg_graph_subgraph(const cg_graph *g, const size_t *vertices,
                            size_t n, cg_graph **out, cg_error *err)
{
    if (!g || !out || (n && !vertices))
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_graph_subgraph: NULL argument");
    *out = NULL;
    cg_igraph_setup();
    ig_last_err[0] = '\0';
    cg_status st = CG_OK;
    igraph_error_t rc;
    igraph_vector_int_t vids;
    int have_vids = 0;
    unsigned char *keep = calloc(g->n_nodes ? g->n_nodes : 1, 1);
    cg_graph *s = calloc(1, sizeof *s);
    if (!keep || !s || !(s->ids = cg_arena_new()))
        goto oom;
    for (size_t i = 0; i < n; i++) {
        if (vertices[i] >= g->n_nodes) {
            st = cg_error_set(err, CG_ERR_USAGE,
                              "cg_graph_subgraph: no vertex %zu", vertices[i]);
            goto done;
        }
        keep[vertices[i]] = 1;
    }
    if ((rc = igraph_vector_int_init(&vids, 0)))
        goto igfail;
    have_vids = 1;
    for (size_t v = 0; v < g->n_nodes; v++)
        if (keep[v] && (rc = igraph_vector_int_push_back(&vids,
                                                         (igraph_integer_t)v)))
            goto igfail;
    /* Copy-and-delete keeps the surviving vertices and edges in their
     * order: ids stay sorted and edges stay in (source, target) order. */
    if ((rc = igraph_induced_subgraph(&g->ig, &s->ig, igraph_vss_vector(&vids),
                                      IGRAPH_SUBGRAPH_COPY_AND_DELETE)))
        goto igfail;
    s->have_ig = 1;
    s->n_nodes = (size_t)igraph_vcount(&s->ig);
    s->n_edges = (size_t)igraph_ecount(&s->ig);
    if (cg_map_init(&s->find, s->n_nodes) != 0)
        goto oom;
    for (size_t v = 0; v < s->n_nodes; v++) {
        char *key = cg_arena_strdup(s->ids, cg_graph_node_str(s, v, CG_NODE_ID));
        if (!key || cg_map_put(&s->find, key, (void *)(uintptr_t)(v + 1)) != 0)
            goto oom;
    }
    *out = s;
    s = NULL;
    goto done;
igfail:
    st = ig_fail(err, rc, "making a subgraph");
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory making a subgraph");
done:
    if (have_vids)
        igraph_vector_int_destroy(&vids);
    free(keep);
    cg_graph_free(s);
    return st;
}
