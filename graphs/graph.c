/*
 * graph.c - the citation graph: builder (cg_builder_*), the finished graph
 * (cg_graph_*) stored in an igraph_t, and the igraph setup.
 *
 * Ownership:
 *   - cg_builder owns every string it keeps, interned with 32-bit ids in
 *     b->strs (one arena); nothing points into a cg_doc after
 *     cg_builder_add_doc returns.
 *   - cg_graph owns its igraph_t (created by igraph_create, every
 *     attribute stored in it by the C attribute handler) and a compact
 *     copy of the same attributes (string ids per vertex, a value-tuple id
 *     and a weight per edge) over a string table (gshared) that it shares,
 *     reference-counted, with the subgraphs made from it.  Strings returned
 *     by the accessors point into that table and live until cg_graph_free.
 *
 * Scale: add_doc merges each (source, target) pair into one edge at once
 * (a hash map on the node pair); an edge keeps its first mention inline
 * (mention index and an interned tuple of verb/part/para/locator ids) and
 * any further ones in a side list, 28 bytes per edge for a single
 * mention.  finish sorts the nodes once, orders edges by a counting sort
 * on the source vertex, and joins values only for edges with several
 * mentions.
 *
 * Determinism: every node value the builder keeps carries an order key
 * (rank, source document id, document path, mention index), rank 0 for a
 * read document's own metadata and 1 for what a citation says.  Merges
 * always keep the value with the smallest key (ties broken by the value
 * itself).  An edge's joined values follow its mentions sorted by (path,
 * mention index, values): mentions from one document arrive in that
 * order already, and only an edge fed by several documents with the same
 * source id is sorted, so the result never depends on the order in which
 * documents were added.
 *
 * igraph use: no IGRAPH_FINALLY; every igraph return code is checked and
 * cleanup goes through `goto done`.  The error handler installed by
 * cg_igraph_setup records the message and returns.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
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
/* String and tuple tables                                             */

/* Interned strings with dense 32-bit ids: 4 bytes per reference instead
 * of an 8-byte pointer, and ids index plain arrays (stamps, remaps).
 * Id 0 is always "". */
typedef struct strtab {
    cg_map map;          /* string -> (void *)(id + 1); keys in arena */
    const char **s;      /* id -> string */
    uint32_t n, cap;
    cg_arena *arena;
} strtab;

#define NO_ID UINT32_MAX

static void strtab_destroy(strtab *t)
{
    if (!t)
        return;
    cg_map_destroy(&t->map);
    cg_arena_free(t->arena);
    free(t->s);
    memset(t, 0, sizeof *t);
}

/* Returns the id of s, adding a copy of it; NO_ID on OOM. */
static uint32_t strtab_id(strtab *t, const char *s)
{
    void *v = cg_map_get(&t->map, s);
    if (v)
        return (uint32_t)((uintptr_t)v - 1);
    if (t->n == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 1024;
        if (nc <= t->cap || nc >= NO_ID)
            return NO_ID;
        const char **ns = realloc(t->s, (size_t)nc * sizeof *ns);
        if (!ns)
            return NO_ID;
        t->s = ns;
        t->cap = nc;
    }
    char *copy = cg_arena_strdup(t->arena, s);
    if (!copy || cg_map_put(&t->map, copy, (void *)(uintptr_t)(t->n + 1)) != 0)
        return NO_ID;
    t->s[t->n] = copy;
    return t->n++;
}

/* 0 ok, -1 OOM; the table starts with "" as id 0. */
static int strtab_init(strtab *t)
{
    memset(t, 0, sizeof *t);
    if (!(t->arena = cg_arena_new()) || cg_map_init(&t->map, 1024) != 0 ||
        strtab_id(t, "") != 0) {
        strtab_destroy(t);
        return -1;
    }
    return 0;
}

/* What one mention says about its edge: verb, part, para, locator as
 * string ids, interned as a tuple so that a mention costs one id.  The
 * same table holds the merged (';'-joined) values of finished edges. */
typedef struct tuptab {
    uint32_t (*t)[CG_EDGE_N_STR_ATTRS];
    uint32_t n, cap;
    uint32_t *slot;      /* open addressing: tuple id + 1, 0 empty */
    size_t slot_cap;     /* power of two */
} tuptab;

static void tuptab_destroy(tuptab *tt)
{
    if (!tt)
        return;
    free(tt->t);
    free(tt->slot);
    memset(tt, 0, sizeof *tt);
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static uint64_t tup_hash(const uint32_t *v)
{
    return mix64(((uint64_t)v[0] << 32 | v[1]) ^
                 mix64((uint64_t)v[2] << 32 | v[3]));
}

/* Id of the tuple v, adding it; NO_ID on OOM. */
static uint32_t tup_id(tuptab *tt, const uint32_t *v)
{
    if ((size_t)(tt->n + 1) * 2 > tt->slot_cap) {
        size_t nc = tt->slot_cap ? tt->slot_cap * 2 : 1024;
        uint32_t *ns = calloc(nc, sizeof *ns);
        if (!ns)
            return NO_ID;
        for (uint32_t i = 0; i < tt->n; i++) {
            size_t j = (size_t)tup_hash(tt->t[i]) & (nc - 1);
            while (ns[j])
                j = (j + 1) & (nc - 1);
            ns[j] = i + 1;
        }
        free(tt->slot);
        tt->slot = ns;
        tt->slot_cap = nc;
    }
    size_t mask = tt->slot_cap - 1, j = (size_t)tup_hash(v) & mask;
    while (tt->slot[j]) {
        const uint32_t *w = tt->t[tt->slot[j] - 1];
        if (w[0] == v[0] && w[1] == v[1] && w[2] == v[2] && w[3] == v[3])
            return tt->slot[j] - 1;
        j = (j + 1) & mask;
    }
    if (tt->n == tt->cap) {
        uint32_t nc = tt->cap ? tt->cap * 2 : 256;
        if (nc <= tt->cap || nc >= NO_ID)
            return NO_ID;
        void *nt = realloc(tt->t, (size_t)nc * sizeof *tt->t);
        if (!nt)
            return NO_ID;
        tt->t = nt;
        tt->cap = nc;
    }
    memcpy(tt->t[tt->n], v, sizeof tt->t[0]);
    tt->slot[j] = tt->n + 1;
    return tt->n++;
}

/* ------------------------------------------------------------------ */
/* Builder                                                             */

/* One merged node attribute: the value and the order key of the
 * contribution that set it (smaller wins).  The key is (rank, source
 * document id, its path, mention index); rank 0 (a read document's own
 * metadata) sorts before rank 1 (what a citation says) and lives in the
 * top bit of ridx. */
typedef struct nslot {
    uint32_t val;      /* string id (year: the year); 0 when unset */
    uint32_t src;      /* node index of the source document */
    uint32_t path;     /* string id of its path */
    uint32_t ridx;     /* RANK_CITE | mention index, or 0 for metadata */
} nslot;

#define RANK_CITE 0x80000000u
#define NODE_READ 1u

typedef struct bnode {
    uint32_t id;       /* string id */
    uint32_t flags;    /* NODE_READ: its own text was read */
    nslot kind, body, title, date, year;
} bnode;

/* One (source, target) pair, merged as documents are added: its first
 * mention inline, the others in b->ment (most edges have one). */
typedef struct bedge {
    uint32_t src, tgt; /* node indexes */
    uint32_t weight;   /* mentions */
    uint32_t doc;      /* add serial of the document of the first mention */
    uint32_t idx, tup; /* first mention: index in its document, values */
    uint32_t more;     /* 1 + index in b->ment of the newest further
                          mention (a list, newest first); 0: none */
} bedge;

typedef struct bment {
    uint32_t doc, idx, tup;
    uint32_t next;     /* 1 + index of the previous mention, 0: none */
} bment;

struct cg_builder {
    strtab strs;       /* every string: ids, paths, values, joined values */
    tuptab tups;       /* mention and merged value tuples */
    cg_map nodes;      /* node id (key in strs) -> (void *)(index + 1) */
    bnode *node;
    size_t n_nodes, cap_nodes;
    bedge *edge;
    size_t n_edges, cap_edges;
    uint32_t *eslot;   /* (src, tgt) -> edge: edge index + 1, 0 empty */
    size_t eslot_cap;  /* power of two */
    bment *ment;
    size_t n_ment, cap_ment;
    uint32_t *docpath; /* add serial -> path string id */
    size_t n_docs, cap_docs;
    size_t self;       /* self-citations dropped */
    size_t str_edge_limit; /* above this many edges, edge strings are codes */
    int finished;      /* cg_builder_finish ran: its tables are gone */
};

/* Grows *arr (elements of size sz) so that one more fits; 0 ok, -1 OOM
 * or when the count would not fit the 32-bit indexes. */
static int grow(void **arr, size_t *cap, size_t n, size_t sz, size_t first)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : first;
    if (nc >= NO_ID)
        nc = NO_ID - 1;
    if (n >= nc)
        return -1;
    void *na = realloc(*arr, nc * sz);
    if (!na)
        return -1;
    *arr = na;
    *cap = nc;
    return 0;
}

static const char *bstr(const cg_builder *b, uint32_t id)
{
    return b->strs.s[id];
}

/* Compares the key (src, path, ridx) with the key of slot s. */
static int key_cmp(const cg_builder *b, uint32_t src, uint32_t path,
                   uint32_t ridx, const nslot *s)
{
    if ((ridx & RANK_CITE) != (s->ridx & RANK_CITE))
        return (ridx & RANK_CITE) ? 1 : -1;
    int c;
    /* Different nodes have different ids, different path ids different
     * paths: only equal ids compare equal. */
    if (src != s->src &&
        (c = strcmp(bstr(b, b->node[src].id), bstr(b, b->node[s->src].id))))
        return c;
    if (path != s->path && (c = strcmp(bstr(b, path), bstr(b, s->path))))
        return c;
    uint32_t a = ridx & ~RANK_CITE, o = s->ridx & ~RANK_CITE;
    return a < o ? -1 : a > o;
}

/* Offers string value val (id; 0 = "" is no value) to slot s. */
static void slot_offer(const cg_builder *b, nslot *s, uint32_t val,
                       uint32_t src, uint32_t path, uint32_t ridx)
{
    if (!val)
        return;
    if (s->val) {
        int c = key_cmp(b, src, path, ridx, s);
        if (c > 0 || (c == 0 && strcmp(bstr(b, val), bstr(b, s->val)) >= 0))
            return;
    }
    s->val = val;
    s->src = src;
    s->path = path;
    s->ridx = ridx;
}

static void year_offer(const cg_builder *b, nslot *s, int year, uint32_t src,
                       uint32_t path, uint32_t ridx)
{
    if (year <= 0)
        return;
    if (s->val) {
        int c = key_cmp(b, src, path, ridx, s);
        if (c > 0 || (c == 0 && (uint32_t)year >= s->val))
            return;
    }
    s->val = (uint32_t)year;
    s->src = src;
    s->path = path;
    s->ridx = ridx;
}

cg_builder *cg_builder_new(void)
{
    cg_igraph_setup();
    cg_builder *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    if (strtab_init(&b->strs) != 0) {
        free(b);
        return NULL;
    }
    if (cg_map_init(&b->nodes, 256) != 0) {
        strtab_destroy(&b->strs);
        free(b);
        return NULL;
    }
    b->str_edge_limit = CG_EDGE_STRING_LIMIT;
    return b;
}

void cg_builder_set_edge_string_limit(cg_builder *b, size_t limit)
{
    if (b)
        b->str_edge_limit = limit;
}

void cg_builder_free(cg_builder *b)
{
    if (!b)
        return;
    cg_map_destroy(&b->nodes);
    strtab_destroy(&b->strs);
    tuptab_destroy(&b->tups);
    free(b->node);
    free(b->edge);
    free(b->eslot);
    free(b->ment);
    free(b->docpath);
    free(b);
}

/* Index of the node with id s, creating it; NO_ID on OOM. */
static uint32_t node_get(cg_builder *b, const char *s)
{
    void *v = cg_map_get(&b->nodes, s);
    if (v)
        return (uint32_t)((uintptr_t)v - 1);
    uint32_t id = strtab_id(&b->strs, s);
    if (id == NO_ID ||
        grow((void **)&b->node, &b->cap_nodes, b->n_nodes, sizeof *b->node,
             256) != 0 ||
        cg_map_put(&b->nodes, b->strs.s[id],
                   (void *)(uintptr_t)(b->n_nodes + 1)) != 0)
        return NO_ID;
    bnode *n = &b->node[b->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = id;
    return (uint32_t)b->n_nodes++;
}

static size_t eslot_of(uint32_t src, uint32_t tgt, size_t mask)
{
    return (size_t)mix64((uint64_t)src << 32 | tgt) & mask;
}

/* The edge src -> tgt, created (weight 0) when missing; NO_ID on OOM. */
static uint32_t edge_get(cg_builder *b, uint32_t src, uint32_t tgt)
{
    if ((b->n_edges + 1) * 4 > b->eslot_cap * 3) {
        size_t nc = b->eslot_cap ? b->eslot_cap * 2 : 4096;
        uint32_t *ns = calloc(nc, sizeof *ns);
        if (!ns)
            return NO_ID;
        for (size_t e = 0; e < b->n_edges; e++) {
            size_t j = eslot_of(b->edge[e].src, b->edge[e].tgt, nc - 1);
            while (ns[j])
                j = (j + 1) & (nc - 1);
            ns[j] = (uint32_t)e + 1;
        }
        free(b->eslot);
        b->eslot = ns;
        b->eslot_cap = nc;
    }
    size_t mask = b->eslot_cap - 1, j = eslot_of(src, tgt, mask);
    while (b->eslot[j]) {
        const bedge *e = &b->edge[b->eslot[j] - 1];
        if (e->src == src && e->tgt == tgt)
            return b->eslot[j] - 1;
        j = (j + 1) & mask;
    }
    if (grow((void **)&b->edge, &b->cap_edges, b->n_edges, sizeof *b->edge,
             1024) != 0)
        return NO_ID;
    bedge *e = &b->edge[b->n_edges];
    memset(e, 0, sizeof *e);
    e->src = src;
    e->tgt = tgt;
    b->eslot[j] = (uint32_t)b->n_edges + 1;
    return (uint32_t)b->n_edges++;
}

/* Interning with a one-entry memory per field: within a document the
 * kind, body, verb and part of consecutive mentions mostly repeat, and a
 * strcmp is cheaper than a hash lookup.  Valid for one document only
 * (its strings may be freed after cg_builder_add_doc). */
typedef struct vcache {
    const char *raw;
    uint32_t id;
} vcache;

static uint32_t cached_id(cg_builder *b, vcache *c, const char *s)
{
    if (!s)
        s = "";
    if (c->raw && (c->raw == s || strcmp(c->raw, s) == 0))
        return c->id;
    uint32_t id = strtab_id(&b->strs, s);
    if (id != NO_ID) {
        c->raw = s;
        c->id = id;
    }
    return id;
}

enum { VC_KIND, VC_BODY, VC_TITLE, VC_VERB, VC_PART, VC_PARA, VC_LOC, VC_N };

cg_status cg_builder_add_doc(cg_builder *b, const cg_doc *doc, cg_error *err)
{
    if (!b || !doc)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_add_doc: NULL argument");
    if (b->finished)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_add_doc: the builder was finished");
    const cg_docmeta *m = &doc->meta;
    const char *path = m->path ? m->path : "";
    if (!m->id || !*m->id)
        return cg_error_set(err, CG_ERR_INPUT,
                            "%s: document has no id, not added to the graph",
                            *path ? path : "(unnamed)");
    if (doc->n_mentions >= RANK_CITE)
        return cg_error_set(err, CG_ERR_INPUT, "%s: too many citations",
                            *path ? path : "(unnamed)");

    vcache vc[VC_N];
    memset(vc, 0, sizeof vc);
    uint32_t ipath = strtab_id(&b->strs, path);
    uint32_t kind = cached_id(b, &vc[VC_KIND], m->kind);
    uint32_t body = cached_id(b, &vc[VC_BODY], m->body);
    uint32_t title = cached_id(b, &vc[VC_TITLE], m->title);
    uint32_t date = strtab_id(&b->strs, m->date ? m->date : "");
    if (ipath == NO_ID || kind == NO_ID || body == NO_ID || title == NO_ID ||
        date == NO_ID)
        goto oom;
    uint32_t self = node_get(b, m->id);
    if (self == NO_ID ||
        grow((void **)&b->docpath, &b->cap_docs, b->n_docs,
             sizeof *b->docpath, 256) != 0)
        goto oom;
    uint32_t serial = (uint32_t)b->n_docs;
    b->docpath[b->n_docs++] = ipath;
    bnode *sn = &b->node[self];
    sn->flags |= NODE_READ;
    slot_offer(b, &sn->kind, kind, self, ipath, 0);
    slot_offer(b, &sn->body, body, self, ipath, 0);
    slot_offer(b, &sn->title, title, self, ipath, 0);
    slot_offer(b, &sn->date, date, self, ipath, 0);
    year_offer(b, &sn->year, m->year, self, ipath, 0);
    const char *sid = bstr(b, sn->id);

    for (size_t i = 0; i < doc->n_mentions; i++) {
        const cg_mention *mt = &doc->mentions[i];
        if (!mt->target || !*mt->target)
            continue; /* nothing to link to */
        if (strcmp(mt->target, sid) == 0) {
            b->self++;
            continue;
        }
        uint32_t t = node_get(b, mt->target);
        uint32_t tk = cached_id(b, &vc[VC_KIND], mt->kind);
        uint32_t tb = cached_id(b, &vc[VC_BODY], mt->body);
        uint32_t tt = cached_id(b, &vc[VC_TITLE], mt->title);
        uint32_t v[CG_EDGE_N_STR_ATTRS] = {
            cached_id(b, &vc[VC_VERB], mt->verb),
            cached_id(b, &vc[VC_PART], mt->part),
            cached_id(b, &vc[VC_PARA], mt->para),
            cached_id(b, &vc[VC_LOC], mt->locator)
        };
        if (t == NO_ID || tk == NO_ID || tb == NO_ID || tt == NO_ID ||
            v[0] == NO_ID || v[1] == NO_ID || v[2] == NO_ID || v[3] == NO_ID)
            goto oom;
        uint32_t ridx = RANK_CITE | (uint32_t)i;
        bnode *tn = &b->node[t];
        slot_offer(b, &tn->kind, tk, self, ipath, ridx);
        slot_offer(b, &tn->body, tb, self, ipath, ridx);
        slot_offer(b, &tn->title, tt, self, ipath, ridx);
        year_offer(b, &tn->year, mt->year, self, ipath, ridx);

        uint32_t tup = tup_id(&b->tups, v);
        uint32_t ei = tup == NO_ID ? NO_ID : edge_get(b, self, t);
        if (ei == NO_ID)
            goto oom;
        bedge *e = &b->edge[ei];
        if (e->weight == 0) {
            e->doc = serial;
            e->idx = (uint32_t)i;
            e->tup = tup;
        } else {
            if (e->weight == NO_ID - 1 ||
                grow((void **)&b->ment, &b->cap_ment, b->n_ment,
                     sizeof *b->ment, 1024) != 0)
                goto oom;
            bment *x = &b->ment[b->n_ment++];
            x->doc = serial;
            x->idx = (uint32_t)i;
            x->tup = tup;
            x->next = e->more;
            e->more = (uint32_t)b->n_ment;
        }
        e->weight++;
    }
    return CG_OK;
oom:
    /* The builder stays safe to free; what was added so far remains. */
    return cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory building graph",
                        *path ? path : "(unnamed)");
}

/* ------------------------------------------------------------------ */
/* The finished graph                                                  */

/* The strings of a finished graph and the value tuples of its edges,
 * shared by a graph and the subgraphs made from it (refs counts them). */
typedef struct gshared {
    atomic_int refs;
    cg_arena *arena;
    const char **s;    /* string id -> string; id 0 is "" */
    uint32_t n, cap;
    uint32_t (*t)[CG_EDGE_N_STR_ATTRS]; /* tuple id -> string ids */
    uint32_t nt, capt;
} gshared;

typedef struct gnode {
    uint32_t s[CG_NODE_N_STR_ATTRS]; /* string ids (label = id) */
    int32_t year;
    int32_t cited;
} gnode;

/* The graph is held by igraph (structure and every attribute, as the
 * project's igraph users expect); node, etup and eweight are a compact
 * copy of the same values that the accessors read, so that exporters
 * do not look attributes up by name for every value. */
struct cg_graph {
    igraph_t ig;
    int have_ig;
    size_t n_nodes, n_edges, self;
    gshared *sh;
    gnode *node;          /* per vertex */
    uint32_t *etup;       /* per edge: tuple id in sh->t */
    uint32_t *eweight;    /* per edge */
};

static const char *const node_attr_name[CG_NODE_N_STR_ATTRS] = {
    "id", "label", "kind", "body", "title", "date"
};
static const char *const edge_attr_name[CG_EDGE_N_STR_ATTRS] = {
    "verb", "part", "para", "locator"
};

static void gshared_release(gshared *sh)
{
    if (!sh || atomic_fetch_sub(&sh->refs, 1) != 1)
        return;
    cg_arena_free(sh->arena);
    free(sh->s);
    free(sh->t);
    free(sh);
}

void cg_graph_free(cg_graph *g)
{
    if (!g)
        return;
    if (g->have_ig)
        igraph_destroy(&g->ig);
    gshared_release(g->sh);
    free(g->node);
    free(g->etup);
    free(g->eweight);
    free(g);
}

/* Copies builder string id into the graph's table once (remap caches
 * the graph id); NO_ID on OOM. */
static uint32_t gs_str(gshared *sh, const strtab *bs, uint32_t *remap,
                       uint32_t id)
{
    if (remap[id] != NO_ID)
        return remap[id];
    if (sh->n == sh->cap) {
        uint32_t nc = sh->cap ? sh->cap * 2 : 1024;
        const char **ns = realloc(sh->s, (size_t)nc * sizeof *ns);
        if (!ns)
            return NO_ID;
        sh->s = ns;
        sh->cap = nc;
    }
    const char *copy = id == 0 ? "" : cg_arena_strdup(sh->arena, bs->s[id]);
    if (!copy)
        return NO_ID;
    sh->s[sh->n] = copy;
    return remap[id] = sh->n++;
}

typedef struct idsort {
    const char *id;
    uint32_t node;
} idsort;

static int idsort_cmp(const void *pa, const void *pb)
{
    return strcmp(((const idsort *)pa)->id, ((const idsort *)pb)->id);
}

static int u64_cmp(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* One mention of a multi-mention edge, for the rare merge that needs
 * sorting (several documents with the same id contributed). */
typedef struct mrec {
    uint32_t doc, idx, tup;
    const char *path;
    const char *v[CG_EDGE_N_STR_ATTRS];
} mrec;

static int mrec_cmp(const void *pa, const void *pb)
{
    const mrec *a = pa, *b = pb;
    int c;
    if (a->path != b->path && (c = strcmp(a->path, b->path)) != 0)
        return c;
    if (a->idx != b->idx)
        return a->idx < b->idx ? -1 : 1;
    for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
        if (a->v[k] != b->v[k] && (c = strcmp(a->v[k], b->v[k])) != 0)
            return c;
    return 0;
}

/* Scratch space of the edge merge in cg_builder_finish. */
typedef struct merge_ctx {
    mrec *rec;
    size_t cap;
    uint32_t *stamp;   /* builder string id -> last stamp it was joined */
    uint32_t clock;
    cg_buf buf;
} merge_ctx;

/* The merged value tuple of a multi-mention edge: each attribute's
 * distinct non-empty values joined by ';', in the order of the mentions
 * sorted by (path, mention index, values), which for one document is its
 * reading order.  NO_ID on OOM. */
static uint32_t merge_edge(cg_builder *b, const bedge *e, merge_ctx *mc)
{
    size_t w = e->weight;
    if (w > mc->cap) {
        size_t nc = mc->cap ? mc->cap : 16;
        while (nc < w)
            nc *= 2;
        mrec *nr = realloc(mc->rec, nc * sizeof *nr);
        if (!nr)
            return NO_ID;
        mc->rec = nr;
        mc->cap = nc;
    }
    /* The list is newest first: fill from the back. */
    mc->rec[0].doc = e->doc;
    mc->rec[0].idx = e->idx;
    mc->rec[0].tup = e->tup;
    size_t k = w;
    int several = 0;
    for (uint32_t x = e->more; x && k > 1; x = b->ment[x - 1].next) {
        const bment *bm = &b->ment[x - 1];
        k--;
        mc->rec[k].doc = bm->doc;
        mc->rec[k].idx = bm->idx;
        mc->rec[k].tup = bm->tup;
        several |= bm->doc != e->doc;
    }
    if (several) {
        for (size_t i = 0; i < w; i++) {
            mc->rec[i].path = bstr(b, b->docpath[mc->rec[i].doc]);
            for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
                mc->rec[i].v[a] = bstr(b, b->tups.t[mc->rec[i].tup][a]);
        }
        qsort(mc->rec, w, sizeof *mc->rec, mrec_cmp);
    }
    uint32_t out[CG_EDGE_N_STR_ATTRS];
    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++) {
        uint32_t stamp = ++mc->clock, first = 0, count = 0;
        cg_buf_clear(&mc->buf);
        for (size_t i = 0; i < w; i++) {
            uint32_t v = b->tups.t[mc->rec[i].tup][a];
            if (!v || mc->stamp[v] == stamp)
                continue;
            mc->stamp[v] = stamp;
            if (count++ == 0) {
                first = v;
            } else {
                if (count == 2)
                    cg_buf_puts(&mc->buf, bstr(b, first));
                cg_buf_putc(&mc->buf, ';');
                cg_buf_puts(&mc->buf, bstr(b, v));
            }
        }
        if (mc->buf.oom)
            return NO_ID;
        out[a] = count < 2 ? first : strtab_id(&b->strs, cg_buf_str(&mc->buf));
        if (out[a] == NO_ID)
            return NO_ID;
    }
    return tup_id(&b->tups, out);
}

/* Sets string attribute name of every vertex (vertex) or edge to
 * sh->s[ids[i * stride]].  Per element, not with *_setv: setv copies a
 * prepared igraph_strvector_t (two copies of every string alive at
 * once), while the per-element call fills the vector igraph creates in
 * place, faster and with half the memory (measured on 10 M edges: 2.0 s
 * and 1.5 GB against 3.1 s and 1.9 GB).  Empty strings are skipped after
 * the first element: igraph creates the vector with "" everywhere. */
static igraph_error_t set_str_attr(igraph_t *ig, int vertex, const char *name,
                                   const gshared *sh, const uint32_t *ids,
                                   size_t stride, size_t count)
{
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (count == 0) {
        igraph_strvector_t empty;
        if ((rc = igraph_strvector_init(&empty, 0)))
            return rc;
        rc = vertex ? igraph_cattribute_VAS_setv(ig, name, &empty)
                    : igraph_cattribute_EAS_setv(ig, name, &empty);
        igraph_strvector_destroy(&empty);
        return rc;
    }
    for (size_t i = 0; i < count && !rc; i++) {
        uint32_t id = ids[i * stride];
        if (i > 0 && id == 0)
            continue;
        rc = vertex ? igraph_cattribute_VAS_set(ig, name, (igraph_integer_t)i,
                                                sh->s[id])
                    : igraph_cattribute_EAS_set(ig, name, (igraph_integer_t)i,
                                                sh->s[id]);
    }
    return rc;
}

/* qsort context for sorting string ids by their strings (qsort has no
 * context argument; finish runs on one thread at a time per graph, but
 * builders may finish concurrently, so the table travels with each id). */
typedef struct strref {
    const char *s;
    uint32_t id;
} strref;

static int cmp_strref(const void *a, const void *b)
{
    return strcmp(((const strref *)a)->s, ((const strref *)b)->s);
}

/* Edge attribute `name` as codes: igraph gets a numeric attribute
 * "<name>_code" (an index into the levels) and a graph attribute
 * "<name>_levels" (the distinct values sorted by bytes, joined by '\n';
 * extracted values never hold a line break).  Like a factor in R's
 * igraph: one string per distinct value instead of one per edge, which at
 * ten million edges saves about a gigabyte.  col holds the m string ids. */
static igraph_error_t set_coded_attr(igraph_t *ig, const char *name, const gshared *sh,
                                     const uint32_t *col, size_t m, igraph_vector_t *num)
{
    igraph_error_t rc = IGRAPH_SUCCESS;
    uint32_t *level = calloc(sh->n ? sh->n : 1, sizeof *level); /* id -> level + 1 */
    strref *used = malloc((sh->n ? sh->n : 1) * sizeof *used);
    cg_buf joined;
    cg_buf_init(&joined);
    char key[64];
    size_t nd = 0;
    if (!level || !used) {
        rc = IGRAPH_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < m; k++)
        if (!level[col[k]]) {
            level[col[k]] = 1;
            used[nd].s = sh->s[col[k]];
            used[nd].id = col[k];
            nd++;
        }
    /* level numbers follow byte order: the same whatever the ids */
    qsort(used, nd, sizeof *used, cmp_strref);
    for (size_t i = 0; i < nd; i++) {
        level[used[i].id] = (uint32_t)i + 1;
        if (i)
            cg_buf_putc(&joined, '\n');
        cg_buf_puts(&joined, used[i].s);
    }
    if (joined.oom) {
        rc = IGRAPH_ENOMEM;
        goto done;
    }
    if ((rc = igraph_vector_resize(num, (igraph_integer_t)m)))
        goto done;
    for (size_t k = 0; k < m; k++)
        VECTOR(*num)[k] = level[col[k]] - 1;
    snprintf(key, sizeof key, "%s_code", name);
    if ((rc = igraph_cattribute_EAN_setv(ig, key, num)))
        goto done;
    snprintf(key, sizeof key, "%s_levels", name);
    rc = igraph_cattribute_GAS_set(ig, key, cg_buf_str(&joined));
done:
    cg_buf_destroy(&joined);
    free(level);
    free(used);
    return rc;
}

cg_status cg_builder_finish(cg_builder *b, cg_graph **out, cg_error *err)
{
    if (!b || !out)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_finish: NULL argument");
    *out = NULL;
    if (b->finished)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_finish: the builder was finished");
    /* Each table of the builder is freed as soon as the graph no longer
     * needs it: the two lookup tables now, the nodes, edges and strings
     * further down.  Their memory is reused by igraph's, and a 10-million
     * edge graph peaks some 600 MB lower than with the builder whole. */
    b->finished = 1;
    free(b->eslot);
    b->eslot = NULL;
    b->eslot_cap = 0;
    cg_map_destroy(&b->nodes);
    cg_igraph_setup();
    ig_last_err[0] = '\0';

    cg_status st = CG_OK;
    igraph_error_t rc;
    size_t n = b->n_nodes, m = b->n_edges;
    uint32_t n_strs = b->strs.n;  /* merge_edge may add joined strings */
    idsort *ids = NULL;
    uint32_t *vof = NULL, *remap = NULL, *tremap = NULL, *eorder = NULL;
    uint32_t *start = NULL, *etmp = NULL;
    uint64_t *bucket = NULL;
    size_t bucket_cap = 0;
    merge_ctx mc;
    memset(&mc, 0, sizeof mc);
    cg_buf_init(&mc.buf);
    igraph_vector_int_t edges;
    igraph_vector_t num;
    int have_edges = 0, have_num = 0;

    cg_graph *g = calloc(1, sizeof *g);
    if (!g || !(g->sh = calloc(1, sizeof *g->sh)))
        goto oom;
    atomic_init(&g->sh->refs, 1);
    if (!(g->sh->arena = cg_arena_new()))
        goto oom;
    g->node = malloc((n ? n : 1) * sizeof *g->node);
    g->etup = malloc((m ? m : 1) * sizeof *g->etup);
    g->eweight = malloc((m ? m : 1) * sizeof *g->eweight);
    ids = malloc((n ? n : 1) * sizeof *ids);
    vof = malloc((n ? n : 1) * sizeof *vof);
    remap = malloc(n_strs * sizeof *remap);
    mc.stamp = calloc(n_strs, sizeof *mc.stamp);
    start = calloc(n + 1, sizeof *start);
    eorder = malloc((m ? m : 1) * sizeof *eorder);
    if (!g->node || !g->etup || !g->eweight || !ids || !vof || !remap ||
        !mc.stamp || !start || !eorder)
        goto oom;
    memset(remap, 0xff, n_strs * sizeof *remap);

    /* Nodes, sorted by id. */
    for (size_t i = 0; i < n; i++) {
        ids[i].id = bstr(b, b->node[i].id);
        ids[i].node = (uint32_t)i;
    }
    if (n)
        qsort(ids, n, sizeof *ids, idsort_cmp);
    if (gs_str(g->sh, &b->strs, remap, 0) != 0)
        goto oom;
    for (size_t v = 0; v < n; v++) {
        const bnode *nd = &b->node[ids[v].node];
        gnode *gn = &g->node[v];
        vof[ids[v].node] = (uint32_t)v;
        uint32_t bid[CG_NODE_N_STR_ATTRS] = {
            nd->id, nd->id, nd->kind.val, nd->body.val, nd->title.val,
            nd->date.val
        };
        for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++)
            if ((gn->s[a] = gs_str(g->sh, &b->strs, remap, bid[a])) == NO_ID)
                goto oom;
        gn->year = (int32_t)nd->year.val;
        gn->cited = (nd->flags & NODE_READ) ? 0 : 1;
    }
    free(ids);
    ids = NULL;
    free(b->node);
    b->node = NULL;
    b->cap_nodes = 0;

    /* Edges in (source, target) vertex order: a counting sort by source,
     * then each source's few targets sorted. */
    for (size_t e = 0; e < m; e++)
        start[vof[b->edge[e].src] + 1]++;
    for (size_t v = 0; v < n; v++)
        start[v + 1] += start[v];
    etmp = malloc((n ? n : 1) * sizeof *etmp);
    if (!etmp)
        goto oom;
    memcpy(etmp, start, (n ? n : 1) * sizeof *etmp);
    for (size_t e = 0; e < m; e++)
        eorder[etmp[vof[b->edge[e].src]]++] = (uint32_t)e;
    free(etmp);
    etmp = NULL;
    for (size_t v = 0; v < n; v++) {
        size_t lo = start[v], hi = start[v + 1], k = hi - lo;
        if (k < 2)
            continue;
        if (k > bucket_cap) {
            uint64_t *nb = realloc(bucket, k * sizeof *nb);
            if (!nb)
                goto oom;
            bucket = nb;
            bucket_cap = k;
        }
        for (size_t i = 0; i < k; i++)
            bucket[i] = (uint64_t)vof[b->edge[eorder[lo + i]].tgt] << 32 |
                        eorder[lo + i];
        if (k <= 16) {
            for (size_t i = 1; i < k; i++) {
                uint64_t x = bucket[i];
                size_t j = i;
                for (; j > 0 && bucket[j - 1] > x; j--)
                    bucket[j] = bucket[j - 1];
                bucket[j] = x;
            }
        } else {
            qsort(bucket, k, sizeof *bucket, u64_cmp);
        }
        for (size_t i = 0; i < k; i++)
            eorder[lo + i] = (uint32_t)bucket[i];
    }
    free(start);
    start = NULL;
    free(bucket);
    bucket = NULL;

    /* Merged values, weights and the igraph edge list. */
    if ((rc = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m))))
        goto igfail;
    have_edges = 1;
    for (size_t k = 0; k < m; k++) {
        const bedge *e = &b->edge[eorder[k]];
        uint32_t tup = e->weight == 1 ? e->tup : merge_edge(b, e, &mc);
        if (tup == NO_ID)
            goto oom;
        VECTOR(edges)[2 * k] = vof[e->src];
        VECTOR(edges)[2 * k + 1] = vof[e->tgt];
        g->etup[k] = tup;
        g->eweight[k] = e->weight;
    }
    free(eorder);
    eorder = NULL;
    free(vof);
    vof = NULL;
    free(b->edge);
    b->edge = NULL;
    free(b->ment);
    b->ment = NULL;
    free(b->docpath);
    b->docpath = NULL;
    b->cap_edges = b->cap_ment = b->cap_docs = 0;
    /* Tuples into the graph's tables (builder ids -> graph ids);
     * merge_edge may have added strings, which remap does not cover yet. */
    if (b->strs.n > n_strs) {
        uint32_t *nr = realloc(remap, b->strs.n * sizeof *nr);
        if (!nr)
            goto oom;
        remap = nr;
        memset(remap + n_strs, 0xff, (b->strs.n - n_strs) * sizeof *remap);
    }
    tremap = malloc((b->tups.n ? b->tups.n : 1) * sizeof *tremap);
    if (!tremap)
        goto oom;
    memset(tremap, 0xff, (b->tups.n ? b->tups.n : 1) * sizeof *tremap);
    for (size_t k = 0; k < m; k++) {
        uint32_t t = g->etup[k];
        if (tremap[t] == NO_ID) {
            gshared *sh = g->sh;
            if (sh->nt == sh->capt) {
                uint32_t nc = sh->capt ? sh->capt * 2 : 256;
                void *nt = realloc(sh->t, (size_t)nc * sizeof *sh->t);
                if (!nt)
                    goto oom;
                sh->t = nt;
                sh->capt = nc;
            }
            for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
                if ((sh->t[sh->nt][a] = gs_str(sh, &b->strs, remap,
                                               b->tups.t[t][a])) == NO_ID)
                    goto oom;
            tremap[t] = sh->nt++;
        }
        g->etup[k] = tremap[t];
    }
    free(tremap);
    tremap = NULL;
    free(remap);
    remap = NULL;
    tuptab_destroy(&b->tups);
    strtab_destroy(&b->strs);

    if ((rc = igraph_create(&g->ig, &edges, (igraph_integer_t)n,
                            IGRAPH_DIRECTED)))
        goto igfail;
    g->have_ig = 1;
    igraph_vector_int_destroy(&edges);
    have_edges = 0;
    g->n_nodes = n;
    g->n_edges = m;

    /* Attributes into igraph. */
    for (int a = 0; a < CG_NODE_N_STR_ATTRS; a++)
        if ((rc = set_str_attr(&g->ig, 1, node_attr_name[a], g->sh,
                               n ? &g->node[0].s[a] : NULL,
                               sizeof *g->node / sizeof(uint32_t), n)))
            goto igfail;
    if ((rc = igraph_vector_init(&num, (igraph_integer_t)(n > m ? n : m))))
        goto igfail;
    have_num = 1;
    if ((rc = igraph_vector_resize(&num, (igraph_integer_t)n)))
        goto igfail;
    for (size_t v = 0; v < n; v++)
        VECTOR(num)[v] = g->node[v].year;
    if ((rc = igraph_cattribute_VAN_setv(&g->ig, "year", &num)))
        goto igfail;
    for (size_t v = 0; v < n; v++)
        VECTOR(num)[v] = g->node[v].cited;
    if ((rc = igraph_cattribute_VAN_setv(&g->ig, "cited", &num)))
        goto igfail;
    for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++) {
        /* the strings of each edge's tuple, a column at a time */
        uint32_t *col = malloc((m ? m : 1) * sizeof *col);
        if (!col)
            goto oom;
        for (size_t k = 0; k < m; k++)
            col[k] = g->sh->t[g->etup[k]][a];
        if (m > b->str_edge_limit)
            rc = set_coded_attr(&g->ig, edge_attr_name[a], g->sh, col, m, &num);
        else
            rc = set_str_attr(&g->ig, 0, edge_attr_name[a], g->sh, col, 1, m);
        free(col);
        if (rc)
            goto igfail;
    }
    if ((rc = igraph_vector_resize(&num, (igraph_integer_t)m)))
        goto igfail;
    for (size_t k = 0; k < m; k++)
        VECTOR(num)[k] = g->eweight[k];
    if ((rc = igraph_cattribute_EAN_setv(&g->ig, "weight", &num)))
        goto igfail;

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
    if (have_num)
        igraph_vector_destroy(&num);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    free(ids);
    free(vof);
    free(remap);
    free(tremap);
    free(eorder);
    free(start);
    free(etmp);
    free(bucket);
    free(mc.rec);
    free(mc.stamp);
    cg_buf_destroy(&mc.buf);
    cg_graph_free(g);
    return st;
}

/* ------------------------------------------------------------------ */
/* Accessors: read the compact copy kept beside the igraph attributes. */

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
    return g->sh->s[g->node[v].s[a]];
}

int cg_graph_node_year(const cg_graph *g, size_t v)
{
    if (!g || v >= g->n_nodes)
        return 0;
    return g->node[v].year;
}

int cg_graph_node_cited(const cg_graph *g, size_t v)
{
    if (!g || v >= g->n_nodes)
        return 0;
    return g->node[v].cited;
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
    return g->sh->s[g->sh->t[g->etup[e]][a]];
}

long cg_graph_edge_weight(const cg_graph *g, size_t e)
{
    if (!g || e >= g->n_edges)
        return 0;
    return (long)g->eweight[e];
}

/* Vertices are sorted by id: a binary search needs no index. */
long cg_graph_find(const cg_graph *g, const char *id)
{
    if (!g || !id)
        return -1;
    size_t lo = 0, hi = g->n_nodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->sh->s[g->node[mid].s[CG_NODE_ID]], id);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
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
    /* newv[v]: v's index in the subgraph, NO_ID when left out */
    uint32_t *newv = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *newv);
    cg_graph *s = calloc(1, sizeof *s);
    if (!newv || !s)
        goto oom;
    memset(newv, 0xff, (g->n_nodes ? g->n_nodes : 1) * sizeof *newv);
    for (size_t i = 0; i < n; i++) {
        if (vertices[i] >= g->n_nodes) {
            st = cg_error_set(err, CG_ERR_USAGE,
                              "cg_graph_subgraph: no vertex %zu", vertices[i]);
            goto done;
        }
        newv[vertices[i]] = 0;
    }
    if ((rc = igraph_vector_int_init(&vids, 0)))
        goto igfail;
    have_vids = 1;
    size_t k = 0;
    for (size_t v = 0; v < g->n_nodes; v++) {
        if (newv[v] == NO_ID)
            continue;
        newv[v] = (uint32_t)k++;
        if ((rc = igraph_vector_int_push_back(&vids, (igraph_integer_t)v)))
            goto igfail;
    }
    /* Copy-and-delete keeps the surviving vertices and edges in their
     * order: ids stay sorted and edges stay in (source, target) order. */
    if ((rc = igraph_induced_subgraph(&g->ig, &s->ig, igraph_vss_vector(&vids),
                                      IGRAPH_SUBGRAPH_COPY_AND_DELETE)))
        goto igfail;
    s->have_ig = 1;
    s->n_nodes = (size_t)igraph_vcount(&s->ig);
    s->n_edges = (size_t)igraph_ecount(&s->ig);
    /* The compact copy: rows of the kept vertices and edges, strings
     * shared with g. */
    s->sh = g->sh;
    atomic_fetch_add(&s->sh->refs, 1);
    s->node = malloc((s->n_nodes ? s->n_nodes : 1) * sizeof *s->node);
    s->etup = malloc((s->n_edges ? s->n_edges : 1) * sizeof *s->etup);
    s->eweight = malloc((s->n_edges ? s->n_edges : 1) * sizeof *s->eweight);
    if (!s->node || !s->etup || !s->eweight)
        goto oom;
    if (k != s->n_nodes)
        goto order;
    for (size_t v = 0; v < g->n_nodes; v++)
        if (newv[v] != NO_ID)
            s->node[newv[v]] = g->node[v];
    size_t j = 0;
    for (size_t e = 0; e < g->n_edges; e++) {
        size_t from = (size_t)IGRAPH_FROM(&g->ig, (igraph_integer_t)e);
        size_t to = (size_t)IGRAPH_TO(&g->ig, (igraph_integer_t)e);
        if (newv[from] == NO_ID || newv[to] == NO_ID)
            continue;
        if (j >= s->n_edges ||
            (uint32_t)IGRAPH_FROM(&s->ig, (igraph_integer_t)j) != newv[from] ||
            (uint32_t)IGRAPH_TO(&s->ig, (igraph_integer_t)j) != newv[to])
            goto order;
        s->etup[j] = g->etup[e];
        s->eweight[j] = g->eweight[e];
        j++;
    }
    if (j != s->n_edges)
        goto order;
    *out = s;
    s = NULL;
    goto done;
order:
    /* igraph changed how it orders a subgraph: the copy would not match */
    st = cg_error_set(err, CG_ERR_GRAPH, "igraph: making a subgraph: "
                      "unexpected vertex or edge order");
    goto done;
igfail:
    st = ig_fail(err, rc, "making a subgraph");
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory making a subgraph");
done:
    if (have_vids)
        igraph_vector_int_destroy(&vids);
    free(newv);
    cg_graph_free(s);
    return st;
}
