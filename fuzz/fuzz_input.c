/*
 * fuzz_input.c - libFuzzer target: the readers for the formats other than
 * plain text (src/input_*.c): HTML, UN Digital Library MARCXML, Akoma
 * Ntoso, PDF, and the content sniffing that picks one.
 *
 * The first byte of the input picks the entry point (see `route`), the
 * rest is the file's content, so that each reader gets data of its own
 * format from the seeds (tests/fixtures/input, tests/fixtures/akn) and
 * also data of every other.  The readers own nothing of `data`; the
 * documents they append are freed here, also after a failure, as
 * input.h says.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "citegraph.h"
#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        xmlSetGenericErrorFunc(NULL, silent);
        init = 1;
    }
    if (size < 1)
        return 0;
    int route = data[0] % 5;
    size_t n = size - 1;
    /* exact-size copy: ASan sees any read past the end */
    char *buf = malloc(n ? n : 1);
    if (!buf)
        return 0;
    if (n)
        memcpy(buf, data + 1, n);
    cg_doc **docs = NULL;
    size_t n_docs = 0;
    cg_error err;
    cg_extract_opts opts;
    memset(&opts, 0, sizeof opts);
    switch (route) {
    case 0: {
        /* what cg_extract_file does after reading: sniff, then dispatch */
        cg_input_format f = cg_input_detect(buf, n, "fuzz.bin");
        if (f == CG_IN_HTML)
            (void)cg_input_html(buf, n, "fuzz.bin", &opts, &docs, &n_docs, &err);
        else if (f == CG_IN_MARCXML)
            (void)cg_input_marc(buf, n, "fuzz.bin", &opts, &docs, &n_docs, &err);
        else if (f == CG_IN_AKN)
            (void)cg_input_akn(buf, n, "fuzz.bin", &opts, &docs, &n_docs, &err);
        else if (f == CG_IN_PDF)
            (void)cg_input_pdf(buf, n, "fuzz.bin", &opts, &docs, &n_docs, &err);
        break;
    }
    case 1:
        (void)cg_input_html(buf, n, "fuzz.html", &opts, &docs, &n_docs, &err);
        break;
    case 2:
        (void)cg_input_marc(buf, n, "fuzz.xml", &opts, &docs, &n_docs, &err);
        break;
    case 3:
        (void)cg_input_akn(buf, n, "fuzz.akn", &opts, &docs, &n_docs, &err);
        break;
    default:
        (void)cg_input_pdf(buf, n, "fuzz.pdf", &opts, &docs, &n_docs, &err);
        break;
    }
    for (size_t i = 0; i < n_docs; i++) {
        char *js = cg_doc_jsonl(docs[i]);
        free(js);
        cg_doc_free(docs[i]);
    }
    free(docs);
    free(buf);
    return 0;
}
