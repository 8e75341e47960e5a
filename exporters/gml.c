/*
 * gml.c - GML writer (Cytoscape, igraph, networkx), written by hand:
 * igraph's own GML writer renames ids and attributes it considers invalid.
 *
 * Layout: graph [ directed 1 ... ] with one node [ ] per vertex (id = the
 * vertex index, label = the canonical id, then kind, body, title, date,
 * year, cited) and one edge [ ] per edge (source, target, verb, part, para,
 * locator, weight).  Empty strings are omitted; year (0 = unknown), cited
 * and weight are always written, as integers.
 *
 * Strings: GML has no backslash escapes and a string ends at the first
 * '"', so text is escaped with character entities the way networkx's
 * write_gml does, and the file is pure ASCII (networkx's read_gml rejects
 * anything else):
 *   - the text is first cleaned like XML (CG_CLEAN_XML: invalid UTF-8 and
 *     control characters other than TAB/LF/CR become U+FFFD), so every
 *     format carries the same text;
 *   - '"' becomes &quot; and '&' becomes &amp; (the named entities that
 *     both networkx and igraph 0.10 decode);
 *   - every other character outside printable ASCII (TAB, LF, CR, DEL and
 *     all non-ASCII) becomes a decimal reference &#N;, which networkx
 *     decodes (igraph 0.10 keeps it verbatim: non-ASCII text reaches igraph
 *     as "&#233;").
 * Labels are the names of cg_exp_node_names (CG_CLEAN_XML), unique, since
 * networkx's read_gml keys nodes by label.
 */
#include <stdio.h>
#include <stdlib.h>

#include "exporters.h"

/* Appends s (valid UTF-8, already cleaned) as a GML string with quotes. */
static void gml_quote(cg_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    cg_buf_putc(out, '"');
    while (*p) {
        unsigned c = *p;
        size_t len = 1;
        if (c >= 0x80) { /* decode one UTF-8 sequence: known valid */
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            c &= len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F;
            for (size_t k = 1; k < len && p[k]; k++)
                c = (c << 6) | (p[k] & 0x3F);
        }
        if (c == '"')
            cg_buf_puts(out, "&quot;");
        else if (c == '&')
            cg_buf_puts(out, "&amp;");
        else if (c < 0x20 || c >= 0x7F)
            cg_buf_printf(out, "&#%u;", c);
        else
            cg_buf_putc(out, (char)c);
        for (size_t k = 0; k < len && *p; k++)
            p++;
    }
    cg_buf_putc(out, '"');
}

/* "    name "value"\n" for every attribute from at to the end of its
 * table, of node or edge i, strings omitted when empty, integers as
 * "    name N\n"; tmp is scratch. */
static void gml_attrs(cg_buf *out, cg_buf *tmp, const cg_graph *g, size_t i,
                      const cg_exp_attr *at)
{
    for (; at->name; at++) {
        long num;
        const char *s = cg_exp_value(g, at, i, &num);
        if (!s) {
            cg_buf_printf(out, "    %s %ld\n", at->name, num);
            continue;
        }
        if (!*s)
            continue;
        cg_buf_clear(tmp);
        if (cg_exp_clean(tmp, s, CG_CLEAN_XML) < 0) {
            out->oom = 1;
            return;
        }
        cg_buf_printf(out, "    %s ", at->name);
        gml_quote(out, cg_buf_str(tmp));
        cg_buf_putc(out, '\n');
    }
}

cg_status cg_write_gml(const cg_graph *g, FILE *f, cg_error *err)
{
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out, tmp;
    cg_buf_init(&out);
    cg_buf_init(&tmp);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names,
                           "out of memory writing GML", err)) != CG_OK)
        goto done;

    /* One node or edge at a time through a buffer: bounded memory, and
     * one fwrite per record. */
    cg_buf_puts(&out, "Creator \"citegraph " CG_VERSION "\"\n"
                      "graph [\n  directed 1\n");
    for (size_t v = 0; v < n && st == CG_OK; v++) {
        cg_buf_printf(&out, "  node [\n    id %zu\n    label ", v);
        gml_quote(&out, names[v]);
        cg_buf_putc(&out, '\n');
        /* The label is the node's name: the attributes start at its kind. */
        gml_attrs(&out, &tmp, g, v, cg_exp_node_attrs + CG_NODE_KIND);
        cg_buf_puts(&out, "  ]\n");
        st = cg_exp_flush(&out, f, "GML", err);
    }
    for (size_t e = 0; e < m && st == CG_OK; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        cg_buf_printf(&out, "  edge [\n    source %zu\n    target %zu\n",
                      from, to);
        gml_attrs(&out, &tmp, g, e, cg_exp_edge_attrs);
        cg_buf_puts(&out, "  ]\n");
        st = cg_exp_flush(&out, f, "GML", err);
    }
    cg_buf_puts(&out, "]\n");
    if (st == CG_OK)
        st = cg_exp_flush(&out, f, "GML", err);
done:
    cg_buf_destroy(&out);
    cg_buf_destroy(&tmp);
    free(names);
    cg_arena_free(a);
    return st;
}
