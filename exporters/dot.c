/*
 * dot.c - Graphviz DOT writer, with cgraph.
 *
 * Kept alone in this file on purpose: cgraph is EPL-1.0, and this is the
 * only file of libcitegraph that uses it, so the DOT exporter can be
 * dropped or replaced without touching anything else.
 *
 * The graph is rebuilt as a cgraph digraph "citations": nodes named by
 * canonical id in vertex order with label, kind and body; edges in edge
 * order with verb, para and weight.  Attributes equal to their default ""
 * are not written by agwrite, so empty values are omitted.
 *
 * Values are cleaned with CG_CLEAN_DOT (see exporters.h): cgraph 2.42/2.43
 * quotes strings and escapes '"' but not '\', so a backslash is doubled
 * (DOT's own escape: a label "a\\b" is drawn as a\b), line breaks and tabs
 * become spaces, and invalid UTF-8 or control characters become U+FFFD.
 *
 * cgraph takes char *: names and values are passed from cg_buf copies or
 * from static char arrays, never by casting away const.  Output goes
 * through our own Agiodisc so that write errors are recorded, and cgraph's
 * error printer is silenced while we run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <graphviz/cgraph.h>

#include "exporters.h"

typedef struct dctx {
    FILE *f;
    int err;          /* first errno from the stream, 0 if none */
} dctx;

static int dot_putstr(void *chan, const char *s)
{
    dctx *c = chan;
    if (c->err)
        return EOF;
    errno = 0;
    if (fputs(s, c->f) == EOF) {
        c->err = errno ? errno : EIO;
        return EOF;
    }
    return 0;
}

static int dot_flush(void *chan)
{
    (void)chan; /* cg_export flushes and closes */
    return 0;
}

static int dot_afread(void *chan, char *buf, int bufsize)
{
    (void)chan;
    (void)buf;
    (void)bufsize;
    return 0; /* never used: we only write */
}

static int dot_silent(char *msg)
{
    (void)msg;
    return 0;
}

static char S_EMPTY[] = "";
static char S_GNAME[] = "citations";
static char S_LABEL[] = "label";
static char S_KIND[] = "kind";
static char S_BODY[] = "body";
static char S_VERB[] = "verb";
static char S_PARA[] = "para";
static char S_WEIGHT[] = "weight";

/* Sets attribute name of obj to value cleaned for DOT (skips ""). */
static int set_clean(void *obj, char *name, const char *value, cg_buf *buf)
{
    if (!value || !*value)
        return 0;
    cg_buf_clear(buf);
    if (cg_exp_clean(buf, value, CG_CLEAN_DOT) < 0)
        return -1;
    return agsafeset(obj, name, buf->data, S_EMPTY) == 0 ? 0 : -1;
}

cg_status cg_write_dot(const cg_graph *g, FILE *f, cg_error *err)
{
    cg_status st = CG_OK;
    dctx ctx = { f, 0 };
    Agiodisc_t io = { dot_afread, dot_putstr, dot_flush };
    Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &io };
    Agraph_t *dg = NULL;
    Agnode_t **nh = NULL;
    const char **names = NULL;
    cg_buf buf;
    cg_buf_init(&buf);
    agusererrf old_errf = agseterrf(dot_silent);
    agerrlevel_t old_lvl = agseterr(AGMAX);
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);

    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_DOT, &a, &names,
                           "out of memory writing DOT", err)) != CG_OK)
        goto done;
    nh = calloc(n ? n : 1, sizeof *nh);
    if (!nh)
        goto nomem;
    dg = agopen(S_GNAME, Agdirected, &disc);
    if (!dg)
        goto nomem;

    for (size_t v = 0; v < n; v++) {
        cg_buf_clear(&buf);
        if (cg_buf_puts(&buf, names[v]) != 0)
            goto nomem;
        if (!(nh[v] = agnode(dg, buf.data, 1)))
            goto fail;
        if (set_clean(nh[v], S_LABEL,
                      cg_graph_node_str(g, v, CG_NODE_LABEL), &buf) != 0 ||
            set_clean(nh[v], S_KIND,
                      cg_graph_node_str(g, v, CG_NODE_KIND), &buf) != 0 ||
            set_clean(nh[v], S_BODY,
                      cg_graph_node_str(g, v, CG_NODE_BODY), &buf) != 0)
            goto fail;
    }
    for (size_t e = 0; e < m; e++) {
        size_t from, to;
        char w[32];
        cg_graph_edge_ends(g, e, &from, &to);
        if (from >= n || to >= n)
            goto fail;
        Agedge_t *ed = agedge(dg, nh[from], nh[to], NULL, 1);
        if (!ed)
            goto fail;
        snprintf(w, sizeof w, "%ld", cg_graph_edge_weight(g, e));
        if (set_clean(ed, S_VERB, cg_graph_edge_str(g, e, CG_EDGE_VERB),
                      &buf) != 0 ||
            set_clean(ed, S_PARA, cg_graph_edge_str(g, e, CG_EDGE_PARA),
                      &buf) != 0 ||
            set_clean(ed, S_WEIGHT, w, &buf) != 0)
            goto fail;
    }
    if (agwrite(dg, &ctx) == EOF || ctx.err)
        goto fail;
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory writing DOT");
    goto done;
fail:
    st = cg_exp_fail(ctx.err, buf.oom, "cgraph", "DOT", err);
done:
    if (dg)
        agclose(dg);
    agseterr(old_lvl);
    agseterrf(old_errf);
    free(nh);
    free(names);
    cg_arena_free(a);
    cg_buf_destroy(&buf);
    return st;
}
