/*
 * citegraph.h - public interface of libcitegraph.
 *
 * libcitegraph reads United Nations documents, recognizes the citations in
 * them (resolutions, decisions, document symbols, treaties, ILO
 * instruments), and builds the citation network as an igraph graph that the
 * exporters write out.
 *
 * The library never prints, exits or aborts: every function that can fail
 * returns a cg_status and fills a cg_error with a one-line message that
 * names the file and the problem.  The command-line tool (src/main.c) is a
 * thin layer over this header.
 *
 * Ownership conventions: a function that returns a pointer through an
 * out-parameter hands ownership to the caller unless its comment says
 * otherwise; every type with an _init or _new has a NULL-safe _destroy or
 * _free.
 */
#ifndef CITEGRAPH_H
#define CITEGRAPH_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CG_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Errors                                                              */

typedef enum cg_status {
    CG_OK = 0,
    CG_ERR_IO,      /* cannot open, read or write a file */
    CG_ERR_INPUT,   /* the input is not a document we can read */
    CG_ERR_NOMEM,
    CG_ERR_USAGE,   /* bad arguments to a library call */
    CG_ERR_GRAPH    /* igraph reported an error */
} cg_status;

#define CG_ERRMSG_MAX 512

typedef struct cg_error {
    cg_status code;
    char msg[CG_ERRMSG_MAX]; /* one line, no trailing newline */
} cg_error;

/* Fills err (if not NULL) and returns code. printf-style message. */
cg_status cg_error_set(cg_error *err, cg_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------------ */
/* Arena: strings of one extraction live and die together.             */

typedef struct cg_arena cg_arena;

cg_arena *cg_arena_new(void);                 /* NULL on OOM */
void cg_arena_free(cg_arena *a);              /* NULL-safe; frees all strings */
/* Copies [s, s+len) plus a NUL into the arena; NULL on OOM. */
char *cg_arena_strndup(cg_arena *a, const char *s, size_t len);
char *cg_arena_strdup(cg_arena *a, const char *s);

/* ------------------------------------------------------------------ */
/* Extraction results                                                  */

/* One citation mention: the citing document refers to `target`.
 * All strings point into the owning cg_doc's arena and are never NULL
 * ("" when unknown). */
typedef struct cg_mention {
    const char *target;   /* canonical id, e.g. "A/RES/64/293" */
    const char *kind;     /* of the target: resolution, decision, statement,
                             report, document, treaty, ilo */
    const char *body;     /* of the target: GA, SC, ECOSOC, HRC, UNTS, ... */
    const char *title;    /* of the target, when the text gives one */
    const char *verb;     /* lead words of the paragraph, lower-case */
    const char *part;     /* header, preamble, operative, footnote, annex, body */
    const char *para;     /* pp5, op1, op4(b), fn11 */
    const char *locator;  /* "para. 26", "chap. V, sect. A", "annex" */
    const char *text;     /* the matched text, as in the input */
    int year;             /* of the target, 0 if unknown */
    int footnote;         /* footnote number the mention sits in, 0 if none */
    size_t start, end;    /* byte span in the input */
    double confidence;    /* 0..1 */
} cg_mention;

/* Metadata of a document whose own text was read. */
typedef struct cg_docmeta {
    const char *id;       /* canonical id, e.g. "A/RES/74/176" */
    const char *kind;
    const char *body;
    const char *title;
    const char *date;     /* ISO yyyy-mm-dd when known, else "" */
    const char *path;     /* the file it was read from ("-" for stdin) */
    int year;             /* 0 if unknown */
} cg_docmeta;

/* The extraction of one document: its metadata and its mentions, in
 * reading order.  Owns an arena holding every string it points to. */
typedef struct cg_doc {
    cg_docmeta meta;
    cg_mention *mentions;
    size_t n_mentions, cap_mentions;
    cg_arena *arena;
} cg_doc;

cg_doc *cg_doc_new(void);              /* NULL on OOM */
void cg_doc_free(cg_doc *d);           /* NULL-safe */
/* Appends a zeroed mention whose strings are all ""; returns it, NULL on
 * OOM.  The pointer is valid until the next append. */
cg_mention *cg_doc_add_mention(cg_doc *d);

/* ------------------------------------------------------------------ */
/* Extraction                                                          */

/* Input formats cg_extract_file reads.  CG_IN_AUTO (0) tells them apart
 * by content: "%PDF-" is PDF; an XML root <collection>/<record> in the
 * MARC21 slim namespace is MARCXML, <akomaNtoso> is Akoma Ntoso; a
 * <!DOCTYPE html> or <html> start is HTML; anything else is text (the
 * extension decides only when the content is ambiguous). */
typedef enum cg_input_format {
    CG_IN_AUTO = 0,
    CG_IN_TEXT,
    CG_IN_PDF,
    CG_IN_HTML,
    CG_IN_MARCXML,
    CG_IN_AKN
} cg_input_format;

/* "text", "pdf", "html", "marcxml", "akn" -> format (case-insensitive);
 * CG_IN_AUTO for anything else, which callers treat as unknown. */
cg_input_format cg_input_format_from_name(const char *name);

typedef struct cg_extract_opts {
    double min_confidence;   /* drop mentions below this (0 keeps all) */
    cg_input_format input_format; /* 0 (CG_IN_AUTO): detect from content */
} cg_extract_opts;

/* Recognizes the citations in text[0..len) (UTF-8, as PDF text extraction
 * gives it).  `path` names the input in errors and in meta.path; it is
 * copied.  On success *out is a new cg_doc the caller frees with
 * cg_doc_free.  Fails with CG_ERR_INPUT on binary data or invalid UTF-8. */
cg_status cg_extract_text(const char *text, size_t len, const char *path,
                          const cg_extract_opts *opts, cg_doc **out,
                          cg_error *err);

/* Reads one file ("-" for standard input) and extracts it.  A file may
 * hold several documents (a MARCXML export); they are appended to *docs,
 * an array the caller owns with its elements (free each with cg_doc_free,
 * then free() the array).  PDF, HTML, MARCXML and Akoma Ntoso are read as
 * opts->input_format says (detected when CG_IN_AUTO).  Mention spans:
 * for text and HTML they are byte offsets into the file itself; for PDF
 * and Akoma Ntoso into the text extracted from it (pages joined by form
 * feeds for PDF); for MARCXML they locate the 993 $a value in the file. */
cg_status cg_extract_file(const char *path, const cg_extract_opts *opts,
                          cg_doc ***docs, size_t *n_docs, cg_error *err);

/* The mentions of d as JSON Lines, one object per mention with the
 * source document's id: a malloc'ed NUL-terminated string the caller
 * frees, or NULL on OOM. */
char *cg_doc_jsonl(const cg_doc *d);

/* ------------------------------------------------------------------ */
/* The citation graph                                                  */

typedef struct cg_graph cg_graph;

/* Node attributes (strings; "" when unknown). */
typedef enum cg_node_attr {
    CG_NODE_ID = 0,   /* canonical id */
    CG_NODE_LABEL,    /* what a viewer shows: the id */
    CG_NODE_KIND,
    CG_NODE_BODY,
    CG_NODE_TITLE,
    CG_NODE_DATE,
    CG_NODE_N_STR_ATTRS
} cg_node_attr;

typedef enum cg_edge_attr {
    CG_EDGE_VERB = 0, /* distinct values joined by ';' */
    CG_EDGE_PART,
    CG_EDGE_PARA,
    CG_EDGE_LOCATOR,
    CG_EDGE_N_STR_ATTRS
} cg_edge_attr;

/* Builder: documents are added one at a time (and may be freed right
 * after), the graph is made by cg_builder_finish.  The result does not
 * depend on the order in which documents are added. */
typedef struct cg_builder cg_builder;

cg_builder *cg_builder_new(void);                     /* NULL on OOM */
void cg_builder_free(cg_builder *b);                  /* NULL-safe */
/* Up to this many edges igraph holds the edge strings (verb, part, para,
 * locator) as string attributes; above it, as factor codes: a numeric
 * attribute "verb_code" and a graph attribute "verb_levels" (the distinct
 * values sorted, joined by newlines).  The accessors and every exporter
 * give the same strings either way. */
#define CG_EDGE_STRING_LIMIT ((size_t)1000000)
void cg_builder_set_edge_string_limit(cg_builder *b, size_t limit);

/* Copies what it needs from doc; the caller still owns doc. */
cg_status cg_builder_add_doc(cg_builder *b, const cg_doc *doc, cg_error *err);
/* Makes the graph: nodes sorted by id, (source, target) pairs merged into
 * one edge with a weight, self-citations dropped.  *out is owned by the
 * caller (cg_graph_free).  It uses the builder up: afterwards the builder
 * can only be freed (cg_builder_free); adding to it or finishing it again
 * fails with CG_ERR_USAGE. */
cg_status cg_builder_finish(cg_builder *b, cg_graph **out, cg_error *err);

void cg_graph_free(cg_graph *g);                      /* NULL-safe */

size_t cg_graph_node_count(const cg_graph *g);
size_t cg_graph_edge_count(const cg_graph *g);
/* Strings are owned by the graph, valid until cg_graph_free; never NULL. */
const char *cg_graph_node_str(const cg_graph *g, size_t v, cg_node_attr a);
int cg_graph_node_year(const cg_graph *g, size_t v);   /* 0 if unknown */
int cg_graph_node_cited(const cg_graph *g, size_t v);  /* 1: only cited */
void cg_graph_edge_ends(const cg_graph *g, size_t e, size_t *from,
                        size_t *to);
const char *cg_graph_edge_str(const cg_graph *g, size_t e, cg_edge_attr a);
long cg_graph_edge_weight(const cg_graph *g, size_t e);
/* Vertex index of a canonical id, or -1. */
long cg_graph_find(const cg_graph *g, const char *id);
/* Number of self-citations dropped while building. */
size_t cg_graph_self_citations(const cg_graph *g);
/* The igraph_t inside (an `igraph_t *` as void * so that this header does
 * not pull in igraph.h); borrowed, owned by g. */
const void *cg_graph_igraph(const cg_graph *g);

/* Installs igraph's C attribute handler and an error handler that returns
 * instead of aborting.  Idempotent; call before any other cg_graph use
 * (cg_builder_new calls it). */
void cg_igraph_setup(void);

/* ------------------------------------------------------------------ */
/* Analysis (graphs/analysis.c)                                        */

/* Direction of a walk along citations. */
typedef enum cg_direction {
    CG_DIR_UP = 0,   /* to what a document cites: its recall chain */
    CG_DIR_DOWN      /* to the documents that cite it */
} cg_direction;

/* One vertex reached by cg_graph_chain. */
typedef struct cg_chain_item {
    size_t v;        /* vertex */
    size_t parent;   /* the vertex it was reached from; SIZE_MAX for root */
    int depth;       /* steps from the root (0 for the root) */
} cg_chain_item;

/* Every vertex reachable from root in direction dir within depth steps
 * (depth < 0: no limit), each once, at its shortest distance; among
 * equally near parents the one with the smallest vertex index wins.
 * *items (a malloc'd array the caller frees) lists the tree in preorder,
 * root first, children in vertex (= id) order, ready to print indented. */
cg_status cg_graph_chain(const cg_graph *g, size_t root, cg_direction dir,
                         int depth, cg_chain_item **items, size_t *n,
                         cg_error *err);

/* The subgraph induced by vertices[0..n) (duplicates allowed), with all
 * attributes, vertices still in id order and edges in (source, target)
 * order, so that it exports like any graph.  *out is the caller's
 * (cg_graph_free); its self-citation count is 0. */
cg_status cg_graph_subgraph(const cg_graph *g, const size_t *vertices,
                            size_t n, cg_graph **out, cg_error *err);

/* PageRank (damping 0.85, edge weights ignored) of every vertex:
 * *scores is a malloc'd array of node_count values the caller frees. */
cg_status cg_graph_pagerank(const cg_graph *g, double **scores,
                            cg_error *err);

/* The longest recall chain: the longest path following citations, in
 * *path (malloc'd, caller frees; *len vertices, the citing end first).
 * Cycles are broken by ignoring the back edges of a depth-first search
 * in vertex order; *back_edges counts them.  Ties go to the smallest
 * vertex indexes.  An empty graph gives *len 0 and *path NULL. */
cg_status cg_graph_longest_chain(const cg_graph *g, size_t **path,
                                 size_t *len, size_t *back_edges,
                                 cg_error *err);

/* Weakly connected components: their number and the size of the
 * largest. */
cg_status cg_graph_components(const cg_graph *g, size_t *count,
                              size_t *largest, cg_error *err);

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef enum cg_format {
    CG_FMT_UNKNOWN = 0,
    CG_FMT_GRAPHML,
    CG_FMT_DOT,
    CG_FMT_ADJ,
    CG_FMT_GEXF,    /* Gephi (GEXF 1.3, dynamic: nodes start at their year) */
    CG_FMT_GML,     /* Cytoscape, igraph, networkx */
    CG_FMT_PAJEK,   /* Pajek .net */
    CG_FMT_JSON,    /* node-link JSON (d3, networkx node_link_graph) */
    CG_FMT_CYJS,    /* Cytoscape.js elements JSON */
    CG_FMT_CSV      /* a directory: nodes.csv + edges.csv (neo4j-admin) */
} cg_format;

/* "graphml", "dot", "adj", "gexf", "gml", "pajek" (or "net"), "json",
 * "cyjs", "csv" -> format; CG_FMT_UNKNOWN otherwise. */
cg_format cg_format_from_name(const char *name);
/* From a file name's extension (.graphml .dot .gv .adj .gexf .gml .net
 * .json .cyjs); CG_FMT_UNKNOWN.  CSV is never guessed: it names a
 * directory. */
cg_format cg_format_from_path(const char *path);

/* Writes g to path ("-" for standard output) in the given format.  A file
 * is written to a temporary name beside it and renamed into place only on
 * success, so a failed export never leaves a half-written file. */
cg_status cg_export(const cg_graph *g, cg_format fmt, const char *path,
                    cg_error *err);

/* Makes every later cg_export give up when *flag is non-zero at its last
 * check, just before the temporary file is renamed into place: the
 * temporary file is removed, the destination left as it was, and
 * CG_ERR_IO ("interrupted") returned.  A SIGINT/SIGTERM handler sets the
 * flag; the flag is borrowed and must outlive the exports; NULL turns the
 * check off.  Process-wide. */
void cg_export_set_cancel(const volatile sig_atomic_t *flag);
/* For CG_FMT_CSV, path is a directory (created if missing, mode 0777 minus
 * the umask) that receives nodes.csv and edges.csv, each written and
 * renamed into place as above; "-" is refused (CG_ERR_USAGE). */

/* Like cg_export in GraphML, with yEd's node graphics (a ShapeNode with a
 * NodeLabel per node), so that yEd shows labels without any mapping. */
cg_status cg_export_yed(const cg_graph *g, const char *path, cg_error *err);

/* ------------------------------------------------------------------ */
/* Filters (graphs/filter.c)                                           */

/* What cg_graph_filter keeps.  Steps apply in this order: kind, body and
 * year select vertices (induced subgraph); then the ego network of ego;
 * then the transitive reduction. */
typedef struct cg_filter {
    const char *kind;   /* comma-separated kinds to keep; NULL: any */
    const char *body;   /* comma-separated bodies to keep; NULL: any */
    int since, until;   /* keep since <= year <= until (0: no bound); a
                           node of unknown year goes when a bound is set */
    const char *ego;    /* keep vertices within ego_depth steps of this
                           id, along citations in either direction */
    int ego_depth;      /* < 0: no limit (cg_filter_init sets 1) */
    int transitive_reduction; /* see cg_graph_transitive_reduction */
} cg_filter;

void cg_filter_init(cg_filter *f);          /* nothing filtered */
int cg_filter_active(const cg_filter *f);   /* 1 when a step is set */

/* The filtered copy of g in *out (the caller's, cg_graph_free).  Fails
 * with CG_ERR_USAGE when ego is not a vertex after the other filters. */
cg_status cg_graph_filter(const cg_graph *g, const cg_filter *f,
                          cg_graph **out, cg_error *err);

/* Keeps only the edges u->v not implied by a longer path from u to v.
 * With cycles the reduction is not unique; this one keeps every edge
 * inside a strongly connected component and reduces the edges between
 * components on the condensation (an edge goes when its target's
 * component is reachable from its source's component in two or more
 * steps).  On a DAG it is the transitive reduction.  *removed (if not
 * NULL) counts the dropped edges; *out is the caller's. */
cg_status cg_graph_transitive_reduction(const cg_graph *g, cg_graph **out,
                                        size_t *removed, cg_error *err);

/* ------------------------------------------------------------------ */
/* Reading a graph back (graphs/graphml_read.c)                        */

/* Reads GraphML from path ("-": stdin) with libxml2's streaming reader.
 * Attributes are matched by their key's attr.name: id/label/name give
 * the canonical id (first non-empty, else the XML node id), kind, body,
 * title, date, year, cited on nodes; verb, part, para, locator, weight
 * on edges; other keys are ignored.  Without a cited attribute a node
 * counts as read.  *out is the caller's.  A file that is not GraphML
 * fails with CG_ERR_INPUT and a one-line message. */
cg_status cg_graph_read_graphml(const char *path, cg_graph **out,
                                cg_error *err);

/* ------------------------------------------------------------------ */
/* Citation records for map/reduce (graphs/records.c)                  */

/* One TAB-separated line per mention of d, each self-contained:
 * source id, kind, body, title, date, year, path; target, its kind,
 * body, title, year; verb, part, para, locator, footnote, span start,
 * span end, confidence; mention index in the document.  TAB, newline,
 * CR and backslash in values are written \t \n \r \\.  A document
 * without mentions gives one line with an empty target, so that it
 * still becomes a node.  Returns a malloc'ed string the caller frees,
 * NULL on OOM. */
char *cg_doc_tsv(const cg_doc *d);

#define CG_RECORD_FIELDS 21

/* Reads records written by cg_doc_tsv from path ("-": stdin) into b.
 * Consecutive records of the same source document (same metadata and
 * increasing index) become one cg_doc, with each mention at its index,
 * so that b ends up as if the documents had been added themselves.
 * *docs and *records (not NULL) are increased by what was added.  A bad
 * line stops the file with CG_ERR_INPUT naming file and line; what was
 * added before it stays. */
cg_status cg_builder_add_records(cg_builder *b, const char *path,
                                 size_t *docs, size_t *records,
                                 cg_error *err);

/* ------------------------------------------------------------------ */
/* Resolution series (graphs/series.c)                                 */

/* Resolutions of one body with the same normalized title. */
typedef struct cg_series {
    size_t *members;    /* vertices, by year, then date, then id */
    size_t n;           /* >= 2 */
    char *key;          /* normalized title */
} cg_series;

/* Title normalization: lower-case ASCII, leading session numbers
 * ("61/180.") dropped, then only letters and digits kept (other bytes
 * >= 0x80 kept as they are, except U+00A0 and U+2000-U+206F: spaces,
 * dashes, quotes).  Returns a malloc'ed string, NULL on OOM. */
char *cg_series_key(const char *title);

/* Every series of g (resolutions with a title), sorted by body, then the
 * id of the first member.  A key of 20 or more characters that is a
 * prefix of exactly one longer key of the same body (a title cut at a
 * line break) is counted as that key.  *series (n elements) is the caller's:
 * cg_series_free. */
cg_status cg_graph_series(const cg_graph *g, cg_series **series, size_t *n,
                          cg_error *err);
void cg_series_free(cg_series *s, size_t n);   /* NULL-safe */

#ifdef __cplusplus
}
#endif

#endif /* CITEGRAPH_H */
