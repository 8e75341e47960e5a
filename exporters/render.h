/*
 * render.h - citation diagrams: the graph laid out and drawn as SVG, PNG,
 * PDF, or one self-contained interactive HTML page.
 *
 * Two halves, so that the graphviz (EPL-1.0) part stays separable:
 *   render.c      decides what the diagram shows (a cg_drawing: shapes and
 *                 colours by kind and body, edge styles by verb family,
 *                 the legend) and builds the HTML page; no graphviz.
 *   render_gvc.c  lays a cg_drawing out and renders it with graphviz's gvc
 *                 library; the only file of the renderer that uses it.
 * A build without graphviz replaces render_gvc.c with another
 * cg_gv_render (or a stub returning an error).
 */
#ifndef CG_RENDER_H
#define CG_RENDER_H

#include <stddef.h>

#include "citegraph.h"

typedef enum cg_render_format {
    CG_RENDER_UNKNOWN = 0,
    CG_RENDER_SVG,
    CG_RENDER_PNG,
    CG_RENDER_PDF,
    CG_RENDER_HTML   /* the SVG inside a page with pan, zoom, search and
                        recall-chain highlighting; no network needed */
} cg_render_format;

/* "svg", "png", "pdf", "html" (case-insensitive) -> format. */
cg_render_format cg_render_format_from_name(const char *name);
/* From the extension of path (.svg .png .pdf .html .htm). */
cg_render_format cg_render_format_from_path(const char *path);

/* Graphs with more nodes than this are laid out with sfdp (force
 * directed) instead of dot (layered by year): dot takes minutes and
 * draws an unreadable band beyond it. */
#define CG_RENDER_SFDP_ABOVE 1000

typedef enum cg_render_engine {
    CG_ENGINE_AUTO = 0,  /* dot, or sfdp above CG_RENDER_SFDP_ABOVE nodes */
    CG_ENGINE_DOT,
    CG_ENGINE_SFDP
} cg_render_engine;

typedef struct cg_render_opts {
    cg_render_format format;  /* required */
    cg_render_engine engine;
    int no_legend;            /* 1: leave the legend out */
} cg_render_opts;

/* What cg_render did, for the caller to report. */
typedef struct cg_render_info {
    const char *engine;       /* "dot" or "sfdp" (static string) */
    int auto_sfdp;            /* 1: sfdp chosen because of the size */
    size_t nodes, edges;
} cg_render_info;

/* Lays g out and writes the diagram to path ("-": stdout) through the
 * exporters' temporary-file-and-rename path: a failure leaves the old
 * file untouched.  info (may be NULL) is filled even on failure as far as
 * known.  g is borrowed. */
cg_status cg_render(const cg_graph *g, const cg_render_opts *o,
                    const char *path, cg_render_info *info, cg_error *err);

/* ------------------------------------------------------------------ */
/* Between render.c and render_gvc.c                                   */

/* Edge families by verb: how strongly the citing text leans on what it
 * cites. */
typedef enum cg_verb_family {
    CG_FAM_RECALL = 0,   /* recalling, reaffirming, bearing in mind, ...:
                            solid; also mixed and unknown verbs */
    CG_FAM_NOTE,         /* taking note, noting, welcoming: dashed */
    CG_FAM_OPERATIVE,    /* urges, requests, decides, ...: bold */
    CG_FAM_N
} cg_verb_family;

/* One node as drawn.  Strings are borrowed from the cg_drawing's owner
 * and already safe for graphviz (backslashes of escString attributes
 * doubled, invalid UTF-8 replaced). */
typedef struct cg_draw_node {
    const char *name;      /* unique; the SVG <title> of the node */
    const char *label;
    const char *tooltip;
    const char *shape;
    const char *style;     /* "filled", "rounded,filled", ... */
    const char *fill;      /* "#rrggbb" */
    const char *cls;       /* SVG class, added to "node" */
    double penwidth;
    int year;              /* 0: unknown */
} cg_draw_node;

typedef struct cg_draw_edge {
    size_t from, to;       /* citing node, cited node (indexes) */
    cg_verb_family fam;
    const char *id;        /* SVG id of the edge: "e<k>" */
    const char *tooltip;
} cg_draw_edge;

/* One legend sample: a node drawn like the nodes of a kind or body, or
 * (edge_fam >= 0) a short edge in a family's style. */
typedef struct cg_draw_legend {
    const char *label;
    const char *shape, *style, *fill;
    int edge_fam;          /* -1 for a node sample */
    int row;               /* samples of a row sit side by side, rows in
                              increasing order from the top */
} cg_draw_legend;

typedef struct cg_drawing {
    const cg_draw_node *nodes;
    size_t n_nodes;
    const cg_draw_edge *edges;
    size_t n_edges;
    const cg_draw_legend *legend;   /* NULL or n_legend samples */
    size_t n_legend;
    const char *engine;             /* "dot" or "sfdp" */
} cg_drawing;

/* Lays d out with d->engine and renders it as fmt ("svg", "png", "pdf").
 * With dot, older documents sit above newer ones: one rank per year
 * along a year axis on the left, edges drawn from the citing document
 * up to the cited one.  On success *data (malloc'd, the caller frees) holds
 * *len bytes.  (render_gvc.c) */
cg_status cg_gv_render(const cg_drawing *d, const char *fmt, char **data,
                       size_t *len, cg_error *err);

#endif
