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

/* Appends s as a JSON string literal (with its quotes) to out: s is first
 * cleaned with CG_CLEAN_XML so that every format carries the same text,
 * then '"', '\\', control characters, U+2028/U+2029 and the '/' of "</"
 * are escaped.  Returns 0, or -1 on OOM.  (json.c) */
int cg_exp_json_str(cg_buf *out, const char *s);

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

/* Writes what fn writes to path exactly as cg_export writes a graph
 * (temporary file renamed into place on success, "-" for stdout, devices
 * in place, honouring cg_export_set_cancel).  fn writes to a FILE* it
 * does not own; ctx is borrowed and passed through.  (export.c) */
typedef cg_status (*cg_exp_stream_fn)(void *ctx, FILE *f, cg_error *err);
cg_status cg_exp_write_stream(cg_exp_stream_fn fn, void *ctx,
                              const char *path, cg_error *err);

#endif
