/*
 * read.h - reading inputs: whole files, standard input, directory trees.
 * Part of libcitegraph; never prints.
 */
#ifndef CG_READ_H
#define CG_READ_H

#include <stddef.h>
#include "citegraph.h"

/* Reads path ("-" = stdin) whole into a malloc'ed buffer the caller
 * frees.  *data is not NUL-terminated.  A named path must be a regular
 * file (a FIFO or device fails with "not a regular file" instead of
 * blocking); UTF-16 with a byte order mark is converted to UTF-8. */
cg_status cg_read_all(const char *path, char **data, size_t *len, cg_error *err);

#define CG_INPUTS_MAX_ERRORS 64

/* A sorted, expanded list of input files.  Owns its strings. */
typedef struct cg_inputs {
    char **paths;
    size_t n, cap;
    /* problems met while walking directories (dangling links, loops):
     * reported by the caller, the walk goes on */
    char errors[CG_INPUTS_MAX_ERRORS][CG_ERRMSG_MAX];
    size_t n_errors;
} cg_inputs;

void cg_inputs_init(cg_inputs *in);
void cg_inputs_destroy(cg_inputs *in);   /* NULL-safe */
/* Adds a file, "-", or every document file below a directory (sorted by
 * name at each level).  Fails for a missing path or an empty directory. */
cg_status cg_inputs_add(cg_inputs *in, const char *path, cg_error *err);
void cg_inputs_note_error(cg_inputs *in, const char *path, const char *msg);

/* Extracts data[0, len) (UTF-8 text of one document) in parts of about
 * `part` bytes, appending one cg_doc per part to *docs; later parts carry
 * the first part's metadata.  Exposed for tests of the split. */
cg_status cg_extract_parts(const char *data, size_t len, size_t part, const char *path,
                           const cg_extract_opts *opts, cg_doc ***docs, size_t *n_docs,
                           cg_error *err);

#endif
