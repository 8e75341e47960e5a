/*
 * graphml.c - GraphML writer, with libxml2's xmlTextWriter.
 *
 * Layout: one <key> per attribute (key id = attribute name), then
 * <graph edgedefault="directed"> with nodes in vertex order and edges in
 * edge order.  A node's XML id is its canonical id (cleaned, see below);
 * edges are e0, e1, ...
 *
 * Values: every string is cleaned for XML 1.0 (cg_exp_clean, CG_CLEAN_XML:
 * invalid UTF-8, forbidden control characters and U+FFFE/U+FFFF become
 * U+FFFD), so the file always parses.  String <data> elements whose value
 * is empty are omitted (the GraphML reading of "unknown"); the integer
 * attributes year, cited and weight are always written (year 0 = unknown).
 *
 * With yed (cg_write_graphml_yed, build --yed) every node also gets yEd's
 * node graphics: a y:ShapeNode whose y:NodeLabel is the node's label.
 *
 * Output goes through an xmlOutputBuffer whose write callback fwrites to
 * the FILE* and records the first error instead of reporting it, so that
 * libxml2 never prints an I/O error (cg_exp_xml_open, also used by gexf.c).
 * The keys and <data> elements follow the attribute tables of export.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/entities.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "exporters.h"

static int xml_write(void *ctx, const char *buf, int len)
{
    cg_exp_xml *x = ctx;
    if (!x->err && len > 0) {
        errno = 0;
        if (fwrite(buf, 1, (size_t)len, x->f) != (size_t)len)
            x->err = errno ? errno : EIO;
    }
    return len; /* never fail toward libxml2: it would print */
}

static int xml_close(void *ctx)
{
    (void)ctx; /* the FILE* belongs to the caller */
    return 0;
}

cg_status cg_exp_xml_open(cg_exp_xml *x, FILE *f, const char *what,
                          cg_error *err)
{
    x->w = NULL;
    x->f = f;
    x->err = 0;
    xmlInitParser();
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(xml_write, xml_close,
                                                    x, NULL);
    if (!ob)
        return cg_exp_fail(0, 1, "libxml2", what, err);
    x->w = xmlNewTextWriter(ob); /* takes ob, closes it when freed */
    if (!x->w) {
        xmlOutputBufferClose(ob);
        return cg_exp_fail(0, 1, "libxml2", what, err);
    }
    if (xmlTextWriterSetIndent(x->w, 1) < 0 ||
        xmlTextWriterSetIndentString(x->w, (const xmlChar *)"  ") < 0 ||
        xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
        return cg_exp_fail(x->err, 0, "libxml2", what, err);
    return CG_OK;
}

int cg_exp_xml_end(cg_exp_xml *x)
{
    if (xmlTextWriterEndDocument(x->w) < 0 || xmlTextWriterFlush(x->w) < 0)
        return -1;
    return x->err ? -1 : 0;
}

void cg_exp_xml_destroy(cg_exp_xml *x)
{
    if (x && x->w) {
        xmlFreeTextWriter(x->w);
        x->w = NULL;
    }
}

#define X(s) ((const xmlChar *)(s))
#define CHK(call) do { if ((call) < 0) goto fail; } while (0)

/* Writes <data key="key">value</data>, value cleaned; skips "". */
static int data_str(xmlTextWriterPtr w, cg_buf *buf, const char *key,
                    const char *value)
{
    if (!value || !*value)
        return 0;
    cg_buf_clear(buf);
    if (cg_exp_clean(buf, value, CG_CLEAN_XML) < 0)
        return -1;
    if (xmlTextWriterStartElement(w, X("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("key"), X(key)) < 0 ||
        xmlTextWriterWriteString(w, X(cg_buf_str(buf))) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

static int data_long(xmlTextWriterPtr w, const char *key, long value)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", value);
    if (xmlTextWriterStartElement(w, X("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("key"), X(key)) < 0 ||
        xmlTextWriterWriteString(w, X(num)) < 0 ||
        xmlTextWriterEndElement(w) < 0)
        return -1;
    return 0;
}

/* yEd shows neither GraphML's label nor any other <data> until mapped by
 * hand: it draws what a yfiles "nodegraphics" value says.  Fill colour by
 * kind so that the families stand apart before any layout. */
static const char *yed_fill(const char *kind)
{
    static const struct { const char *kind, *rgb; } C[] = {
        { "resolution", "#99CCFF" }, { "decision", "#CCFFCC" },
        { "treaty", "#FFCC99" },     { "statement", "#FFCCCC" },
        { "report", "#E6E6E6" },     { "document", "#E6E6E6" },
        { "ilo", "#CC99FF" },
    };
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++)
        if (strcmp(kind, C[i].kind) == 0)
            return C[i].rgb;
    return "#FFFFFF";
}

/* <data key="ng"><y:ShapeNode>...<y:NodeLabel>label</y:NodeLabel>...;
 * label already cleaned.  The box is sized from the label's character
 * count, as yEd does not resize nodes on load. */
static int yed_node(xmlTextWriterPtr w, const char *label, const char *kind)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    size_t width = chars * 7 + 16;
    if (width < 60)
        width = 60;
    if (width > 400)
        width = 400;
    char wbuf[32];
    snprintf(wbuf, sizeof wbuf, "%zu.0", width);
    if (xmlTextWriterStartElement(w, X("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("key"), X("ng")) < 0 ||
        xmlTextWriterStartElement(w, X("y:ShapeNode")) < 0 ||
        xmlTextWriterStartElement(w, X("y:Geometry")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("height"), X("30.0")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("width"), X(wbuf)) < 0 ||
        xmlTextWriterEndElement(w) < 0 ||
        xmlTextWriterStartElement(w, X("y:Fill")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("color"), X(yed_fill(kind))) < 0 ||
        xmlTextWriterWriteAttribute(w, X("transparent"), X("false")) < 0 ||
        xmlTextWriterEndElement(w) < 0 ||
        xmlTextWriterStartElement(w, X("y:NodeLabel")) < 0 ||
        xmlTextWriterWriteString(w, X(label)) < 0 ||
        xmlTextWriterEndElement(w) < 0 ||
        xmlTextWriterStartElement(w, X("y:Shape")) < 0 ||
        xmlTextWriterWriteAttribute(w, X("type"), X("roundrectangle")) < 0 ||
        xmlTextWriterEndElement(w) < 0 ||
        xmlTextWriterEndElement(w) < 0 || /* y:ShapeNode */
        xmlTextWriterEndElement(w) < 0)   /* data */
        return -1;
    return 0;
}

/* <data> of every attribute from at to the end of its table, of node or
 * edge i (strings with data_str: "" omitted). */
static int data_attrs(xmlTextWriterPtr w, cg_buf *buf, const cg_graph *g,
                      size_t i, const cg_exp_attr *at)
{
    for (; at->name; at++) {
        long num;
        const char *s = cg_exp_value(g, at, i, &num);
        if ((s ? data_str(w, buf, at->name, s) : data_long(w, at->name, num)) < 0)
            return -1;
    }
    return 0;
}

/* <key> of every attribute of a table. */
static int keys(xmlTextWriterPtr w, const cg_exp_attr *at)
{
    for (; at->name; at++)
        if (xmlTextWriterStartElement(w, X("key")) < 0 ||
            xmlTextWriterWriteAttribute(w, X("id"), X(at->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("for"), X(at->edge ? "edge" : "node")) < 0 ||
            xmlTextWriterWriteAttribute(w, X("attr.name"), X(at->name)) < 0 ||
            xmlTextWriterWriteAttribute(w, X("attr.type"), X(at->num ? "int" : "string")) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    return 0;
}

/* Everything before the first node, the same in both writers: <graphml>
 * with its namespaces, the keys and <graph> left open; yed adds yEd's
 * namespace and the nodegraphics key. */
static int frame(xmlTextWriterPtr w, int yed)
{
    CHK(xmlTextWriterStartElement(w, X("graphml")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns"),
                                    X("http://graphml.graphdrawing.org/xmlns")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
                                    X("http://www.w3.org/2001/XMLSchema-instance")));
    CHK(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
        X("http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")));
    if (yed)
        CHK(xmlTextWriterWriteAttribute(w, X("xmlns:y"),
                                        X("http://www.yworks.com/xml/graphml")));
    CHK(keys(w, cg_exp_node_attrs));
    CHK(keys(w, cg_exp_edge_attrs));
    if (yed) {
        CHK(xmlTextWriterStartElement(w, X("key")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X("ng")));
        CHK(xmlTextWriterWriteAttribute(w, X("for"), X("node")));
        CHK(xmlTextWriterWriteAttribute(w, X("yfiles.type"),
                                        X("nodegraphics")));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterStartElement(w, X("graph")));
    CHK(xmlTextWriterWriteAttribute(w, X("id"), X("citations")));
    CHK(xmlTextWriterWriteAttribute(w, X("edgedefault"), X("directed")));
    return 0;
fail:
    return -1;
}

/* GraphML with yEd's namespace, the nodegraphics key and one ShapeNode
 * per node (build --yed), all through xmlTextWriter's element calls; the
 * rest of the file is what cg_write_graphml writes. */
cg_status cg_write_graphml_yed(const cg_graph *g, FILE *f, cg_error *err)
{
    cg_status st = CG_OK;
    cg_exp_xml x = { NULL, f, 0 };
    const char **names = NULL;
    cg_buf buf;
    cg_buf_init(&buf);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names, "out of memory",
                           err)) != CG_OK ||
        (st = cg_exp_xml_open(&x, f, "GraphML", err)) != CG_OK)
        goto done;
    xmlTextWriterPtr w = x.w;
    CHK(frame(w, 1));

    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    for (size_t v = 0; v < n && !x.err; v++) {
        CHK(xmlTextWriterStartElement(w, X("node")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(names[v])));
        CHK(data_attrs(w, &buf, g, v, cg_exp_node_attrs));
        cg_buf_clear(&buf);
        if (cg_exp_clean(&buf, cg_graph_node_str(g, v, CG_NODE_LABEL),
                         CG_CLEAN_XML) < 0)
            goto fail;
        CHK(yed_node(w, cg_buf_str(&buf),
                     cg_graph_node_str(g, v, CG_NODE_KIND)));
        CHK(xmlTextWriterEndElement(w));
    }
    for (size_t e = 0; e < m && !x.err; e++) {
        size_t from, to;
        char eid[32];
        cg_graph_edge_ends(g, e, &from, &to);
        if (from >= n || to >= n)
            goto fail;
        snprintf(eid, sizeof eid, "e%zu", e);
        CHK(xmlTextWriterStartElement(w, X("edge")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(eid)));
        CHK(xmlTextWriterWriteAttribute(w, X("source"), X(names[from])));
        CHK(xmlTextWriterWriteAttribute(w, X("target"), X(names[to])));
        CHK(data_attrs(w, &buf, g, e, cg_exp_edge_attrs));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(cg_exp_xml_end(&x));
    goto done;
fail:
    st = cg_exp_fail(x.err, buf.oom, "libxml2", "GraphML", err);
done:
    cg_exp_xml_destroy(&x);
    cg_buf_destroy(&buf);
    free(names);
    cg_arena_free(a);
    return st;
}

/* ------------------------------------------------------------------ */
/* Plain GraphML, fast                                                  */

/* The plain writer produces the bytes cg_write_graphml_yed does without
 * its yEd parts (xmlns:y, the ng key, the ShapeNodes), but only the
 * document's frame (declaration, <graphml>, the keys, <graph>
 * and the closing tags) goes through xmlTextWriter's element calls; the
 * nodes and edges, where a 10-million-edge graph spends its time, are
 * formatted here into a buffer and handed over with
 * xmlTextWriterWriteRawLen in 64 KB pieces.  Markup is constant; a value
 * is copied as is when it is printable ASCII without & < > " (nothing to
 * escape, nothing to clean, the common case), otherwise it is cleaned
 * (cg_exp_clean) and escaped by the very libxml2 functions the writer
 * itself uses (xmlEncodeSpecialChars for text, xmlAttrSerializeTxtContent
 * for attributes), so that every byte is the same. */

#define RAW_CHUNK (1 << 16)

static int plain_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p > 0x7E || *p == '&' || *p == '<' || *p == '>' ||
            *p == '"')
            return 0;
    return 1;
}

/* Appends s as the writer would write it: attr selects attribute-value
 * escaping, else text escaping.  tmp is scratch.  0 ok, -1 OOM. */
static int put_escaped(cg_buf *out, cg_buf *tmp, const char *s, int attr)
{
    if (plain_ascii(s))
        return cg_buf_puts(out, s);
    cg_buf_clear(tmp);
    if (cg_exp_clean(tmp, s, CG_CLEAN_XML) < 0)
        return -1;
    int rc = -1;
    if (attr) {
        xmlBufferPtr xb = xmlBufferCreate();
        if (!xb)
            return -1;
        xmlAttrSerializeTxtContent(xb, NULL, NULL, X(cg_buf_str(tmp)));
        rc = cg_buf_append(out, (const char *)xmlBufferContent(xb),
                           (size_t)xmlBufferLength(xb));
        xmlBufferFree(xb);
    } else {
        xmlChar *e = xmlEncodeSpecialChars(NULL, X(cg_buf_str(tmp)));
        if (!e)
            return -1;
        rc = cg_buf_puts(out, (const char *)e);
        xmlFree(e);
    }
    return rc;
}

static void put_long(cg_buf *out, long v)
{
    if (v < 0) {
        cg_buf_putc(out, '-');
        cg_buf_put_uint(out, 0UL - (unsigned long)v);
    } else {
        cg_buf_put_uint(out, (unsigned long)v);
    }
}

/* "      <data key="key">value</data>\n", nothing for "". */
static int put_data_str(cg_buf *out, cg_buf *tmp, const char *key,
                        const char *value)
{
    if (!value || !*value)
        return 0;
    cg_buf_puts(out, "      <data key=\"");
    cg_buf_puts(out, key);
    cg_buf_puts(out, "\">");
    if (put_escaped(out, tmp, value, 0) < 0)
        return -1;
    return cg_buf_puts(out, "</data>\n");
}

static int put_data_long(cg_buf *out, const char *key, long value)
{
    cg_buf_puts(out, "      <data key=\"");
    cg_buf_puts(out, key);
    cg_buf_puts(out, "\">");
    put_long(out, value);
    return cg_buf_puts(out, "</data>\n");
}

/* Hands the buffered body to the writer once it is big enough (or when
 * force is set).  0 ok, -1 on a writer error. */
static int raw_flush(xmlTextWriterPtr w, cg_buf *body, int force)
{
    if (body->len == 0 || (!force && body->len < RAW_CHUNK))
        return 0;
    if (xmlTextWriterWriteRawLen(w, X(body->data), (int)body->len) < 0)
        return -1;
    cg_buf_clear(body);
    return 0;
}

/* What put_data_str and put_data_long write for every attribute from at
 * to the end of its table, of node or edge i.  0 ok, -1 OOM. */
static int put_attrs(cg_buf *out, cg_buf *tmp, const cg_graph *g, size_t i,
                     const cg_exp_attr *at)
{
    for (; at->name; at++) {
        long num;
        const char *s = cg_exp_value(g, at, i, &num);
        if ((s ? put_data_str(out, tmp, at->name, s)
               : put_data_long(out, at->name, num)) < 0)
            return -1;
    }
    return 0;
}

cg_status cg_write_graphml(const cg_graph *g, FILE *f, cg_error *err)
{
    cg_status st = CG_OK;
    cg_exp_xml x = { NULL, f, 0 };
    const char **names = NULL;
    cg_buf body, tmp;
    cg_buf_init(&body);
    cg_buf_init(&tmp);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names, "out of memory",
                           err)) != CG_OK ||
        (st = cg_exp_xml_open(&x, f, "GraphML", err)) != CG_OK)
        goto done;
    xmlTextWriterPtr w = x.w;
    CHK(frame(w, 0));

    /* The first raw write makes the writer close the <graph ...> start
     * tag with ">"; the body then starts on a new line and ends with the
     * indentation of "</graph>", which the writer appends without
     * indenting after raw text.  No node: nothing raw, and the writer
     * writes <graph .../> as before. */
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    if (n)
        cg_buf_putc(&body, '\n');
    for (size_t v = 0; v < n && !x.err; v++) {
        cg_buf_puts(&body, "    <node id=\"");
        if (put_escaped(&body, &tmp, names[v], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\">\n");
        if (put_attrs(&body, &tmp, g, v, cg_exp_node_attrs) < 0)
            goto nomem;
        cg_buf_puts(&body, "    </node>\n");
        if (body.oom)
            goto nomem;
        CHK(raw_flush(w, &body, 0));
    }
    for (size_t e = 0; e < m && !x.err; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        if (from >= n || to >= n)
            goto fail;
        cg_buf_puts(&body, "    <edge id=\"e");
        cg_buf_put_uint(&body, e);
        cg_buf_puts(&body, "\" source=\"");
        if (put_escaped(&body, &tmp, names[from], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\" target=\"");
        if (put_escaped(&body, &tmp, names[to], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\">\n");
        if (put_attrs(&body, &tmp, g, e, cg_exp_edge_attrs) < 0)
            goto nomem;
        cg_buf_puts(&body, "    </edge>\n");
        if (body.oom)
            goto nomem;
        CHK(raw_flush(w, &body, 0));
    }
    if (n) {
        cg_buf_puts(&body, "  ");
        if (body.oom)
            goto nomem;
        CHK(raw_flush(w, &body, 1));
    }
    CHK(cg_exp_xml_end(&x));
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GraphML");
    goto done;
fail:
    st = cg_exp_fail(x.err, body.oom || tmp.oom, "libxml2", "GraphML", err);
done:
    cg_exp_xml_destroy(&x);
    cg_buf_destroy(&body);
    cg_buf_destroy(&tmp);
    free(names);
    cg_arena_free(a);
    return st;
}
