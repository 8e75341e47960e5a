/*
 * json.c - node-link JSON writer, as d3-force and networkx's
 * node_link_graph read it, and cg_exp_json_str and cg_exp_json_attrs,
 * shared with cyjs.c:
 *
 *   {"directed": true, "multigraph": false, "graph": {"name": "citations"},
 *    "nodes": [{"id": ID, "label": .., "kind": .., "body": .., "title": ..,
 *               "date": .., "year": N, "cited": N}, ...],
 *    "links": [{"source": ID, "target": ID, "verb": .., "part": ..,
 *               "para": .., "locator": .., "weight": N}, ...]}
 *
 * One node or link per line, in vertex and edge order.  Every key is
 * always present (strings "" when unknown, year 0 when unknown) so that
 * JavaScript code can rely on the shape.  Ids are the names of
 * cg_exp_node_names (CG_CLEAN_XML), unique, since links refer to them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "exporters.h"

int cg_exp_json_str(cg_buf *out, const char *s)
{
    cg_buf clean;
    cg_buf_init(&clean);
    int rc = cg_exp_clean(&clean, s, CG_CLEAN_XML);
    if (rc < 0) {
        cg_buf_destroy(&clean);
        out->oom = 1;
        return -1;
    }
    const unsigned char *p = (const unsigned char *)cg_buf_str(&clean);
    size_t run = 0, i = 0;
    cg_buf_putc(out, '"');
    for (; p[i]; i++) {
        const char *rep = NULL;
        char hex[8];
        size_t skip = 1;
        unsigned char c = p[i];
        if (c == '"')
            rep = "\\\"";
        else if (c == '\\')
            rep = "\\\\";
        else if (c == '\n')
            rep = "\\n";
        else if (c == '\r')
            rep = "\\r";
        else if (c == '\t')
            rep = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            rep = hex;
        } else if (c == '/' && i > 0 && p[i - 1] == '<') {
            rep = "\\/"; /* no "</script>" when embedded in HTML */
        } else if (c == 0xE2 && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
            /* U+2028/U+2029 end a line in JavaScript before ES2019 */
            rep = p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            skip = 3;
        }
        if (!rep)
            continue;
        cg_buf_append(out, (const char *)p + run, i - run);
        cg_buf_puts(out, rep);
        i += skip - 1;
        run = i + 1;
    }
    cg_buf_append(out, (const char *)p + run, i - run);
    cg_buf_putc(out, '"');
    cg_buf_destroy(&clean);
    return out->oom ? -1 : 0;
}

void cg_exp_json_attrs(cg_buf *out, const cg_graph *g, size_t i,
                       const cg_exp_attr *at)
{
    for (; at->name; at++) {
        long num;
        const char *s = cg_exp_value(g, at, i, &num);
        cg_buf_printf(out, ", \"%s\": ", at->name);
        if (s)
            cg_exp_json_str(out, s);
        else
            cg_buf_printf(out, "%ld", num);
    }
}

cg_status cg_write_json(const cg_graph *g, FILE *f, cg_error *err)
{
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out;
    cg_buf_init(&out);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names,
                           "out of memory writing JSON", err)) != CG_OK)
        goto done;

    /* One node or link at a time through a buffer: bounded memory, and
     * one fwrite per record. */
    cg_buf_puts(&out, "{\"directed\": true, \"multigraph\": false, "
                      "\"graph\": {\"name\": \"citations\"},\n\"nodes\": [");
    for (size_t v = 0; v < n && st == CG_OK; v++) {
        cg_buf_puts(&out, v ? ",\n{\"id\": " : "\n{\"id\": ");
        cg_exp_json_str(&out, names[v]);
        /* The id is the node's name: the attributes start at its label. */
        cg_exp_json_attrs(&out, g, v, cg_exp_node_attrs + CG_NODE_LABEL);
        cg_buf_putc(&out, '}');
        st = cg_exp_flush(&out, f, "JSON", err);
    }
    cg_buf_puts(&out, "],\n\"links\": [");
    for (size_t e = 0; e < m && st == CG_OK; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        cg_buf_puts(&out, e ? ",\n{\"source\": " : "\n{\"source\": ");
        cg_exp_json_str(&out, names[from]);
        cg_buf_puts(&out, ", \"target\": ");
        cg_exp_json_str(&out, names[to]);
        cg_exp_json_attrs(&out, g, e, cg_exp_edge_attrs);
        cg_buf_putc(&out, '}');
        st = cg_exp_flush(&out, f, "JSON", err);
    }
    cg_buf_puts(&out, "]}\n");
    if (st == CG_OK)
        st = cg_exp_flush(&out, f, "JSON", err);
done:
    cg_buf_destroy(&out);
    free(names);
    cg_arena_free(a);
    return st;
}
