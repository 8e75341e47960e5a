/*
 * fuzz_extract.c - libFuzzer target: cg_extract_text on arbitrary bytes.
 *
 * Exercises the whole recognizer on one document: UTF-8 validation, the
 * line/token scanner, metadata reading, the structure pass, every
 * citation recognizer and the footnote linker, then the JSON Lines
 * writer.  Any crash, sanitizer report or leak is a bug; a CG_ERR_INPUT
 * (binary, invalid UTF-8) is an expected answer.
 *
 * Built by `make fuzz` with clang -fsanitize=fuzzer,address,undefined.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size heap copy, so that ASan catches any read past the end
     * (the library must never rely on a terminating NUL). */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    cg_doc *d = NULL;
    cg_error err;
    cg_extract_opts opts = {0};
    if (cg_extract_text(text, size, "fuzz.txt", &opts, &d, &err) == CG_OK) {
        /* Every mention's span must lie inside the input. */
        for (size_t i = 0; i < d->n_mentions; i++) {
            const cg_mention *m = &d->mentions[i];
            if (m->start > m->end || m->end > size || !m->target || !m->kind ||
                !m->text || !m->para || !m->part)
                abort();
        }
        char *js = cg_doc_jsonl(d);
        free(js);
    } else if (memchr(err.msg, '\n', strnlen(err.msg, sizeof err.msg))) {
        abort(); /* error messages are one line */
    }
    cg_doc_free(d);
    free(text);
    return 0;
}
