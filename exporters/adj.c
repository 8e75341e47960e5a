/*
 * adj.c - adjacency-list writer.
 *
 * One line per node, in vertex order (= sorted by id): the node's id, then
 * the ids it cites in sorted order, separated by TAB; LF line ends.  A node
 * that cites nothing still gets a line with its id alone.
 *
 * Ids are written as bytes, except that TAB, LF and CR inside an id become
 * a space (CG_CLEAN_ADJ) so that the line structure holds; should that
 * make two ids equal, the later one gets "~<vertex index>" appended
 * (cg_exp_node_names).  Canonical ids never contain such characters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporters.h"

cg_status cg_write_adj(const cg_graph *g, FILE *f, cg_error *err)
{
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st;
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_ADJ, &a, &names,
                           "out of memory writing adj", err)) != CG_OK)
        goto done;

    /* Edges come grouped by source and sorted by (source id, target id),
     * and vertices are sorted by id: one pass over both suffices. */
    size_t e = 0;
    errno = 0;
    for (size_t v = 0; v < n; v++) {
        if (fputs(names[v], f) == EOF)
            goto ioerr;
        for (; e < m; e++) {
            size_t from, to;
            cg_graph_edge_ends(g, e, &from, &to);
            if (from != v)
                break;
            if (to >= n || putc('\t', f) == EOF || fputs(names[to], f) == EOF)
                goto ioerr;
        }
        if (putc('\n', f) == EOF)
            goto ioerr;
    }
    if (e != m) {
        st = cg_error_set(err, CG_ERR_GRAPH, "edges are not sorted by source");
        goto done;
    }
    if (ferror(f))
        goto ioerr;
    st = CG_OK;
    goto done;
ioerr:
    st = cg_error_set(err, CG_ERR_IO, "write error: %s",
                      strerror(errno ? errno : EIO));
done:
    free(names);
    cg_arena_free(a);
    return st;
}
