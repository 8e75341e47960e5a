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
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* "    key "value"\n" for a non-empty value; tmp is scratch. */
static void gml_str(cg_buf *out, cg_buf *tmp, const char *key,
                    const char *value)
{
    if (!value || !*value)
        return;
    cg_buf_clear(tmp);
    if (cg_exp_clean(tmp, value, CG_CLEAN_XML) < 0) {
        out->oom = 1;
        return;
    }
    cg_buf_printf(out, "    %s ", key);
    gml_quote(out, cg_buf_str(tmp));
    cg_buf_putc(out, '\n');
}

cg_status cg_write_gml(const cg_graph *g, FILE *f, cg_error *err)
{
    static const char *const nkey[] = { "kind", "body", "title", "date" };
    static const cg_node_attr nattr[] = {
        CG_NODE_KIND, CG_NODE_BODY, CG_NODE_TITLE, CG_NODE_DATE
    };
    static const char *const ekey[CG_EDGE_N_STR_ATTRS] = {
        "verb", "part", "para", "locator"
    };
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out, tmp;
    cg_buf_init(&out);
    cg_buf_init(&tmp);
    cg_arena *a = cg_arena_new();
    if (!a)
        goto nomem;
    if ((st = cg_exp_node_names(g, CG_CLEAN_XML, a, &names, err)) != CG_OK)
        goto done;

    /* One node or edge at a time through a buffer: bounded memory, and
     * one fwrite per record. */
    errno = 0;
    cg_buf_puts(&out, "Creator \"citegraph " CG_VERSION "\"\n"
                      "graph [\n  directed 1\n");
    for (size_t v = 0; v <= n; v++) {
        if (out.oom)
            goto nomem;
        if (out.len && fwrite(out.data, 1, out.len, f) != out.len)
            goto ioerr;
        cg_buf_clear(&out);
        if (v == n)
            break;
        cg_buf_printf(&out, "  node [\n    id %zu\n    label ", v);
        gml_quote(&out, names[v]);
        cg_buf_putc(&out, '\n');
        for (size_t k = 0; k < 4; k++)
            gml_str(&out, &tmp, nkey[k], cg_graph_node_str(g, v, nattr[k]));
        cg_buf_printf(&out, "    year %d\n    cited %d\n  ]\n",
                      cg_graph_node_year(g, v), cg_graph_node_cited(g, v));
    }
    for (size_t e = 0; e <= m; e++) {
        if (out.oom)
            goto nomem;
        if (out.len && fwrite(out.data, 1, out.len, f) != out.len)
            goto ioerr;
        cg_buf_clear(&out);
        if (e == m)
            break;
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        cg_buf_printf(&out, "  edge [\n    source %zu\n    target %zu\n",
                      from, to);
        for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
            gml_str(&out, &tmp, ekey[k],
                    cg_graph_edge_str(g, e, (cg_edge_attr)k));
        cg_buf_printf(&out, "    weight %ld\n  ]\n",
                      cg_graph_edge_weight(g, e));
    }
    if (fputs("]\n", f) == EOF || ferror(f))
        goto ioerr;
    goto done;
nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing GML");
    goto done;
ioerr:
    st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                      strerror(errno ? errno : EIO));
done:
    cg_buf_destroy(&out);
    cg_buf_destroy(&tmp);
    free(names);
    cg_arena_free(a);
    return st;
}
