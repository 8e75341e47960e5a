/*
 * exporters.h - internal interface between cg_export (export.c) and the
 * per-format writers.  Not part of the public header.
 *
 * A writer writes the whole graph to an open FILE* it does not own (it
 * never closes it) and returns CG_OK or an error with err filled.  It may
 * leave buffered data in the stream: cg_export flushes and closes.
 */
#ifndef CG_EXPORTERS_H
#define CG_EXPORTERS_H

#include <stdio.h>

#include "cg_util.h"

cg_status cg_write_graphml(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_dot(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_adj(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_graphml_yed(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_gexf(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_gml(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_pajek(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_json(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_cyjs(const cg_graph *g, FILE *f, cg_error *err);
/* CSV: cg_export writes the two files of a directory with these; the
 * combined cg_write_csv (nodes, an empty line, edges) serves streams. */
cg_status cg_write_csv(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_csv_nodes(const cg_graph *g, FILE *f, cg_error *err);
cg_status cg_write_csv_edges(const cg_graph *g, FILE *f, cg_error *err);

/* ------------------------------------------------------------------ */
/* The attributes the writers carry                                    */

/* One attribute of a node or an edge: its name (the same in every
 * format) and where its value comes from. */
typedef struct cg_exp_attr {
    const char *name;   /* NULL ends a table */
    int edge;           /* 1: of an edge, 0: of a node */
    int str;            /* a string: its cg_node_attr or cg_edge_attr */
    long (*num)(const cg_graph *g, size_t i); /* an integer: its value;
                                               * NULL for a string */
} cg_exp_attr;

/* The attributes of nodes (id, label, kind, body, title, date, year,
 * cited) and of edges (verb, part, para, locator, weight), in the order
 * every format lists them, each table ended by a NULL name.  The strings
 * come first, each at the index of its cg_node_attr or cg_edge_attr, so
 * that a writer which places the first ones itself (an XML id, GEXF's
 * label) starts at cg_exp_node_attrs + CG_NODE_KIND, say.  (export.c) */
extern const cg_exp_attr cg_exp_node_attrs[];
extern const cg_exp_attr cg_exp_edge_attrs[];

/* The value of attribute at of node or edge i of g: the string (owned by
 * g, "" when unknown; *num is then 0), or NULL for an integer attribute,
 * whose value is then in *num. */
static inline const char *cg_exp_value(const cg_graph *g,
                                       const cg_exp_attr *at, size_t i,
                                       long *num)
{
    if (at->num) {
        *num = at->num(g, i);
        return NULL;
    }
    *num = 0; /* set either way: the callers then need no initial value */
    return at->edge ? cg_graph_edge_str(g, i, (cg_edge_attr)at->str)
                    : cg_graph_node_str(g, i, (cg_node_attr)at->str);
}

/* ------------------------------------------------------------------ */
/* Helpers of the writers                                              */

/* Writes out to f when it holds something, then clears it: the writers
 * that format by hand build one record at a time in a cg_buf.  Returns
 * CG_OK; CG_ERR_NOMEM ("out of memory writing WHAT") when out ran out of
 * memory; CG_ERR_IO on a write error.  (export.c) */
cg_status cg_exp_flush(cg_buf *out, FILE *f, const char *what,
                       cg_error *err);

/* The error of a writer whose library (lib: "libxml2", "cgraph") failed
 * while writing format what: the write error werr (an errno value) when
 * there was one, else out of memory when oom, else "LIB could not write
 * WHAT".  Returns the status it set in err.  (export.c) */
cg_status cg_exp_fail(int werr, int oom, const char *lib, const char *what,
                      cg_error *err);

/* An xmlTextWriter over a FILE* (GraphML, GEXF): its output callback
 * fwrites to f and records the first error in err instead of reporting
 * it, so that libxml2 never prints an I/O error.  (graphml.c) */
struct _xmlTextWriter;
typedef struct cg_exp_xml {
    struct _xmlTextWriter *w; /* owned; NULL until cg_exp_xml_open */
    FILE *f;                  /* borrowed, never closed */
    int err;                  /* first errno from fwrite, 0 if none */
} cg_exp_xml;

/* Makes x->w over f (borrowed), indenting by two spaces, and writes the
 * XML declaration.  CG_OK, or an error about writing what (x is then
 * still to be released with cg_exp_xml_destroy). */
cg_status cg_exp_xml_open(cg_exp_xml *x, FILE *f, const char *what,
                          cg_error *err);
/* Closes every open element and flushes to f: 0, or -1 when libxml2 or
 * the FILE* failed (see x->err). */
int cg_exp_xml_end(cg_exp_xml *x);
/* Frees the writer; NULL-safe. */
void cg_exp_xml_destroy(cg_exp_xml *x);

/* Appends s as a JSON string literal (with its quotes) to out: s is first
 * cleaned with CG_CLEAN_XML so that every format carries the same text,
 * then '"', '\\', control characters, U+2028/U+2029 and the '/' of "</"
 * are escaped.  Returns 0, or -1 on OOM.  (json.c) */
int cg_exp_json_str(cg_buf *out, const char *s);

/* Appends ", \"name\": value" for every attribute from at to the end of
 * its table, of node or edge i of g: strings with cg_exp_json_str,
 * integers as numbers.  OOM is left in out->oom.  (json.c) */
void cg_exp_json_attrs(cg_buf *out, const cg_graph *g, size_t i,
                       const cg_exp_attr *at);

/* How cg_exp_clean rewrites a string for a format. */
typedef enum cg_clean_mode {
    /* XML 1.0: invalid UTF-8 bytes, C0 controls other than TAB/LF/CR and
     * U+FFFE/U+FFFF become U+FFFD. */
    CG_CLEAN_XML,
    /* DOT: as XML, and TAB/LF/CR become a space (cgraph writes line breaks
     * raw); every backslash is doubled, since cgraph does not escape it and
     * a trailing backslash would escape the closing quote. */
    CG_CLEAN_DOT,
    /* adj: TAB, LF and CR become a space, nothing else changes. */
    CG_CLEAN_ADJ
} cg_clean_mode;

/* Appends s, cleaned for mode, to out (not cleared first).  Returns 1 when
 * the cleaned text differs from s, 0 when it is identical, -1 on OOM. */
int cg_exp_clean(cg_buf *out, const char *s, cg_clean_mode mode);

/* Node names for a format: names[v] is node v's id cleaned for mode, made
 * unique (a cleaned id that collides with another node's name gets "~v"
 * appended, v the vertex index, until unique).  *names is a malloc'd array
 * of n pointers into the graph or into arena a; free() the array.  Returns
 * CG_OK or CG_ERR_NOMEM. */
cg_status cg_exp_node_names(const cg_graph *g, cg_clean_mode mode,
                            cg_arena *a, const char ***names, cg_error *err);

/* cg_exp_node_names into an arena of its own: *a (cg_arena_free) and
 * *names (free) are the caller's, also on failure, when they may be NULL.
 * oom is the message when the arena cannot be made. */
cg_status cg_exp_names(const cg_graph *g, cg_clean_mode mode, cg_arena **a,
                       const char ***names, const char *oom, cg_error *err);

/* Writes what fn writes to path exactly as cg_export writes a graph
 * (temporary file renamed into place on success, "-" for stdout, devices
 * in place, honouring cg_export_set_cancel).  fn writes to a FILE* it
 * does not own; ctx is borrowed and passed through.  (export.c) */
typedef cg_status (*cg_exp_stream_fn)(void *ctx, FILE *f, cg_error *err);
cg_status cg_exp_write_stream(cg_exp_stream_fn fn, void *ctx,
                              const char *path, cg_error *err);

#endif
