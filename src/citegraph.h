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

typedef struct cg_extract_opts {
    double min_confidence;   /* drop mentions below this (0 keeps all) */
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
 * then free() the array). */
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
/* Copies what it needs from doc; the caller still owns doc. */
cg_status cg_builder_add_doc(cg_builder *b, const cg_doc *doc, cg_error *err);
/* Makes the graph: nodes sorted by id, (source, target) pairs merged into
 * one edge with a weight, self-citations dropped.  *out is owned by the
 * caller (cg_graph_free).  The builder may be freed afterwards. */
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
/* Export                                                              */

typedef enum cg_format {
    CG_FMT_UNKNOWN = 0,
    CG_FMT_GRAPHML,
    CG_FMT_DOT,
    CG_FMT_ADJ
} cg_format;

/* "graphml", "dot", "adj" -> format; CG_FMT_UNKNOWN otherwise. */
cg_format cg_format_from_name(const char *name);
/* From a file name's extension (.graphml .dot .gv .adj); CG_FMT_UNKNOWN. */
cg_format cg_format_from_path(const char *path);

/* Writes g to path ("-" for standard output) in the given format.  A file
 * is written to a temporary name beside it and renamed into place only on
 * success, so a failed export never leaves a half-written file. */
cg_status cg_export(const cg_graph *g, cg_format fmt, const char *path,
                    cg_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CITEGRAPH_H */
