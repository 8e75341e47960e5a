/*
 * fuzz_graphml_read.c - libFuzzer target: the GraphML reader
 * (graphs/graphml_read.c, `citegraph build --graph FILE`).
 *
 * The input is a GraphML file.  cg_graph_read_graphml only reads a path,
 * so the bytes are written to a temporary file made once per process
 * (removed at exit).  A graph that was read is written back as GraphML
 * into memory, which must parse with xmlReadMemory; that output is then
 * read again and written again, and the two writes must be identical
 * (what tests/graphml-read.sh checks for citegraph's own files), so that
 * the reader's normalisation and the exporter's escaping agree on every
 * id, title and value a file can carry.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "citegraph.h"
#include "exporters.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char tmp_in[64], tmp_again[64];

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void cleanup(void)
{
    if (tmp_in[0])
        unlink(tmp_in);
    if (tmp_again[0])
        unlink(tmp_again);
}

/* mkstemp into path; 0, or -1 (the target then does nothing). */
static int make_tmp(char *path, size_t n, const char *tag)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, n, "%s/fuzz-graphml-%s.XXXXXX", dir && *dir ? dir : "/tmp", tag);
    int fd = mkstemp(path);
    if (fd < 0) {
        path[0] = '\0';
        return -1;
    }
    close(fd);
    return 0;
}

/* Writes data[0..size) to path; 0 or -1. */
static int put_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = size ? fwrite(data, 1, size, f) : 0;
    return (fclose(f) == 0 && w == size) ? 0 : -1;
}

/* g as GraphML in a malloc'ed buffer (*len bytes), NULL on failure. */
static char *to_graphml(const cg_graph *g, size_t *len)
{
    char *mem = NULL;
    cg_error err;
    FILE *f = open_memstream(&mem, len);
    if (!f)
        return NULL;
    cg_status st = cg_write_graphml(g, f, &err);
    if (fclose(f) != 0 || st != CG_OK) {
        free(mem);
        return NULL;
    }
    return mem;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init, ok;
    if (!init) {
        init = 1;
        xmlSetGenericErrorFunc(NULL, silent);
        cg_igraph_setup();
        ok = make_tmp(tmp_in, sizeof tmp_in, "in") == 0 &&
             make_tmp(tmp_again, sizeof tmp_again, "again") == 0;
        atexit(cleanup);
    }
    if (!ok || put_file(tmp_in, data, size) != 0)
        return 0;
    cg_graph *g = NULL, *h = NULL;
    char *one = NULL, *two = NULL;
    size_t n_one = 0, n_two = 0;
    cg_error err;
    if (cg_graph_read_graphml(tmp_in, &g, &err) != CG_OK) {
        if (g)
            abort(); /* a failed read must leave *out NULL */
        goto done;
    }
    if (!(one = to_graphml(g, &n_one)))
        goto done;
    xmlDocPtr x = xmlReadMemory(one, (int)n_one, "fuzz.graphml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!x)
        abort(); /* the exporter wrote XML that does not parse */
    xmlFreeDoc(x);
    if (put_file(tmp_again, one, n_one) != 0)
        goto done;
    if (cg_graph_read_graphml(tmp_again, &h, &err) != CG_OK)
        abort(); /* our own GraphML is refused */
    if (!(two = to_graphml(h, &n_two)))
        goto done;
    if (n_one != n_two || memcmp(one, two, n_one) != 0)
        abort(); /* GraphML -> read -> GraphML is not a fixed point */
done:
    free(one);
    free(two);
    cg_graph_free(g);
    cg_graph_free(h);
    return 0;
}
