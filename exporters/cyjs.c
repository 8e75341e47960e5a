/*
 * cyjs.c - Cytoscape.js JSON writer (also what Cytoscape desktop imports
 * as .cyjs):
 *
 *   {"data": {"name": "citations"}, "elements": {
 *    "nodes": [{"data": {"id": ID, "name": LABEL, "label": .., "kind": ..,
 *               "body": .., "title": .., "date": .., "year": N,
 *               "cited": N}}, ...],
 *    "edges": [{"data": {"id": "e0", "source": ID, "target": ID,
 *               "verb": .., "part": .., "para": .., "locator": ..,
 *               "weight": N}}, ...]}}
 *
 * "name" duplicates the label because Cytoscape desktop shows the name
 * column.  Same strings and ids as the node-link JSON (json.c): every key
 * present, text through cg_exp_json_str, ids from cg_exp_node_names.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporters.h"

static void kv_str(cg_buf *out, const char *key, const char *value)
{
    cg_buf_printf(out, ", \"%s\": ", key);
    cg_exp_json_str(out, value);
}

cg_status cg_write_cyjs(const cg_graph *g, FILE *f, cg_error *err)
{
    static const char *const nkey[] = { "name", "label", "kind", "body",
                                        "title", "date" };
    static const cg_node_attr nattr[] = {
        CG_NODE_LABEL, CG_NODE_LABEL, CG_NODE_KIND, CG_NODE_BODY,
        CG_NODE_TITLE, CG_NODE_DATE
    };
    static const char *const ekey[CG_EDGE_N_STR_ATTRS] = {
        "verb", "part", "para", "locator"
    };
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out;
    cg_buf_init(&out);
    cg_arena *a = cg_arena_new();
    if (!a)
        goto nomem;
    if ((st = cg_exp_node_names(g, CG_CLEAN_XML, a, &names, err)) != CG_OK)
        goto done;

    errno = 0;
    cg_buf_puts(&out, "{\"data\": {\"name\": \"citations\"},\n"
                      "\"elements\": {\"nodes\": [");
    for (size_t v = 0; v <= n; v++) {
        if (out.oom)
            goto nomem;
        if (out.len && fwrite(out.data, 1, out.len, f) != out.len)
            goto ioerr;
        cg_buf_clear(&out);
        if (v == n)
            break;
        cg_buf_puts(&out, v ? ",\n{\"data\": {\"id\": "
                            : "\n{\"data\": {\"id\": ");
        cg_exp_json_str(&out, names[v]);
        for (size_t k = 0; k < 6; k++)
            kv_str(&out, nkey[k], cg_graph_node_str(g, v, nattr[k]));
        cg_buf_printf(&out, ", \"year\": %d, \"cited\": %d}}",
                      cg_graph_node_year(g, v), cg_graph_node_cited(g, v));
    }
    cg_buf_puts(&out, "],\n\"edges\": [");
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
        cg_buf_printf(&out, "%s{\"data\": {\"id\": \"e%zu\", \"source\": ",
                      e ? ",\n" : "\n", e);
        cg_exp_json_str(&out, names[from]);
        cg_buf_puts(&out, ", \"target\": ");
        cg_exp_json_str(&out, names[to]);
        for (int k = 0; k < CG_EDGE_N_STR_ATTRS; k++)
            kv_str(&out, ekey[k], cg_graph_edge_str(g, e, (cg_edge_attr)k));
        cg_buf_printf(&out, ", \"weight\": %ld}}",
                      cg_graph_edge_weight(g, e));
    }
    if (fputs("]}}\n", f) == EOF || ferror(f))
        goto ioerr;
    goto done;
nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing Cytoscape.js JSON");
    goto done;
ioerr:
    st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                      strerror(errno ? errno : EIO));
done:
    cg_buf_destroy(&out);
    free(names);
    cg_arena_free(a);
    return st;
}
