/*
 * input_pdf.c - PDF input through poppler's GLib API.
 *
 * The text of each page (poppler_page_get_text) is joined with a form
 * feed between pages, which is what pdftotext writes and what scan.c
 * reads as a page break: running headers and footers ("25-01522 (E)",
 * "*2501522*", "3/18", the document's own symbol) are then dropped by the
 * recognizer as for any PDF text.  Mention spans refer to that extracted
 * text, not to the PDF's bytes (which hold compressed streams).
 */
#include <stdatomic.h>
#include <string.h>

#include <poppler.h>

#include "cg_util.h"
#include "input.h"

/* 1 once a page's text was read under the lock (see cg_input_pdf). */
static atomic_int pdf_ready;

/* A one-line description of a poppler error without its trailing
 * newline; the GError stays owned by the caller. */
static const char *gerr_text(const GError *ge)
{
    return ge && ge->message ? ge->message : "unknown error";
}

cg_status cg_input_pdf(const char *data, size_t len, const char *path,
                       const cg_extract_opts *opts, cg_doc ***docs,
                       size_t *n_docs, cg_error *err)
{
    cg_status rc = CG_OK;
    GBytes *bytes = NULL;
    PopplerDocument *doc = NULL;
    GError *ge = NULL;
    cg_doc *d = NULL;
    cg_buf text;
    cg_buf_init(&text);

    size_t win = len < 1024 ? len : 1024;
    int magic = 0;
    for (size_t i = 0; i + 5 <= win && !magic; i++)
        magic = memcmp(data + i, "%PDF-", 5) == 0;
    if (!magic) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: not a PDF file (no %%PDF- header)", path);
        goto done;
    }
    /* poppler keeps a reference to the bytes while the document lives;
     * the caller's buffer outlives both, so no copy is needed */
    bytes = g_bytes_new_static(data, len);
    /* poppler sets up process-wide state on first use without a lock: its
     * global parameters when the first document opens, and a shared
     * colour profile (lcms2) when the first page's graphics state is made;
     * two threads doing either at once free each other's memory (seen
     * with ThreadSanitizer).  Both happen under the lock, once; after
     * that, documents are read in parallel. */
    cg_input_pdf_lock();
    doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
    if (doc && !atomic_load(&pdf_ready) && poppler_document_get_n_pages(doc) > 0) {
        PopplerPage *first = poppler_document_get_page(doc, 0);
        if (first) {
            g_free(poppler_page_get_text(first));
            g_object_unref(first);
            atomic_store(&pdf_ready, 1);
        }
    }
    cg_input_pdf_unlock();
    if (!doc) {
        if (ge && g_error_matches(ge, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
            rc = cg_error_set(err, CG_ERR_INPUT, "%s: encrypted PDF (needs a password)", path);
        else
            rc = cg_error_set(err, CG_ERR_INPUT, "%s: corrupt or unreadable PDF: %s", path,
                              gerr_text(ge));
        goto done;
    }
    int pages = poppler_document_get_n_pages(doc);
    if (pages <= 0) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: PDF has no pages", path);
        goto done;
    }
    for (int p = 0; p < pages; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        if (!page) {
            rc = cg_error_set(err, CG_ERR_INPUT, "%s: cannot read page %d of the PDF", path, p + 1);
            goto done;
        }
        char *t = poppler_page_get_text(page);
        if (p > 0)
            cg_buf_putc(&text, '\f');
        if (t) {
            size_t tl = strlen(t);
            cg_buf_append(&text, t, tl);
            if (tl && t[tl - 1] != '\n')
                cg_buf_putc(&text, '\n');
        }
        g_free(t);
        g_object_unref(page);
    }
    if (text.oom) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    size_t tl = text.len;
    /* a scanned PDF has pages but no text layer */
    size_t k = 0;
    while (k < tl && (text.data[k] == '\f' || text.data[k] == '\n' || text.data[k] == ' '))
        k++;
    if (k == tl) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: PDF has no text layer (scanned image?)", path);
        goto done;
    }
    rc = cg_extract_text(text.data, tl, path, opts, &d, err);
    if (rc != CG_OK)
        goto done;
    rc = cg_input_push(docs, n_docs, d, path, err);
    d = NULL;
done:
    cg_doc_free(d);
    if (ge)
        g_error_free(ge);
    if (doc)
        g_object_unref(doc);
    if (bytes)
        g_bytes_unref(bytes);
    cg_buf_destroy(&text);
    return rc;
}
