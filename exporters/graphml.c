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
 * libxml2 never prints an I/O error.
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

typedef struct wctx {
    FILE *f;
    int err;          /* first errno from fwrite, 0 if none */
} wctx;

static int gx_write(void *ctx, const char *buf, int len)
{
    wctx *c = ctx;
    if (!c->err && len > 0) {
        errno = 0;
        if (fwrite(buf, 1, (size_t)len, c->f) != (size_t)len)
            c->err = errno ? errno : EIO;
    }
    return len; /* never fail toward libxml2: it would print */
}

static int gx_close(void *ctx)
{
    (void)ctx; /* the FILE* belongs to the caller */
    return 0;
}

static const struct {
    const char *name, *type, *for_;
} KEYS[] = {
    { "id", "string", "node" },     { "label", "string", "node" },
    { "kind", "string", "node" },   { "body", "string", "node" },
    { "title", "string", "node" },  { "date", "string", "node" },
    { "year", "int", "node" },      { "cited", "int", "node" },
    { "verb", "string", "edge" },   { "part", "string", "edge" },
    { "para", "string", "edge" },   { "locator", "string", "edge" },
    { "weight", "int", "edge" },
};

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

static cg_status write_graphml(const cg_graph *g, FILE *f, int yed,
                               cg_error *err);

cg_status cg_write_graphml_yed(const cg_graph *g, FILE *f, cg_error *err)
{
    return write_graphml(g, f, 1, err);
}

/* yed: add yEd's namespace, the nodegraphics key and one ShapeNode per
 * node; the rest of the file is the same. */
static cg_status write_graphml(const cg_graph *g, FILE *f, int yed,
                               cg_error *err)
{
    static const char *const nkey[CG_NODE_N_STR_ATTRS] = {
        "id", "label", "kind", "body", "title", "date"
    };
    static const char *const ekey[CG_EDGE_N_STR_ATTRS] = {
        "verb", "part", "para", "locator"
    };
    cg_status st = CG_OK;
    wctx ctx = { f, 0 };
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
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(gx_write, gx_close,
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
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
        CHK(xmlTextWriterStartElement(w, X("key")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(KEYS[k].name)));
        CHK(xmlTextWriterWriteAttribute(w, X("for"), X(KEYS[k].for_)));
        CHK(xmlTextWriterWriteAttribute(w, X("attr.name"), X(KEYS[k].name)));
        CHK(xmlTextWriterWriteAttribute(w, X("attr.type"), X(KEYS[k].type)));
        CHK(xmlTextWriterEndElement(w));
    }
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

    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    for (size_t v = 0; v < n && !ctx.err; v++) {
        CHK(xmlTextWriterStartElement(w, X("node")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(names[v])));
        for (int k = 0; k < CG_NODE_N_STR_ATTRS; k++)
            CHK(data_str(w, &buf, nkey[k],
                         cg_graph_node_str(g, v, (cg_node_attr)k)));
        CHK(data_long(w, "year", cg_graph_node_year(g, v)));
        CHK(data_long(w, "cited", cg_graph_node_cited(g, v)));
        if (yed) {
            cg_buf_clear(&buf);
            if (cg_exp_clean(&buf, cg_graph_node_str(g, v, CG_NODE_LABEL),
                             CG_CLEAN_XML) < 0)
                goto fail;
            CHK(yed_node(w, cg_buf_str(&buf),
                         cg_graph_node_str(g, v, CG_NODE_KIND)));
        }
        CHK(xmlTextWriterEndElement(w));
    }
    for (size_t e = 0; e < m && !ctx.err; e++) {
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
        for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
            CHK(data_str(w, &buf, ekey[k],
                         cg_graph_edge_str(g, e, (cg_edge_attr)k)));
        CHK(data_long(w, "weight", cg_graph_edge_weight(g, e)));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterEndDocument(w)); /* closes every open element */
    CHK(xmlTextWriterFlush(w));
    if (ctx.err)
        goto fail;
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GraphML");
    goto done;
fail:
    if (ctx.err)
        st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                          strerror(ctx.err));
    else if (buf.oom)
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GraphML");
    else
        st = cg_error_set(err, CG_ERR_IO, "libxml2 could not write GraphML");
done:
    if (w)
        xmlFreeTextWriter(w);
    cg_buf_destroy(&buf);
    free(names);
    cg_arena_free(a);
    return st;
}

/* ------------------------------------------------------------------ */
/* Plain GraphML, fast                                                  */

/* The plain writer produces the bytes write_graphml(yed = 0) does, but
 * only the document's frame (declaration, <graphml>, the keys, <graph>
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

static void put_ulong(cg_buf *out, unsigned long v)
{
    char num[24];
    size_t i = sizeof num;
    do {
        num[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    cg_buf_append(out, num + i, sizeof num - i);
}

static void put_long(cg_buf *out, long v)
{
    if (v < 0) {
        cg_buf_putc(out, '-');
        put_ulong(out, 0UL - (unsigned long)v);
    } else {
        put_ulong(out, (unsigned long)v);
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

cg_status cg_write_graphml(const cg_graph *g, FILE *f, cg_error *err)
{
    static const char *const nkey[CG_NODE_N_STR_ATTRS] = {
        "id", "label", "kind", "body", "title", "date"
    };
    static const char *const ekey[CG_EDGE_N_STR_ATTRS] = {
        "verb", "part", "para", "locator"
    };
    cg_status st = CG_OK;
    wctx ctx = { f, 0 };
    xmlTextWriterPtr w = NULL;
    const char **names = NULL;
    cg_buf body, tmp;
    cg_buf_init(&body);
    cg_buf_init(&tmp);
    cg_arena *a = cg_arena_new();
    if (!a)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory");
    if ((st = cg_exp_node_names(g, CG_CLEAN_XML, a, &names, err)) != CG_OK)
        goto done;

    xmlInitParser();
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(gx_write, gx_close,
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
    CHK(xmlTextWriterStartElement(w, X("graphml")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns"),
                                    X("http://graphml.graphdrawing.org/xmlns")));
    CHK(xmlTextWriterWriteAttribute(w, X("xmlns:xsi"),
                                    X("http://www.w3.org/2001/XMLSchema-instance")));
    CHK(xmlTextWriterWriteAttribute(w, X("xsi:schemaLocation"),
        X("http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")));
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
        CHK(xmlTextWriterStartElement(w, X("key")));
        CHK(xmlTextWriterWriteAttribute(w, X("id"), X(KEYS[k].name)));
        CHK(xmlTextWriterWriteAttribute(w, X("for"), X(KEYS[k].for_)));
        CHK(xmlTextWriterWriteAttribute(w, X("attr.name"), X(KEYS[k].name)));
        CHK(xmlTextWriterWriteAttribute(w, X("attr.type"), X(KEYS[k].type)));
        CHK(xmlTextWriterEndElement(w));
    }
    CHK(xmlTextWriterStartElement(w, X("graph")));
    CHK(xmlTextWriterWriteAttribute(w, X("id"), X("citations")));
    CHK(xmlTextWriterWriteAttribute(w, X("edgedefault"), X("directed")));

    /* The first raw write makes the writer close the <graph ...> start
     * tag with ">"; the body then starts on a new line and ends with the
     * indentation of "</graph>", which the writer appends without
     * indenting after raw text.  No node: nothing raw, and the writer
     * writes <graph .../> as before. */
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    if (n)
        cg_buf_putc(&body, '\n');
    for (size_t v = 0; v < n && !ctx.err; v++) {
        cg_buf_puts(&body, "    <node id=\"");
        if (put_escaped(&body, &tmp, names[v], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\">\n");
        for (int k = 0; k < CG_NODE_N_STR_ATTRS; k++)
            if (put_data_str(&body, &tmp, nkey[k],
                             cg_graph_node_str(g, v, (cg_node_attr)k)) < 0)
                goto nomem;
        put_data_long(&body, "year", cg_graph_node_year(g, v));
        put_data_long(&body, "cited", cg_graph_node_cited(g, v));
        cg_buf_puts(&body, "    </node>\n");
        if (body.oom)
            goto nomem;
        CHK(raw_flush(w, &body, 0));
    }
    for (size_t e = 0; e < m && !ctx.err; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        if (from >= n || to >= n)
            goto fail;
        cg_buf_puts(&body, "    <edge id=\"e");
        put_ulong(&body, e);
        cg_buf_puts(&body, "\" source=\"");
        if (put_escaped(&body, &tmp, names[from], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\" target=\"");
        if (put_escaped(&body, &tmp, names[to], 1) < 0)
            goto nomem;
        cg_buf_puts(&body, "\">\n");
        for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
            if (put_data_str(&body, &tmp, ekey[k],
                             cg_graph_edge_str(g, e, (cg_edge_attr)k)) < 0)
                goto nomem;
        put_data_long(&body, "weight", cg_graph_edge_weight(g, e));
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
    CHK(xmlTextWriterEndDocument(w)); /* closes every open element */
    CHK(xmlTextWriterFlush(w));
    if (ctx.err)
        goto fail;
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GraphML");
    goto done;
fail:
    if (ctx.err)
        st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                          strerror(ctx.err));
    else if (body.oom || tmp.oom)
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GraphML");
    else
        st = cg_error_set(err, CG_ERR_IO, "libxml2 could not write GraphML");
done:
    if (w)
        xmlFreeTextWriter(w);
    cg_buf_destroy(&body);
    cg_buf_destroy(&tmp);
    free(names);
    cg_arena_free(a);
    return st;
}
