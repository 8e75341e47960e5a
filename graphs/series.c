/*
 * series.c - resolution series: the resolutions of one body that carry
 * the same title once normalized (cg_series_key), such as the General
 * Assembly's yearly "Improving the coordination of efforts against
 * trafficking in persons".  A title cut short (see sr_joins) joins the
 * series it begins.  Members are ordered by year, date and id;
 * series by body and first member, so the result is deterministic.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"

char *cg_series_key(const char *title)
{
    size_t l = strlen(title);
    char *k = malloc(l + 1);
    if (!k)
        return NULL;
    const unsigned char *p = (const unsigned char *)title;
    size_t n = 0;
    int lead = 1; /* still in leading session numbers: "61/180. Title" */
    for (; *p; p++) {
        unsigned char c = *p;
        /* Unicode spaces, dashes and quotes (U+00A0, U+2000-U+206F) are
         * punctuation too: one year's title may use curly quotes where
         * another has straight ones. */
        if (c == 0xC2 && p[1] == 0xA0) {
            p++;
            continue;
        }
        if (c == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2] >= 0x80 && p[2] <= 0xBF) {
            p += 2;
            continue;
        }
        if (lead && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80))
            lead = 0;
        if (lead)
            continue;
        if (c >= 'A' && c <= 'Z')
            k[n++] = (char)(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            k[n++] = (char)c;
    }
    k[n] = '\0';
    return k;
}

typedef struct sr_item {
    size_t v;
    const char *body, *date, *id;
    char *key;
    int year;
} sr_item;

/* Year (unknown last), date, id: the order within a series. */
static int sr_cmp_time(const void *x, const void *y)
{
    const sr_item *a = x, *b = y;
    int c;
    if (a->year != b->year) {
        if (!a->year || !b->year)
            return a->year ? -1 : 1;
        return a->year < b->year ? -1 : 1;
    }
    if ((c = strcmp(a->date, b->date)) != 0)
        return c;
    return strcmp(a->id, b->id);
}

/* Body, key, then the order within a series. */
static int sr_cmp(const void *x, const void *y)
{
    const sr_item *a = x, *b = y;
    int c;
    if ((c = strcmp(a->body, b->body)) != 0 || (c = strcmp(a->key, b->key)) != 0)
        return c;
    return sr_cmp_time(x, y);
}

/* End of the run of items with the same body and key as it[i]. */
static size_t sr_run(const sr_item *it, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n && strcmp(it[j].body, it[i].body) == 0 && strcmp(it[j].key, it[i].key) == 0)
        j++;
    return j;
}

/* Start of the run that ends at e. */
static size_t sr_first(const sr_item *it, size_t e)
{
    size_t i = e - 1;
    while (i > 0 && strcmp(it[i - 1].body, it[e - 1].body) == 0 &&
           strcmp(it[i - 1].key, it[e - 1].key) == 0)
        i--;
    return i;
}

#define SR_MIN_PREFIX 20

/* Titles cut short (a title wrapped onto a second line and read up to
 * the line break) must still join their series: the run at p joins the
 * run at e (the next key in sorted order, same body) when its key, at
 * least SR_MIN_PREFIX characters long, is a prefix of that key and of no
 * key after it, so that the join is unambiguous. */
static int sr_joins(const sr_item *it, size_t n, size_t p, size_t e)
{
    const char *k = it[p].key;
    size_t l = strlen(k);
    if (l < SR_MIN_PREFIX || strcmp(it[p].body, it[e].body) != 0 ||
        strncmp(it[e].key, k, l) != 0)
        return 0;
    size_t f = sr_run(it, n, e);
    return f >= n || strcmp(it[f].body, it[p].body) != 0 || strncmp(it[f].key, k, l) != 0;
}

typedef struct sr_ref {
    const char *body, *first;
    size_t index;
} sr_ref;

static int sr_ref_cmp(const void *x, const void *y)
{
    const sr_ref *a = x, *b = y;
    int c = strcmp(a->body, b->body);
    return c ? c : strcmp(a->first, b->first);
}

void cg_series_free(cg_series *s, size_t n)
{
    if (!s)
        return;
    for (size_t i = 0; i < n; i++) {
        free(s[i].members);
        free(s[i].key);
    }
    free(s);
}

cg_status cg_graph_series(const cg_graph *g, cg_series **series, size_t *n,
                          cg_error *err)
{
    if (!g || !series || !n)
        return cg_error_set(err, CG_ERR_USAGE, "cg_graph_series: NULL argument");
    *series = NULL;
    *n = 0;
    size_t nv = cg_graph_node_count(g), ni = 0, ns = 0;
    cg_status st = CG_OK;
    sr_item *it = malloc((nv ? nv : 1) * sizeof *it);
    cg_series *out = NULL, *sorted = NULL;
    sr_ref *ref = NULL;
    if (!it)
        goto oom;
    for (size_t v = 0; v < nv; v++) {
        const char *title = cg_graph_node_str(g, v, CG_NODE_TITLE);
        if (strcmp(cg_graph_node_str(g, v, CG_NODE_KIND), "resolution") != 0 || !*title)
            continue;
        sr_item *x = &it[ni];
        if (!(x->key = cg_series_key(title)))
            goto oom;
        if (!*x->key) {
            free(x->key);
            continue;
        }
        x->v = v;
        x->body = cg_graph_node_str(g, v, CG_NODE_BODY);
        x->date = cg_graph_node_str(g, v, CG_NODE_DATE);
        x->id = cg_graph_node_str(g, v, CG_NODE_ID);
        x->year = cg_graph_node_year(g, v);
        ni++;
    }
    qsort(it, ni, sizeof *it, sr_cmp);
    out = calloc(ni / 2 + 1, sizeof *out);
    if (!out)
        goto oom;
    for (size_t i = 0; i < ni;) {
        /* [i, j): one key; [i, e): that key and the keys it joins. */
        size_t j = sr_run(it, ni, i), e = j;
        while (e < ni && sr_joins(it, ni, sr_first(it, e), e))
            e = sr_run(it, ni, e);
        if (e - i >= 2) {
            cg_series *s = &out[ns++];
            const char *key = it[e - 1].key;
            if (!(s->members = malloc((e - i) * sizeof *s->members)) ||
                !(s->key = malloc(strlen(key) + 1)))
                goto oom;
            strcpy(s->key, key);
            qsort(it + i, e - i, sizeof *it, sr_cmp_time);
            for (size_t k = i; k < e; k++)
                s->members[s->n++] = it[k].v;
        }
        i = e;
    }
    /* Order series by body, then by the id of their first member. */
    ref = malloc((ns ? ns : 1) * sizeof *ref);
    sorted = calloc(ns ? ns : 1, sizeof *sorted);
    if (!ref || !sorted)
        goto oom;
    for (size_t i = 0; i < ns; i++) {
        ref[i].body = cg_graph_node_str(g, out[i].members[0], CG_NODE_BODY);
        ref[i].first = cg_graph_node_str(g, out[i].members[0], CG_NODE_ID);
        ref[i].index = i;
    }
    qsort(ref, ns, sizeof *ref, sr_ref_cmp);
    for (size_t i = 0; i < ns; i++)
        sorted[i] = out[ref[i].index];
    free(out);
    out = NULL;
    *series = sorted;
    *n = ns;
    sorted = NULL;
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory finding series");
done:
    for (size_t i = 0; i < ni; i++)
        free(it[i].key);
    free(it);
    cg_series_free(out, ns);
    free(sorted);
    free(ref);
    return st;
}
