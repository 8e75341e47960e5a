/*
 * gexf.c - GEXF 1.3 writer (Gephi), with libxml2's xmlTextWriter.
 *
 * Layout: <graph defaultedgetype="directed" mode="dynamic"
 * timeformat="integer">, static typed attribute declarations for nodes
 * (kind, body, title, date: string; year, cited: integer) and edges (verb,
 * part, para, locator: string), nodes in vertex order, edges in edge order
 * (ids e0, e1, ...) with GEXF's own weight attribute.  A node's GEXF id is
 * its canonical id (cg_exp_node_names, CG_CLEAN_XML) and its label the
 * label attribute.
 *
 * Time: a node whose year is known gets start="YEAR", and an edge gets
 * the year of its citing node, so that Gephi's timeline replays the growth
 * of the network (a document and its citations appear the year it was
 * issued).  Nodes of unknown year carry no start and exist throughout.
 * Years are integers (timeformat="integer") rather than dates because
 * many cited documents are known by year only.
 *
 * Values are cleaned for XML like GraphML (CG_CLEAN_XML) and written by
 * libxml2, which escapes them; empty strings are omitted from attvalues,
 * year (0 = unknown) and cited are always written.  Output goes through
 * an xmlOutputBuffer whose callback records the first write error rather
 * than returning it, so libxml2 never prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "exporters.h"

typedef struct gctx {
    FILE *f;
    int err;          /* first errno from fwrite, 0 if none */
} gctx;

static int gexf_write(void *ctx, const char *buf, int len)
{
    gctx *c = ctx;
    if (!c->err && len > 0) {
        errno = 0;
        if (fwrite(buf, 1, (size_t)len, c->f) != (size_t)len)
            c->err = errno ? errno : EIO;
    }
    return len; /* never fail toward libxml2: it would print */
}

static int gexf_close(void *ctx)
{
    (void)ctx; /* the FILE* belongs to the caller */
    return 0;
}

#define X(s) ((const xmlChar *)(s))
#define CHK(call) do { if ((call) < 0) goto fail; } while (0)

static const char *const NODE_STR[] = { "kind", "body", "title", "date" };
static const cg_node_attr NODE_STR_ATTR[] = {
    CG_NODE_KIND, CG_NODE_BODY, CG_NODE_TITLE, CG_NODE_DATE
};
static const char *const EDGE_STR[] = { "verb", "part", "para", "locator" };

/* <attributes class=cls mode="static"> with the given string attributes,
 * then the integer ones. */
static int declare(xmlTextWriterPtr w, const char *cls,
                   const char *const *strs, size_t n_str,
                   const char *const *ints, size_t n_int)
{
    if (xmlTextWriterStartElement(w, X("attributes")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("class"), X(cls)) < 0 ||
        xmlTextWriterWriteAttribute(w, X("mode"), X("static")) < 0)
        return -1;
    for (size_t i = 0; i < n_str + n_int; i++) {
        const char *name = i < n_str ? strs[i] : ints[i - n_str];
        if (xmlTextWriterStartElement(w, X("attribute")) < 0 ||
            xmlTextWriterWriteAttribute(w, X("id"), X(name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("title"), X(name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("type"),
                                        X(i < n_str ? "string" : "integer")) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* <attvalue for=key value=cleaned/>, skipped when value is "". */
static int attvalue(xmlTextWriterPtr w, cg_buf *buf, const char *key,
                    const char *value)
{
    if (!value || !*value)
        return 0;
    cg_buf_clear(buf);
    if (cg_exp_clean(buf, value, CG_CLEAN_XML) < 0)
        return -1;
    if (xmlTextWriterStartElement(w, X("attvalue")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("for"), X(key)) < 0 ||
        xmlTextWriterWriteAttribute(w, X("value"), X(cg_buf_str(buf))) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

static int attvalue_long(xmlTextWriterPtr w, cg_buf *buf, const char *key,
                         long value)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", value);
    return attvalue(w, buf, key, num);
}

cg_status cg_write_gexf(const cg_graph *g, FILE *f, cg_error *err)
{
    static const char *const node_int[] = { "year", "cited" };
    cg_status st = CG_OK;
    gctx ctx = { f, 0 };
    xmlTextWriterPtr w = NULL;
    const char **names = NULL;
    cg_buf buf;
    cg_buf_init(&buf);
    cg_arena *a = cg_arena_new();
    if (!a)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory");
    if ((st = cg_exp_node_names(g, CG_CLEAN_XML, a, &names, err)) != CG_OK)
        goto done;

    xmlInitParser();
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(gexf_write, gexf_close,
                                                    &ctx, NULL);
    if (!ob)
        goto nomem;
    w = xmlNewTextWriter(ob); /* takes ob, closes it when freed */
    if (!w) {
        xmlOutputBufferClose(ob);
        goto nomem;
    }
    CHK(xmlTextWriterSetIndent(w, 1));
    CHK(xmlTextWriterSetIndentString(w, X("  ")));
    CHK(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    CHK(xmlTextWriterStartElement(w, X("gexf")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns"), X("http://gexf.net/1.3")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
                                    X("http://www.w3.org/2001/XMLSchema-instance")));
    CHK(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
        X("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")));
    CHK(xmlTextWriterWriteAttribute(w, X("version"), X("1.3")));
    CHK(xmlTextWriterStartElement(w, X("meta")));
    CHK(xmlTextWriterWriteElement(w, X("creator"), X("citegraph " CG_VERSION)));
    CHK(xmlTextWriterWriteElement(w, X("description"),
                                  X("citations between United Nations documents")));
    CHK(xmlTextWriterEndElement(w));
    CHK(xmlTextWriterStartElement(w, X("graph")));
    CHK(xmlTextWriterWriteAttribute(w, X("defaultedgetype"), X("directed")));
    CHK(xmlTextWriterWriteAttribute(w, X("mode"), X("dynamic")));
    CHK(xmlTextWriterWriteAttribute(w, X("timeformat"), X("integer")));
    CHK(declare(w, "node", NODE_STR, 4, node_int, 2));
    CHK(declare(w, "edge", EDGE_STR, 4, NULL, 0));

    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    char num[32];
    CHK(xmlTextWriterStartElement(w, X("nodes")));
    for (size_t v = 0; v < n && !ctx.err; v++) {
        int year = cg_graph_node_year(g, v);
        CHK(xmlTextWriterStartElement(w, X("node")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(names[v])));
        cg_buf_clear(&buf);
        if (cg_exp_clean(&buf, cg_graph_node_str(g, v, CG_NODE_LABEL),
                         CG_CLEAN_XML) < 0)
            goto fail;
        CHK(xmlTextWriterWriteAttribute(w, X("label"), X(cg_buf_str(&buf))));
        if (year > 0) {
            snprintf(num, sizeof num, "%d", year);
            CHK(xmlTextWriterWriteAttribute(w, X("start"), X(num)));
        }
        CHK(xmlTextWriterStartElement(w, X("attvalues")));
        for (size_t k = 0; k < 4; k++)
            CHK(attvalue(w, &buf, NODE_STR[k],
                         cg_graph_node_str(g, v, NODE_STR_ATTR[k])));
        CHK(attvalue_long(w, &buf, "year", year));
        CHK(attvalue_long(w, &buf, "cited", cg_graph_node_cited(g, v)));
        CHK(xmlTextWriterEndElement(w)); /* attvalues */
        CHK(xmlTextWriterEndElement(w)); /* node */
    }
    CHK(xmlTextWriterEndElement(w)); /* nodes */
    CHK(xmlTextWriterStartElement(w, X("edges")));
    for (size_t e = 0; e < m && !ctx.err; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        if (from >= n || to >= n)
            goto fail;
        int year = cg_graph_node_year(g, from);
        CHK(xmlTextWriterStartElement(w, X("edge")));
        snprintf(num, sizeof num, "e%zu", e);
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(num)));
        CHK(xmlTextWriterWriteAttribute(w, X("source"), X(names[from])));
        CHK(xmlTextWriterWriteAttribute(w, X("target"), X(names[to])));
        snprintf(num, sizeof num, "%ld", cg_graph_edge_weight(g, e));
        CHK(xmlTextWriterWriteAttribute(w, X("weight"), X(num)));
        if (year > 0) {
            snprintf(num, sizeof num, "%d", year);
            CHK(xmlTextWriterWriteAttribute(w, X("start"), X(num)));
        }
        CHK(xmlTextWriterStartElement(w, X("attvalues")));
        for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
            CHK(attvalue(w, &buf, EDGE_STR[k],
                         cg_graph_edge_str(g, e, (cg_edge_attr)k)));
        CHK(xmlTextWriterEndElement(w)); /* attvalues */
        CHK(xmlTextWriterEndElement(w)); /* edge */
    }
    CHK(xmlTextWriterEndDocument(w)); /* closes every open element */
    CHK(xmlTextWriterFlush(w));
    if (ctx.err)
        goto fail;
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GEXF");
    goto done;
fail:
    if (ctx.err)
        st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                          strerror(ctx.err));
    else if (buf.oom)
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GEXF");
    else
        st = cg_error_set(err, CG_ERR_IO, "libxml2 could not write GEXF");
done:
    if (w)
        xmlFreeTextWriter(w);
    cg_buf_destroy(&buf);
    free(names);
    cg_arena_free(a);
    return st;
}
