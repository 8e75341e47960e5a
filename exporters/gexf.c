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
 * cg_exp_xml_open (graphml.c), whose callback records the first write
 * error rather than returning it, so libxml2 never prints.  Attributes
 * follow the tables of export.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libxml/xmlwriter.h>

#include "exporters.h"

#define X(s) ((const xmlChar *)(s))
#define CHK(call) do { if ((call) < 0) goto fail; } while (0)

/* <attributes class=cls mode="static"> with every attribute from at to
 * the end of its table; ints: 0 leaves the integer ones out (an edge's
 * weight is GEXF's own attribute). */
static int declare(xmlTextWriterPtr w, const char *cls, const cg_exp_attr *at,
                   int ints)
{
    if (xmlTextWriterStartElement(w, X("attributes")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("class"), X(cls)) < 0 ||
        xmlTextWriterWriteAttribute(w, X("mode"), X("static")) < 0)
        return -1;
    for (; at->name; at++) {
        if (at->num && !ints)
            continue;
        if (xmlTextWriterStartElement(w, X("attribute")) < 0 ||
            xmlTextWriterWriteAttribute(w, X("id"), X(at->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("title"), X(at->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("type"),
                                        X(at->num ? "integer" : "string")) < 0 ||
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

/* <attvalues> of node or edge i with the attributes declare(at, ints)
 * declared. */
static int attvalues(xmlTextWriterPtr w, cg_buf *buf, const cg_graph *g,
                     size_t i, const cg_exp_attr *at, int ints)
{
    if (xmlTextWriterStartElement(w, X("attvalues")) < 0)
        return -1;
    for (; at->name; at++) {
        long num;
        char tmp[32];
        const char *s = cg_exp_value(g, at, i, &num);
        if (!s && !ints)
            continue;
        if (!s) {
            snprintf(tmp, sizeof tmp, "%ld", num);
            s = tmp;
        }
        if (attvalue(w, buf, at->name, s) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

cg_status cg_write_gexf(const cg_graph *g, FILE *f, cg_error *err)
{
    cg_status st = CG_OK;
    cg_exp_xml x = { NULL, f, 0 };
    const char **names = NULL;
    cg_buf buf;
    cg_buf_init(&buf);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names, "out of memory",
                           err)) != CG_OK ||
        (st = cg_exp_xml_open(&x, f, "GEXF", err)) != CG_OK)
        goto done;
    xmlTextWriterPtr w = x.w;
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
    /* A node's id and label are GEXF's own attributes. */
    CHK(declare(w, "node", cg_exp_node_attrs + CG_NODE_KIND, 1));
    CHK(declare(w, "edge", cg_exp_edge_attrs, 0));

    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    char num[32];
    CHK(xmlTextWriterStartElement(w, X("nodes")));
    for (size_t v = 0; v < n && !x.err; v++) {
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
        CHK(attvalues(w, &buf, g, v, cg_exp_node_attrs + CG_NODE_KIND, 1));
        CHK(xmlTextWriterEndElement(w)); /* node */
    }
    CHK(xmlTextWriterEndElement(w)); /* nodes */
    CHK(xmlTextWriterStartElement(w, X("edges")));
    for (size_t e = 0; e < m && !x.err; e++) {
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
        CHK(attvalues(w, &buf, g, e, cg_exp_edge_attrs, 0));
        CHK(xmlTextWriterEndElement(w)); /* edge */
    }
    CHK(cg_exp_xml_end(&x)); /* closes every open element */
    goto done;
fail:
    st = cg_exp_fail(x.err, buf.oom, "libxml2", "GEXF", err);
done:
    cg_exp_xml_destroy(&x);
    cg_buf_destroy(&buf);
    free(names);
    cg_arena_free(a);
    return st;
}
