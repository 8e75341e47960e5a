/*
 * graphml_read.c - reading GraphML back into a cg_graph
 * (cg_graph_read_graphml), with libxml2's streaming xmlTextReader so that
 * large files are not held as a DOM and so that attribute names, not
 * igraph's key ids, decide what a value means.
 *
 * Keys are matched by attr.name (falling back to the key id): ours
 * (id, label, kind, body, title, date, year, cited; verb, part, para,
 * locator, weight) map back to the same attributes, and a file from
 * another tool (Gephi writes label and title, networkx writes the node
 * id only) gives what it can.  <default> values of a key apply to the
 * elements without that <data>.  Only the top-level graph is read
 * (nested graphs, ports and hyperedges are ignored); edges are read as directed source -> target
 * whatever edgedefault says.  The graph itself is made by cg_rb_make.
 *
 * XML safety as for the input readers (input.h): CG_IN_XML_OPTS (no
 * network, no entity substitution, no DTD loading), nesting deeper than
 * CG_IN_MAX_DEPTH fails, and values are the text of their element with
 * entity references left out (gr_text), so that an internal entity is not
 * expanded once per <data> (amplification) and an external one is never
 * fetched.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "cg_util.h"
#include "input.h"
#include "rebuild.h"

/* Value slots of a node and of an edge. */
enum { GN_ID, GN_LABEL, GN_NAME, GN_KIND, GN_BODY, GN_TITLE, GN_DATE,
       GN_YEAR, GN_CITED, GN_N };
enum { GE_VERB, GE_PART, GE_PARA, GE_LOCATOR, GE_WEIGHT, GE_N };

static const char *const gn_name[GN_N] = {
    "id", "label", "name", "kind", "body", "title", "date", "year", "cited"
};
static const char *const ge_name[GE_N] = {
    "verb", "part", "para", "locator", "weight"
};

/* A key's slots live in its map value: 1 + (node slot + 1) +
 * 16 * (edge slot + 1), so that no aligned storage is needed. */
#define GK_PACK(ns, es) ((void *)(uintptr_t)(1 + ((ns) + 1) + 16 * ((es) + 1)))
#define GK_NODE(p) ((int)(((uintptr_t)(p) - 1) % 16) - 1)
#define GK_EDGE(p) ((int)(((uintptr_t)(p) - 1) / 16) - 1)

typedef struct gnode {
    const char *xid;
    const char *val[GN_N];      /* NULL: no <data> */
} gnode;

typedef struct gedge {
    const char *src, *tgt;
    const char *val[GE_N];
} gedge;

typedef struct gread {
    const char *path;
    cg_arena *a;
    cg_map keys;                /* key id -> GK_PACK(slots) */
    const char *ndef[GN_N], *edef[GE_N]; /* <default> values */
    cg_map nodes;               /* xml id -> index + 1 */
    gnode *node;
    size_t n_nodes, cap_nodes;
    gedge *edge;
    size_t n_edges, cap_edges;
    char xmlerr[256];           /* first libxml2 error */
    int xmlerr_line;
    cg_buf text;                /* scratch for gr_text */
} gread;

static void gr_error(void *ctx, const xmlError *e)
{
    gread *r = ctx;
    if (r->xmlerr[0] || !e || e->level < XML_ERR_ERROR)
        return;
    snprintf(r->xmlerr, sizeof r->xmlerr, "%s", e->message ? e->message : "XML error");
    size_t l = strlen(r->xmlerr);
    while (l && (r->xmlerr[l - 1] == '\n' || r->xmlerr[l - 1] == ' '))
        r->xmlerr[--l] = '\0';
    r->xmlerr_line = e->line;
}

/* libxml2 2.12 made the handler's argument const. */
#if LIBXML_VERSION >= 21200
static void gr_error_cb(void *ctx, const xmlError *e) { gr_error(ctx, e); }
#else
static void gr_error_cb(void *ctx, xmlError *e) { gr_error(ctx, e); }
#endif

static const char *gr_attr(gread *r, xmlTextReaderPtr rd, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = cg_arena_strdup(r->a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Appends the text and CDATA under n to b; entity references are skipped
 * (see the top of the file).  The depth is bounded by the parser's. */
static void gr_text_add(cg_buf *b, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            cg_buf_puts(b, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE)
            gr_text_add(b, c);
    }
}

/* The text of element n, copied into the arena; NULL on OOM. */
static const char *gr_text(gread *r, xmlNodePtr n)
{
    cg_buf_clear(&r->text);
    gr_text_add(&r->text, n);
    return r->text.oom ? NULL : cg_arena_strdup(r->a, cg_buf_str(&r->text));
}

static int slot_of(const char *name, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* <key>: its slots and its <default>. */
static int gr_key(gread *r, xmlTextReaderPtr rd)
{
    const char *id = gr_attr(r, rd, "id"), *name = gr_attr(r, rd, "attr.name");
    const char *for_ = gr_attr(r, rd, "for");
    if (!id)
        return 0; /* invalid, ignored */
    if (!name)
        name = id;
    int fnode = !for_ || strcmp(for_, "node") == 0 || strcmp(for_, "all") == 0;
    int fedge = !for_ || strcmp(for_, "edge") == 0 || strcmp(for_, "all") == 0;
    int ns = fnode ? slot_of(name, gn_name, GN_N) : -1;
    int es = fedge ? slot_of(name, ge_name, GE_N) : -1;
    if (cg_map_put(&r->keys, id, GK_PACK(ns, es)) != 0)
        return -1;
    if ((ns >= 0 || es >= 0) && !xmlTextReaderIsEmptyElement(rd)) {
        xmlNodePtr n = xmlTextReaderExpand(rd);
        for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "default") != 0)
                continue;
            const char *s = gr_text(r, c);
            if (!s)
                return -1;
            if (ns >= 0)
                r->ndef[ns] = s;
            if (es >= 0)
                r->edef[es] = s;
        }
    }
    return 0;
}

/* Index of the node with XML id xid, created when new; -1 on OOM. */
static long gr_node(gread *r, const char *xid)
{
    void *v = cg_map_get(&r->nodes, xid);
    if (v)
        return (long)((uintptr_t)v - 1);
    if (r->n_nodes == r->cap_nodes) {
        size_t nc = r->cap_nodes ? r->cap_nodes * 2 : 256;
        gnode *nn = realloc(r->node, nc * sizeof *nn);
        if (!nn)
            return -1;
        r->node = nn;
        r->cap_nodes = nc;
    }
    if (cg_map_put(&r->nodes, xid, (void *)(uintptr_t)(r->n_nodes + 1)) != 0)
        return -1;
    gnode *n = &r->node[r->n_nodes];
    memset(n, 0, sizeof *n);
    n->xid = xid;
    return (long)r->n_nodes++;
}

static int name_is(xmlTextReaderPtr rd, const char *name)
{
    const xmlChar *l = xmlTextReaderConstLocalName(rd);
    return l && strcmp((const char *)l, name) == 0;
}

/* Reads the <data> children of the expanded node or edge element n into
 * val (node: 1, edge: 0); 0, or -1 on OOM. */
static int gr_data(gread *r, xmlNodePtr n, int node, const char **val)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "data") != 0)
            continue;
        xmlChar *key = xmlGetProp(c, (const xmlChar *)"key");
        void *k = key ? cg_map_get(&r->keys, (const char *)key) : NULL;
        xmlFree(key);
        int slot = k ? (node ? GK_NODE(k) : GK_EDGE(k)) : -1;
        if (slot < 0)
            continue;
        const char *s = gr_text(r, c);
        if (!s)
            return -1;
        val[slot] = s;
    }
    return 0;
}

static double gr_num(const char *s, double dflt)
{
    if (!s)
        return dflt;
    char *end;
    double x = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    return end == s || *end || !isfinite(x) ? dflt : x;
}

static const char *gr_str(const char *v, const char *dflt)
{
    return v ? v : dflt ? dflt : "";
}

/* Turns what was read into rebuild lists and makes the graph. */
static cg_status gr_make(gread *r, cg_graph **out, cg_error *err)
{
    cg_status st = CG_OK;
    /* Edges may name nodes that were never declared: add them first. */
    long *ends = malloc((2 * r->n_edges + 1) * sizeof *ends);
    cg_rb_node *rn = NULL;
    cg_rb_edge *re = malloc((r->n_edges + 1) * sizeof *re);
    if (!ends || !re)
        goto oom;
    for (size_t e = 0; e < r->n_edges; e++) {
        if ((ends[2 * e] = gr_node(r, r->edge[e].src)) < 0 ||
            (ends[2 * e + 1] = gr_node(r, r->edge[e].tgt)) < 0)
            goto oom;
    }
    rn = malloc((r->n_nodes + 1) * sizeof *rn);
    if (!rn)
        goto oom;
    for (size_t v = 0; v < r->n_nodes; v++) {
        const char **val = r->node[v].val;
        const char *id = NULL;
        for (int s = GN_ID; s <= GN_NAME && !id; s++) {
            const char *x = gr_str(val[s], r->ndef[s]);
            if (*x)
                id = x;
        }
        rn[v].id = id ? id : r->node[v].xid;
        rn[v].kind = gr_str(val[GN_KIND], r->ndef[GN_KIND]);
        rn[v].body = gr_str(val[GN_BODY], r->ndef[GN_BODY]);
        rn[v].title = gr_str(val[GN_TITLE], r->ndef[GN_TITLE]);
        rn[v].date = gr_str(val[GN_DATE], r->ndef[GN_DATE]);
        double y = gr_num(val[GN_YEAR] ? val[GN_YEAR] : r->ndef[GN_YEAR], 0);
        rn[v].year = y >= 1 && y <= 99999 ? (int)lround(y) : 0;
        rn[v].cited = gr_num(val[GN_CITED] ? val[GN_CITED] : r->ndef[GN_CITED], 0) != 0;
    }
    for (size_t e = 0; e < r->n_edges; e++) {
        const char **val = r->edge[e].val;
        re[e].from = (size_t)ends[2 * e];
        re[e].to = (size_t)ends[2 * e + 1];
        double w = gr_num(val[GE_WEIGHT] ? val[GE_WEIGHT] : r->edef[GE_WEIGHT], 1);
        re[e].weight = w < 1 ? 1 : w > CG_RB_MAX_WEIGHT ? CG_RB_MAX_WEIGHT : lround(w);
        for (int a = 0; a < CG_EDGE_N_STR_ATTRS; a++)
            re[e].str[a] = gr_str(val[a], r->edef[a]);
    }
    st = cg_rb_make(rn, r->n_nodes, re, r->n_edges, r->path, out, err);
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory reading GraphML", r->path);
done:
    free(ends);
    free(rn);
    free(re);
    return st;
}

cg_status cg_graph_read_graphml(const char *path, cg_graph **out,
                                cg_error *err)
{
    if (!path || !out)
        return cg_error_set(err, CG_ERR_USAGE, "cg_graph_read_graphml: NULL argument");
    *out = NULL;
    cg_status st = CG_OK;
    gread r;
    memset(&r, 0, sizeof r);
    cg_buf_init(&r.text);
    r.path = strcmp(path, "-") == 0 ? "(stdin)" : path;
    xmlTextReaderPtr rd = NULL;
    int have_keys = 0, have_nodes = 0, ret, seen_root = 0, graph_depth = -1;
    if (!(r.a = cg_arena_new()))
        goto oom;
    if (cg_map_init(&r.keys, 32) != 0)
        goto oom;
    have_keys = 1;
    if (cg_map_init(&r.nodes, 1024) != 0)
        goto oom;
    have_nodes = 1;
    cg_input_xml_init();
    int opts = CG_IN_XML_OPTS;
    if (strcmp(path, "-") == 0) {
        rd = xmlReaderForFd(0, NULL, NULL, opts);
    } else {
        FILE *probe = fopen(path, "rb");
        if (!probe) {
            st = cg_error_set(err, CG_ERR_IO, "%s: %s", path, strerror(errno));
            goto done;
        }
        fclose(probe);
        rd = xmlReaderForFile(path, NULL, opts);
    }
    if (!rd)
        goto oom;
    xmlTextReaderSetStructuredErrorHandler(rd, gr_error_cb, &r);
    /* xmlTextReaderNext leaves the reader on the next sibling, which must
     * be looked at before reading on: without white space between
     * elements (<node/><node/>) every second one was lost.  moved: the
     * last step was such a xmlTextReaderNext, ret is its result. */
    int moved = 0;
    for (ret = xmlTextReaderRead(rd); ret == 1; ret = moved ? ret : xmlTextReaderRead(rd)) {
        moved = 0;
        if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT)
            continue;
        int depth = xmlTextReaderDepth(rd);
        if (depth > CG_IN_MAX_DEPTH) {
            st = cg_error_set(err, CG_ERR_INPUT, "%s:%d: XML nested deeper than %d elements",
                              r.path, xmlTextReaderGetParserLineNumber(rd), CG_IN_MAX_DEPTH);
            goto done;
        }
        if (!seen_root) {
            seen_root = 1;
            if (!name_is(rd, "graphml")) {
                const xmlChar *l = xmlTextReaderConstLocalName(rd);
                st = cg_error_set(err, CG_ERR_INPUT,
                                  "%s: not a GraphML file (root element <%.40s>)",
                                  r.path, l ? (const char *)l : "?");
                goto done;
            }
            continue;
        }
        if (depth == 1 && name_is(rd, "key")) {
            if (gr_key(&r, rd) != 0)
                goto oom;
            ret = xmlTextReaderNext(rd);
            moved = 1;
            continue;
        }
        if (name_is(rd, "graph")) {
            if (graph_depth < 0) {
                graph_depth = depth;
            } else { /* nested graph: skipped */
                ret = xmlTextReaderNext(rd);
                moved = 1;
            }
            continue;
        }
        if (graph_depth < 0 || depth != graph_depth + 1)
            continue;
        int is_node = name_is(rd, "node"), is_edge = !is_node && name_is(rd, "edge");
        if (!is_node && !is_edge)
            continue;
        xmlNodePtr n = xmlTextReaderExpand(rd);
        if (!n) {
            ret = -1; /* the parse error is reported below */
            break;
        }
        if (is_node) {
            xmlChar *xid = xmlGetProp(n, (const xmlChar *)"id");
            const char *id = xid ? cg_arena_strdup(r.a, (const char *)xid) : NULL;
            xmlFree(xid);
            if (!xid) {
                st = cg_error_set(err, CG_ERR_INPUT, "%s:%d: <node> without an id",
                                  r.path, xmlTextReaderGetParserLineNumber(rd));
                goto done;
            }
            long v = id ? gr_node(&r, id) : -1;
            if (v < 0 || gr_data(&r, n, 1, r.node[v].val) != 0)
                goto oom;
        } else {
            xmlChar *s = xmlGetProp(n, (const xmlChar *)"source");
            xmlChar *t = xmlGetProp(n, (const xmlChar *)"target");
            if (!s || !t) {
                xmlFree(s);
                xmlFree(t);
                st = cg_error_set(err, CG_ERR_INPUT, "%s:%d: <edge> without source or target",
                                  r.path, xmlTextReaderGetParserLineNumber(rd));
                goto done;
            }
            if (r.n_edges == r.cap_edges) {
                size_t nc = r.cap_edges ? r.cap_edges * 2 : 1024;
                gedge *ne = realloc(r.edge, nc * sizeof *ne);
                if (!ne) {
                    xmlFree(s);
                    xmlFree(t);
                    goto oom;
                }
                r.edge = ne;
                r.cap_edges = nc;
            }
            gedge *e = &r.edge[r.n_edges];
            memset(e, 0, sizeof *e);
            e->src = cg_arena_strdup(r.a, (const char *)s);
            e->tgt = cg_arena_strdup(r.a, (const char *)t);
            xmlFree(s);
            xmlFree(t);
            if (!e->src || !e->tgt)
                goto oom;
            r.n_edges++;
            if (gr_data(&r, n, 0, e->val) != 0)
                goto oom;
        }
        ret = xmlTextReaderNext(rd);
        moved = 1;
    }
    if (r.xmlerr[0] || ret < 0 || !seen_root) {
        if (!seen_root)
            st = cg_error_set(err, CG_ERR_INPUT, "%s: not a GraphML file (XML error at line %d: %s)",
                              r.path, r.xmlerr_line, r.xmlerr[0] ? r.xmlerr : "no element");
        else
            st = cg_error_set(err, CG_ERR_INPUT, "%s:%d: bad GraphML: %s", r.path,
                              r.xmlerr_line, r.xmlerr[0] ? r.xmlerr : "XML error");
        goto done;
    }
    if (graph_depth < 0) {
        st = cg_error_set(err, CG_ERR_INPUT, "%s: GraphML file without a <graph>", r.path);
        goto done;
    }
    st = gr_make(&r, out, err);
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory reading GraphML", r.path);
done:
    if (rd)
        xmlFreeTextReader(rd);
    cg_buf_destroy(&r.text);
    if (have_keys)
        cg_map_destroy(&r.keys);
    if (have_nodes)
        cg_map_destroy(&r.nodes);
    free(r.node);
    free(r.edge);
    cg_arena_free(r.a);
    return st;
}
