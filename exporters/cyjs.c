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
#include <stdio.h>
#include <stdlib.h>

#include "exporters.h"

cg_status cg_write_cyjs(const cg_graph *g, FILE *f, cg_error *err)
{
    static const char what[] = "Cytoscape.js JSON";
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out;
    cg_buf_init(&out);
    cg_arena *a = NULL;
    st = cg_exp_names(g, CG_CLEAN_XML, &a, &names,
                      "out of memory writing Cytoscape.js JSON", err);
    if (st != CG_OK)
        goto done;

    cg_buf_puts(&out, "{\"data\": {\"name\": \"citations\"},\n"
                      "\"elements\": {\"nodes\": [");
    for (size_t v = 0; v < n && st == CG_OK; v++) {
        cg_buf_puts(&out, v ? ",\n{\"data\": {\"id\": "
                            : "\n{\"data\": {\"id\": ");
        cg_exp_json_str(&out, names[v]);
        cg_buf_puts(&out, ", \"name\": ");
        cg_exp_json_str(&out, cg_graph_node_str(g, v, CG_NODE_LABEL));
        cg_exp_json_attrs(&out, g, v, cg_exp_node_attrs + CG_NODE_LABEL);
        cg_buf_puts(&out, "}}");
        st = cg_exp_flush(&out, f, what, err);
    }
    cg_buf_puts(&out, "],\n\"edges\": [");
    for (size_t e = 0; e < m && st == CG_OK; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        cg_buf_printf(&out, "%s{\"data\": {\"id\": \"e%zu\", \"source\": ",
                      e ? ",\n" : "\n", e);
        cg_exp_json_str(&out, names[from]);
        cg_buf_puts(&out, ", \"target\": ");
        cg_exp_json_str(&out, names[to]);
        cg_exp_json_attrs(&out, g, e, cg_exp_edge_attrs);
        cg_buf_puts(&out, "}}");
        st = cg_exp_flush(&out, f, what, err);
    }
    cg_buf_puts(&out, "]}}\n");
    if (st == CG_OK)
        st = cg_exp_flush(&out, f, what, err);
done:
    cg_buf_destroy(&out);
    free(names);
    cg_arena_free(a);
    return st;
}
