/*
 * rebuild.h - making a cg_graph from a plain list of nodes and edges
 * (graphs/rebuild.c).  Internal to libcitegraph: the GraphML reader and
 * the transitive reduction use it so that every graph, however it was
 * obtained, is made by the one builder (cg_builder_*) and therefore has
 * the same vertex order, edge order and attribute storage.
 */
#ifndef CG_REBUILD_H
#define CG_REBUILD_H

#include <stddef.h>
#include "citegraph.h"

/* One node.  Strings are borrowed (never NULL; "" when unknown). */
typedef struct cg_rb_node {
    const char *id, *kind, *body, *title, *date;
    int year;     /* 0 if unknown */
    int cited;    /* 1: only cited (its own text was not read) */
} cg_rb_node;

/* One edge between node indexes; weight >= 1; strings borrowed. */
typedef struct cg_rb_edge {
    size_t from, to;
    long weight;
    const char *str[CG_EDGE_N_STR_ATTRS];
} cg_rb_edge;

/* The largest edge weight cg_rb_make reproduces; larger ones are cut to
 * it (each unit of weight costs the builder one mention). */
#define CG_RB_MAX_WEIGHT 1000000L

/* Makes *out (the caller's, cg_graph_free) holding nodes[0..nn) and
 * edges[0..ne).  Nodes with the same id are one node (the first
 * non-empty value of each attribute, in the builder's order, wins);
 * parallel edges are merged (weights added); self-loops are dropped and
 * counted as self-citations.  A node flagged cited that has out-edges
 * becomes a read node (a citing document was read by definition), and a
 * cited node's date is lost (the builder dates only read documents).
 * where names the origin in error messages. */
cg_status cg_rb_make(const cg_rb_node *nodes, size_t nn,
                     const cg_rb_edge *edges, size_t ne, const char *where,
                     cg_graph **out, cg_error *err);

/* The nodes and edges of g (edges where keep_edge[e] is non-zero, or all
 * when keep_edge is NULL) as arrays the caller frees with free(); the
 * strings are borrowed from g. */
cg_status cg_rb_from_graph(const cg_graph *g, const unsigned char *keep_edge,
                           cg_rb_node **nodes, cg_rb_edge **edges,
                           size_t *ne, cg_error *err);

#endif
