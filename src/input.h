/*
 * input.h - readers for the input formats other than plain text: PDF
 * (poppler-glib), HTML (libxml2's HTML parser), UN Digital Library MARCXML
 * (libxml2 xmlReader, streaming) and Akoma Ntoso (libxml2 DOM).
 *
 * Internal to libcitegraph.  Each reader takes the whole file in memory
 * (borrowed: the caller keeps `data` alive and frees it) and appends the
 * documents it produces to *docs (see cg_extract_file: the caller owns the
 * array and its elements, also after a failure).  Nothing prints: libxml2
 * and poppler are told to stay quiet and their messages end up in cg_error.
 *
 * XML safety, for every XML reader here: XML_PARSE_NONET, never
 * XML_PARSE_NOENT (entities are not substituted, so external entities are
 * never fetched and entity expansion cannot amplify), never
 * XML_PARSE_DTDLOAD, never XML_PARSE_HUGE, and nesting deeper than
 * CG_IN_MAX_DEPTH fails.
 */
#ifndef CG_INPUT_H
#define CG_INPUT_H

#include <stddef.h>
#include "citegraph.h"

#define CG_IN_MAX_DEPTH 256

/* The libxml2 options every XML parse in the library uses. */
#define CG_IN_XML_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* Guesses the format of data[0..len) from its content (PDF magic, XML
 * root element, HTML doctype/root) and, when the content does not say,
 * from the extension of path.  Never returns CG_IN_AUTO. */
cg_input_format cg_input_detect(const char *data, size_t len, const char *path);

/* Initializes libxml2 once per process (pthread_once): its first use is
 * not thread-safe and files may be extracted by several threads. */
void cg_input_xml_init(void);

/* Serializes the creation of poppler documents: poppler-glib sets up its
 * process-wide state on first use without a lock. */
void cg_input_pdf_lock(void);
void cg_input_pdf_unlock(void);

/* Appends d to *docs (growing the array); takes ownership of d in every
 * case (freed on failure).  CG_OK, or CG_ERR_NOMEM with "<path>: out of
 * memory" in *err (err may be NULL). */
cg_status cg_input_push(cg_doc ***docs, size_t *n_docs, cg_doc *d, const char *path, cg_error *err);

/* Canonical id of a UN symbol as a catalogue or a link writes it: white
 * space and a reissue asterisk removed, trailing punctuation dropped (a
 * closing parenthesis only when unbalanced).  Writes at most CG_ID_MAX
 * bytes into out; 0, or -1 when nothing symbol-like remains. */
int cg_input_canon_symbol(char *out, const char *s, size_t n);

/* Finds the first UN document symbol ("A/RES/74/176", "S/RES/2771 (2025)",
 * "E/CN.5/2025/5") inside s[0..n), e.g. in a URL or a link's text, and
 * writes its canonical id; 0 when found, -1 otherwise. */
int cg_input_find_symbol(char *out, const char *s, size_t n);

/* Year in a symbol id's "(YYYY)" part or trailing year series, 0 if none. */
int cg_input_year_of_id(const char *id);

/* The readers.  All append to *docs as described above. */
cg_status cg_input_pdf(const char *data, size_t len, const char *path,
                       const cg_extract_opts *opts, cg_doc ***docs,
                       size_t *n_docs, cg_error *err);
cg_status cg_input_html(const char *data, size_t len, const char *path,
                        const cg_extract_opts *opts, cg_doc ***docs,
                        size_t *n_docs, cg_error *err);
cg_status cg_input_marc(const char *data, size_t len, const char *path,
                        const cg_extract_opts *opts, cg_doc ***docs,
                        size_t *n_docs, cg_error *err);
cg_status cg_input_akn(const char *data, size_t len, const char *path,
                       const cg_extract_opts *opts, cg_doc ***docs,
                       size_t *n_docs, cg_error *err);

#endif
