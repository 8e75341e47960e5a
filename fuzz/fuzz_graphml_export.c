/*
 * fuzz_graphml_export.c - libFuzzer target: a graph built from fuzzed
 * documents, exported in every format.
 *
 * The input is split at the first "\n\x01\n" (if any) into two documents,
 * so that edges between fuzzed documents exist; each is extracted, added
 * to a builder, and the graph is written as GraphML into memory (which
 * must then parse as XML with libxml2), and as DOT and adj to /dev/null.
 * Ids, titles and verbs come from the fuzzed text, so this checks that the
 * exporters escape everything a document can put in them.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "citegraph.h"
#include "exporters.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void add_doc(cg_builder *b, const uint8_t *p, size_t n, const char *name)
{
    char *text = malloc(n ? n : 1);
    if (!text)
        return;
    if (n)
        memcpy(text, p, n);
    cg_doc *d = NULL;
    cg_error err;
    if (cg_extract_text(text, n, name, NULL, &d, &err) == CG_OK)
        (void)cg_builder_add_doc(b, d, &err);
    cg_doc_free(d);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init) {
        xmlSetGenericErrorFunc(NULL, silent);
        cg_igraph_setup();
        init = 1;
    }
    cg_builder *b = cg_builder_new();
    if (!b)
        return 0;
    const uint8_t *split = NULL;
    for (size_t i = 0; i + 3 <= size; i++)
        if (data[i] == '\n' && data[i + 1] == 1 && data[i + 2] == '\n') {
            split = data + i;
            break;
        }
    if (split) {
        add_doc(b, data, (size_t)(split - data), "one.txt");
        add_doc(b, split + 3, size - (size_t)(split - data) - 3, "two.txt");
    } else {
        add_doc(b, data, size, "one.txt");
    }
    cg_graph *g = NULL;
    cg_error err;
    if (cg_builder_finish(b, &g, &err) == CG_OK) {
        char *mem = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&mem, &len);
        if (f) {
            cg_status st = cg_write_graphml(g, f, &err);
            if (fclose(f) == 0 && st == CG_OK) {
                xmlDocPtr x = xmlReadMemory(mem, (int)len, "fuzz.graphml", NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING);
                if (!x)
                    abort(); /* the exporter wrote XML that does not parse */
                xmlFreeDoc(x);
            }
            free(mem);
        }
        (void)cg_export(g, CG_FMT_DOT, "/dev/null", &err);
        (void)cg_export(g, CG_FMT_ADJ, "/dev/null", &err);
    }
    cg_graph_free(g);
    cg_builder_free(b);
    return 0;
}
