/*
 * extract.h - internal entry points of the recognizer beyond the public
 * cg_extract_text.  Never part of the public header.
 */
#ifndef CG_EXTRACT_H
#define CG_EXTRACT_H

#include "citegraph.h"

/* Extracts one part of a document too large to scan whole: text[0, len)
 * lies at byte `base` of the file, and `first` (NULL for the first part)
 * is the metadata of the document's first part, which later parts take
 * as their own (its strings are copied).  Spans are file offsets.  On
 * success *out is a new cg_doc the caller frees. */
cg_status cg_extract_text_part(const char *text, size_t len, size_t base, const cg_docmeta *first,
                               const char *path, const cg_extract_opts *opts, cg_doc **out,
                               cg_error *err);

#endif
