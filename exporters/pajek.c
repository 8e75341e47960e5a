/*
 * pajek.c - Pajek .net writer.
 *
 * Layout: "*Vertices N" and one line per vertex, `k "label"` with k the
 * 1-based vertex number and label the canonical id; then "*Arcs" and one
 * line per edge, `from to weight`.  Other attributes have no place in
 * .net and are left out; LF line ends.
 *
 * Labels: Pajek strings have no escapes (igraph's reader takes the text
 * between two '"' as it is, and a '"' inside ends the string), so the
 * label is cleaned like XML (CG_CLEAN_XML), then '"' becomes '\'' and TAB,
 * LF and CR become a space.  Backslashes and UTF-8 pass through.  Vertex
 * numbers, not labels, identify vertices, so two labels that become equal
 * are harmless; they are made unique anyway (cg_exp_node_names) so that
 * readers that key by label (networkx) keep every vertex.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporters.h"

cg_status cg_write_pajek(const cg_graph *g, FILE *f, cg_error *err)
{
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_map seen;
    int have_seen = 0;
    cg_buf out;
    cg_buf_init(&out);
    /* Names are unique after XML cleaning; rewriting quotes and line
     * breaks could merge two again, so names that need it are rewritten
     * after every untouched name is known, and get "~v" on a collision
     * (as cg_exp_node_names does). */
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names,
                           "out of memory writing Pajek", err)) != CG_OK)
        goto done;
    if (cg_map_init(&seen, n) != 0)
        goto nomem;
    have_seen = 1;
    for (size_t v = 0; v < n; v++)
        if (!strpbrk(names[v], "\"\t\n\r") &&
            cg_map_put(&seen, names[v], (void *)1) != 0)
            goto nomem;
    for (size_t v = 0; v < n && !out.oom; v++) {
        if (!strpbrk(names[v], "\"\t\n\r"))
            continue;
        cg_buf_clear(&out);
        for (const char *p = names[v]; *p; p++)
            cg_buf_putc(&out, *p == '"' ? '\'' :
                        (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
        size_t base = out.len;
        for (unsigned k = 0; !out.oom && cg_map_get(&seen, cg_buf_str(&out));
             k++) {
            out.len = base;
            if (k == 0)
                cg_buf_printf(&out, "~%zu", v);
            else
                cg_buf_printf(&out, "~%zu.%u", v, k);
        }
        const char *s = out.oom ? NULL : cg_arena_strdup(a, cg_buf_str(&out));
        if (!s || cg_map_put(&seen, s, (void *)1) != 0)
            goto nomem;
        names[v] = s;
    }
    if (out.oom)
        goto nomem;

    errno = 0;
    if (fprintf(f, "*Vertices %zu\n", n) < 0)
        goto ioerr;
    for (size_t v = 0; v < n; v++)
        if (fprintf(f, "%zu \"%s\"\n", v + 1, names[v]) < 0)
            goto ioerr;
    if (fputs("*Arcs\n", f) == EOF)
        goto ioerr;
    for (size_t e = 0; e < m; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        if (fprintf(f, "%zu %zu %ld\n", from + 1, to + 1,
                    cg_graph_edge_weight(g, e)) < 0)
            goto ioerr;
    }
    if (ferror(f))
        goto ioerr;
    goto done;
nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing Pajek");
    goto done;
ioerr:
    st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                      strerror(errno ? errno : EIO));
done:
    if (have_seen)
        cg_map_destroy(&seen);
    cg_buf_destroy(&out);
    free(names);
    cg_arena_free(a);
    return st;
}
