/*
 * render_gvc.c - lays a cg_drawing out and renders it with graphviz's gvc
 * library (libgvc + cgraph, EPL-1.0).
 *
 * Kept alone on purpose, like dot.c: this is the only file of the
 * renderer that uses graphviz, so a build that must not combine EPL-1.0
 * with the GPL can drop it (and dot.c) without touching the rest.
 *
 * With dot, time runs down the page: every year that has a document gets
 * a rank (a rank=same subgraph holding a plaintext year label of the axis
 * on the left and that year's documents), consecutive years are chained
 * by invisible edges, and each citation is entered cited -> citing with
 * dir=back, so dot puts the cited (older) document above the citing one
 * while the arrow still points at the cited document.  Documents of
 * unknown year have no rank of their own and settle by their edges.
 * sfdp ignores ranks, so none of that is done there.
 *
 * The legend is a cluster "Legend" whose samples are chained by invisible
 * edges, one row for kinds, one for bodies, one for the edge families, so
 * that it stays a compact block in both engines.
 *
 * cgraph takes char *: every string passed goes through a cg_buf copy or
 * a static char array, never a cast from const.  graphviz's messages are
 * caught (agseterrf) instead of printed: the last error becomes the
 * cg_error message.  That catcher is process-wide state, so renders must
 * not run in two threads at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "exporters.h"
#include "render.h"

/* The last message graphviz reported while we ran ("" if none). */
static char gv_msg[256];

static int gv_catch(char *msg)
{
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    if (n >= sizeof gv_msg)
        n = sizeof gv_msg - 1;
    memcpy(gv_msg, msg, n);
    gv_msg[n] = '\0';
    return 0;
}

typedef struct gctx {
    Agraph_t *g;
    cg_buf name, val;   /* scratch copies handed to cgraph */
} gctx;

/* Sets attribute name (with default def) of obj to value, both copied. */
static int set(gctx *c, void *obj, const char *name, const char *value)
{
    cg_buf_clear(&c->name);
    cg_buf_clear(&c->val);
    if (cg_buf_puts(&c->name, name) != 0 || cg_buf_puts(&c->val, value ? value : "") != 0)
        return -1;
    char empty[] = "";
    /* agsafeset's default applies to every object of the kind: "" keeps
     * graphviz's own default for those that do not set it. */
    return agsafeset(obj, c->name.data, c->val.data, empty) == 0 ? 0 : -1;
}

static Agnode_t *mknode(gctx *c, Agraph_t *sg, const char *name)
{
    cg_buf_clear(&c->name);
    if (cg_buf_puts(&c->name, name) != 0)
        return NULL;
    return agnode(sg, c->name.data, 1);
}

static Agraph_t *mksub(gctx *c, const char *name)
{
    cg_buf_clear(&c->name);
    if (cg_buf_puts(&c->name, name) != 0)
        return NULL;
    return agsubg(c->g, c->name.data, 1);
}

static const char *fam_style(int fam)
{
    return fam == CG_FAM_NOTE ? "dashed" : fam == CG_FAM_OPERATIVE ? "bold" : "solid";
}

static const char *fam_class(int fam)
{
    return fam == CG_FAM_NOTE ? "f-note" : fam == CG_FAM_OPERATIVE ? "f-operative" : "f-recall";
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The year axis (dot only): one rank=same subgraph per year that has a
 * document, holding the year's label, the labels chained by invisible
 * edges oldest first.  Made before the documents so that dot puts the
 * axis on the left.  *years (sorted, *ny of them) and *rank (the
 * subgraph of each) are malloc'd for the caller, who frees both. */
static int add_axis(gctx *c, const cg_drawing *d, int **years_out,
                    Agraph_t ***rank_out, size_t *ny_out)
{
    int *years = malloc((d->n_nodes ? d->n_nodes : 1) * sizeof *years);
    Agraph_t **rank = NULL;
    size_t ny = 0;
    *years_out = NULL;
    *rank_out = NULL;
    *ny_out = 0;
    if (!years)
        return -1;
    for (size_t v = 0; v < d->n_nodes; v++)
        if (d->nodes[v].year > 0)
            years[ny++] = d->nodes[v].year;
    qsort(years, ny, sizeof *years, cmp_int);
    size_t k = 0;
    for (size_t i = 0; i < ny; i++)
        if (k == 0 || years[i] != years[k - 1])
            years[k++] = years[i];
    ny = k;
    rank = calloc(ny ? ny : 1, sizeof *rank);
    if (!rank)
        goto fail;
    Agnode_t *prev = NULL;
    for (size_t i = 0; i < ny; i++) {
        char nm[48], lab[16];
        snprintf(nm, sizeof nm, "year_%d", years[i]);
        snprintf(lab, sizeof lab, "%d", years[i]);
        if (!(rank[i] = mksub(c, nm)) || set(c, rank[i], "rank", "same") != 0)
            goto fail;
        snprintf(nm, sizeof nm, "year:%d", years[i]);
        Agnode_t *y = mknode(c, rank[i], nm);
        if (!y || set(c, y, "label", lab) != 0 || set(c, y, "shape", "plaintext") != 0 ||
            set(c, y, "fontsize", "16") != 0 || set(c, y, "fontcolor", "#555555") != 0 ||
            set(c, y, "class", "year") != 0 || set(c, y, "tooltip", lab) != 0)
            goto fail;
        if (prev) {
            Agedge_t *e = agedge(c->g, prev, y, NULL, 1);
            if (!e || set(c, e, "style", "invis") != 0)
                goto fail;
        }
        prev = y;
    }
    *years_out = years;
    *rank_out = rank;
    *ny_out = ny;
    return 0;
fail:
    free(rank);
    free(years);
    return -1;
}

/* The legend cluster: rows of samples chained by invisible edges. */
static int add_legend(gctx *c, const cg_drawing *d)
{
    Agraph_t *lg = mksub(c, "cluster_legend");
    if (!lg || set(c, lg, "label", "Legend") != 0 || set(c, lg, "style", "rounded") != 0 ||
        set(c, lg, "color", "#888888") != 0 || set(c, lg, "fontsize", "14") != 0 ||
        set(c, lg, "labeljust", "l") != 0)
        return -1;
    Agnode_t *row_first = NULL, *prev = NULL;
    Agraph_t *row_g = NULL;
    int row = -1;
    for (size_t i = 0; i < d->n_legend; i++) {
        const cg_draw_legend *s = &d->legend[i];
        char nm[48];
        int this_row = s->row;
        if (this_row != row) {
            /* a rank=same subgraph per row, inside the cluster */
            snprintf(nm, sizeof nm, "legend_row_%d", this_row);
            cg_buf_clear(&c->name);
            if (cg_buf_puts(&c->name, nm) != 0 || !(row_g = agsubg(lg, c->name.data, 1)) ||
                set(c, row_g, "rank", "same") != 0)
                return -1;
        }
        snprintf(nm, sizeof nm, "legend:%zu", i);
        Agnode_t *n = mknode(c, row_g, nm);
        if (!n || set(c, n, "label", s->label) != 0 || set(c, n, "class", "legend") != 0 ||
            set(c, n, "tooltip", s->label) != 0)
            return -1;
        Agnode_t *last = n; /* the next sample of the row goes right of it */
        if (s->edge_fam >= 0) {
            /* a label with a short edge into a dot */
            snprintf(nm, sizeof nm, "legend:%zu:end", i);
            Agnode_t *end = mknode(c, row_g, nm); /* same rank: a flat edge */
            if (!end || set(c, n, "shape", "plaintext") != 0 ||
                set(c, end, "shape", "point") != 0 || set(c, end, "width", "0.06") != 0 ||
                set(c, end, "class", "legend") != 0)
                return -1;
            Agedge_t *e = agedge(c->g, n, end, NULL, 1);
            if (!e || set(c, e, "style", fam_style(s->edge_fam)) != 0 ||
                set(c, e, "class", "legend") != 0 || set(c, e, "minlen", "2") != 0)
                return -1;
            last = end;
        } else if (set(c, n, "shape", s->shape) != 0 || set(c, n, "style", s->style) != 0 ||
                   set(c, n, "fillcolor", s->fill) != 0) {
            return -1;
        }
        Agnode_t *link_from = this_row != row ? row_first : prev;
        if (link_from) {
            Agedge_t *e = agedge(c->g, link_from, n, NULL, 1);
            /* rows stack (minlen 1); samples of a row sit side by side */
            if (!e || set(c, e, "style", "invis") != 0 ||
                set(c, e, "minlen", this_row != row ? "1" : "0") != 0)
                return -1;
        }
        if (this_row != row) {
            row_first = n;
            row = this_row;
        }
        prev = last;
    }
    return 0;
}

cg_status cg_gv_render(const cg_drawing *d, const char *fmt, char **data,
                       size_t *len, cg_error *err)
{
    cg_status st = CG_OK;
    GVC_t *gvc = NULL;
    gctx c;
    Agnode_t **nh = NULL;
    int *years = NULL;        /* dot: the years with a rank, sorted */
    Agraph_t **rank = NULL;   /* and the rank=same subgraph of each */
    size_t ny = 0;
    char *out = NULL;
    unsigned int outlen = 0;
    int laid_out = 0;
    int dot = strcmp(d->engine, "dot") == 0;
    cg_buf_init(&c.name);
    cg_buf_init(&c.val);
    c.g = NULL;
    *data = NULL;
    *len = 0;
    gv_msg[0] = '\0';
    agusererrf old_errf = agseterrf(gv_catch);
    agerrlevel_t old_lvl = agseterr(AGERR);

    if (!(gvc = gvContext()))
        goto nomem;
    char gname[] = "citations";
    if (!(c.g = agopen(gname, Agdirected, NULL)))
        goto nomem;
    Agraph_t *g = c.g;
    /* Graph, node and edge defaults. */
    if (set(&c, g, "fontname", "Helvetica") != 0 || set(&c, g, "outputorder", "edgesfirst") != 0 ||
        set(&c, g, "bgcolor", "white") != 0 || set(&c, g, "pad", "0.3") != 0)
        goto fail;
    if (dot) {
        if (set(&c, g, "rankdir", "TB") != 0 || set(&c, g, "newrank", "true") != 0 ||
            set(&c, g, "ranksep", "0.6") != 0 || set(&c, g, "nodesep", "0.25") != 0)
            goto fail;
    } else {
        if (set(&c, g, "overlap", "prism") != 0 || set(&c, g, "splines", "false") != 0 ||
            set(&c, g, "K", "0.6") != 0)
            goto fail;
    }
    if (!agattr(g, AGNODE, (char[]){"fontname"}, (char[]){"Helvetica"}) ||
        !agattr(g, AGNODE, (char[]){"fontsize"}, (char[]){"10"}) ||
        !agattr(g, AGNODE, (char[]){"height"}, (char[]){"0.3"}) ||
        !agattr(g, AGNODE, (char[]){"margin"}, (char[]){"0.08,0.03"}) ||
        !agattr(g, AGEDGE, (char[]){"arrowsize"}, (char[]){"0.6"}) ||
        !agattr(g, AGEDGE, (char[]){"color"}, (char[]){"#4d4d4d"}))
        goto fail;

    nh = calloc(d->n_nodes ? d->n_nodes : 1, sizeof *nh);
    if (!nh)
        goto nomem;
    if (dot && add_axis(&c, d, &years, &rank, &ny) != 0)
        goto fail;
    for (size_t v = 0; v < d->n_nodes; v++) {
        const cg_draw_node *n = &d->nodes[v];
        char pw[32];
        Agraph_t *in = g;
        int yr = n->year;
        int *at = dot && yr > 0 ? bsearch(&yr, years, ny, sizeof *years, cmp_int) : NULL;
        if (at)
            in = rank[at - years]; /* its year's rank */
        snprintf(pw, sizeof pw, "%.1f", n->penwidth);
        if (!(nh[v] = mknode(&c, in, n->name)) || set(&c, nh[v], "label", n->label) != 0 ||
            set(&c, nh[v], "tooltip", n->tooltip) != 0 || set(&c, nh[v], "shape", n->shape) != 0 ||
            set(&c, nh[v], "style", n->style) != 0 || set(&c, nh[v], "fillcolor", n->fill) != 0 ||
            set(&c, nh[v], "class", n->cls) != 0 || set(&c, nh[v], "penwidth", pw) != 0)
            goto fail;
    }
    for (size_t k = 0; k < d->n_edges; k++) {
        const cg_draw_edge *e = &d->edges[k];
        if (e->from >= d->n_nodes || e->to >= d->n_nodes)
            goto fail;
        Agedge_t *ed = dot ? agedge(g, nh[e->to], nh[e->from], NULL, 1)
                           : agedge(g, nh[e->from], nh[e->to], NULL, 1);
        if (!ed || (dot && set(&c, ed, "dir", "back") != 0) ||
            set(&c, ed, "style", fam_style(e->fam)) != 0 ||
            set(&c, ed, "class", fam_class(e->fam)) != 0 || set(&c, ed, "id", e->id) != 0 ||
            set(&c, ed, "tooltip", e->tooltip) != 0)
            goto fail;
    }
    if (d->n_legend && add_legend(&c, d) != 0)
        goto fail;
    if (c.name.oom || c.val.oom)
        goto nomem;

    if (gvLayout(gvc, g, d->engine) != 0) {
        st = cg_error_set(err, CG_ERR_IO, "graphviz could not lay the graph out with %s%s%s",
                          d->engine, *gv_msg ? ": " : " (is the graphviz package installed?)",
                          gv_msg);
        goto done;
    }
    laid_out = 1;
    if (gvRenderData(gvc, g, fmt, &out, &outlen) != 0 || !out) {
        st = cg_error_set(err, CG_ERR_IO, "graphviz could not render %s%s%s", fmt,
                          *gv_msg ? ": " : " (is the graphviz package with its cairo plugin installed?)",
                          gv_msg);
        goto done;
    }
    *data = malloc(outlen ? outlen : 1);
    if (!*data)
        goto nomem;
    memcpy(*data, out, outlen);
    *len = outlen;
    goto done;

nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory drawing the graph");
    goto done;
fail:
    if (c.name.oom || c.val.oom)
        st = cg_error_set(err, CG_ERR_NOMEM, "out of memory drawing the graph");
    else
        st = cg_error_set(err, CG_ERR_IO, "graphviz refused the graph%s%s",
                          *gv_msg ? ": " : "", gv_msg);
done:
    if (out)
        gvFreeRenderData(out);
    if (laid_out)
        gvFreeLayout(gvc, c.g);
    if (c.g)
        agclose(c.g);
    if (gvc)
        gvFreeContext(gvc);
    agseterr(old_lvl);
    agseterrf(old_errf);
    free(nh);
    free(years);
    free(rank);
    cg_buf_destroy(&c.name);
    cg_buf_destroy(&c.val);
    return st;
}
