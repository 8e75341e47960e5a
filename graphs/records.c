/*
 * records.c - citation records for map/reduce: cg_doc_tsv writes one
 * self-contained TAB-separated line per mention (the map step, which
 * needs only the document itself), cg_builder_add_records reads them
 * back into a builder (the reduce step).
 *
 * Why each record repeats the source document's metadata: a map task
 * sees one document and a reducer sees lines in any grouping, so every
 * line must carry what the builder needs.  Why the mention index: the
 * builder orders an edge's merged values by (source, target, path,
 * mention index); keeping the index makes `build --edges` give the same
 * bytes as `build` on the documents.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"

static void tsv_str(cg_buf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '\t': cg_buf_puts(b, "\\t"); break;
        case '\n': cg_buf_puts(b, "\\n"); break;
        case '\r': cg_buf_puts(b, "\\r"); break;
        case '\\': cg_buf_puts(b, "\\\\"); break;
        default: cg_buf_putc(b, *p);
        }
    }
}

static void tsv_meta(cg_buf *b, const cg_docmeta *m)
{
    tsv_str(b, m->id);
    cg_buf_putc(b, '\t');
    tsv_str(b, m->kind);
    cg_buf_putc(b, '\t');
    tsv_str(b, m->body);
    cg_buf_putc(b, '\t');
    tsv_str(b, m->title);
    cg_buf_putc(b, '\t');
    tsv_str(b, m->date);
    cg_buf_printf(b, "\t%d\t", m->year);
    tsv_str(b, m->path);
}

char *cg_doc_tsv(const cg_doc *d)
{
    cg_buf b;
    cg_buf_init(&b);
    cg_buf_puts(&b, "");
    if (d->n_mentions == 0) {
        tsv_meta(&b, &d->meta);
        cg_buf_puts(&b, "\t\t\t\t\t0\t\t\t\t\t0\t0\t0\t0\t0\n");
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        const cg_mention *m = &d->mentions[i];
        tsv_meta(&b, &d->meta);
        const char *s[] = { m->target, m->kind, m->body, m->title };
        for (int k = 0; k < 4; k++) {
            cg_buf_putc(&b, '\t');
            tsv_str(&b, s[k]);
        }
        cg_buf_printf(&b, "\t%d", m->year);
        const char *t[] = { m->verb, m->part, m->para, m->locator };
        for (int k = 0; k < 4; k++) {
            cg_buf_putc(&b, '\t');
            tsv_str(&b, t[k]);
        }
        cg_buf_printf(&b, "\t%d\t%zu\t%zu\t%.6g\t%zu\n", m->footnote, m->start,
                      m->end, m->confidence, i);
    }
    if (b.oom) {
        cg_buf_destroy(&b);
        return NULL;
    }
    return b.data; /* ownership passes to the caller */
}

/* ---- reading ------------------------------------------------------- */

/* Splits line (NUL-terminated, no newline) in place into f[0..n);
 * returns the field count. */
static size_t rec_split(char *line, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++) {
        if (*p == '\t') {
            *p = '\0';
            if (n == max)
                return max + 1;
            f[n++] = p + 1;
        }
    }
    return n;
}

/* Undoes tsv_str in place; returns -1 on a lone trailing backslash. */
static int rec_unescape(char *s)
{
    char *w = s;
    for (char *p = s; *p; p++) {
        if (*p != '\\') {
            *w++ = *p;
            continue;
        }
        switch (*++p) {
        case 't': *w++ = '\t'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case '\\': *w++ = '\\'; break;
        default: return -1;
        }
    }
    *w = '\0';
    return 0;
}

static int rec_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* The document being assembled from consecutive records. */
typedef struct rec_doc {
    cg_doc *d;
    long last;        /* index of its last mention, -1 if none */
} rec_doc;

static cg_status rec_flush(cg_builder *b, rec_doc *cur, size_t *docs,
                           cg_error *err)
{
    if (!cur->d)
        return CG_OK;
    cg_status st = cg_builder_add_doc(b, cur->d, err);
    cg_doc_free(cur->d);
    cur->d = NULL;
    if (st == CG_OK)
        (*docs)++;
    return st;
}

static int same_meta(const cg_docmeta *m, char **f, long year)
{
    return strcmp(m->id, f[0]) == 0 && strcmp(m->kind, f[1]) == 0 &&
           strcmp(m->body, f[2]) == 0 && strcmp(m->title, f[3]) == 0 &&
           strcmp(m->date, f[4]) == 0 && m->year == year &&
           strcmp(m->path, f[6]) == 0;
}

cg_status cg_builder_add_records(cg_builder *b, const char *path,
                                 size_t *docs, size_t *records,
                                 cg_error *err)
{
    if (!b || !path || !docs || !records)
        return cg_error_set(err, CG_ERR_USAGE,
                            "cg_builder_add_records: NULL argument");
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "(stdin)" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f)
        return cg_error_set(err, CG_ERR_IO, "%s: %s", path, strerror(errno));
    cg_status st = CG_OK;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    rec_doc cur = { NULL, -1 };
    char *fld[CG_RECORD_FIELDS];
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (got > 0 && line[got - 1] == '\n')
            line[--got] = '\0';
        if (got > 0 && line[got - 1] == '\r')
            line[--got] = '\0'; /* records written on Windows */
        if (got == 0)
            continue;
        if (memchr(line, '\0', (size_t)got)) {
            st = cg_error_set(err, CG_ERR_INPUT, "%s:%zu: NUL byte in a record", name, lineno);
            goto done;
        }
        size_t n = rec_split(line, fld, CG_RECORD_FIELDS);
        if (n != CG_RECORD_FIELDS) {
            st = cg_error_set(err, CG_ERR_INPUT,
                              "%s:%zu: not a citation record (%s%zu fields, %d expected; "
                              "write them with `citegraph extract --format tsv`)",
                              name, lineno, n > CG_RECORD_FIELDS ? "more than " : "",
                              n > CG_RECORD_FIELDS ? (size_t)CG_RECORD_FIELDS : n,
                              CG_RECORD_FIELDS);
            goto done;
        }
        long year, tyear, fn, s0, s1, idx;
        char *end;
        for (size_t k = 0; k < n; k++)
            if (rec_unescape(fld[k]) != 0) {
                st = cg_error_set(err, CG_ERR_INPUT, "%s:%zu: field %zu: bad escape",
                                  name, lineno, k + 1);
                goto done;
            }
        double conf = strtod(fld[19], &end);
        if (rec_long(fld[5], 0, 99999, &year) || rec_long(fld[11], 0, 99999, &tyear) ||
            rec_long(fld[16], 0, 1000000000L, &fn) || rec_long(fld[17], 0, LONG_MAX, &s0) ||
            rec_long(fld[18], 0, LONG_MAX, &s1) || rec_long(fld[20], 0, 100000000L, &idx) ||
            !*fld[19] || *end || !(conf >= 0 && conf <= 1)) {
            st = cg_error_set(err, CG_ERR_INPUT, "%s:%zu: bad number in a citation record",
                              name, lineno);
            goto done;
        }
        (*records)++;
        if (cur.d && !(same_meta(&cur.d->meta, fld, year) && idx > cur.last)) {
            if ((st = rec_flush(b, &cur, docs, err)) != CG_OK)
                goto done;
        }
        if (!cur.d) {
            cg_doc *d = cg_doc_new();
            cur.d = d;
            cur.last = -1;
            if (!d)
                goto oom;
            cg_docmeta *m = &d->meta;
            if (!(m->id = cg_arena_strdup(d->arena, fld[0])) ||
                !(m->kind = cg_arena_strdup(d->arena, fld[1])) ||
                !(m->body = cg_arena_strdup(d->arena, fld[2])) ||
                !(m->title = cg_arena_strdup(d->arena, fld[3])) ||
                !(m->date = cg_arena_strdup(d->arena, fld[4])) ||
                !(m->path = cg_arena_strdup(d->arena, fld[6])))
                goto oom;
            m->year = (int)year;
        }
        if (!*fld[7])
            continue; /* a document without citations: metadata only */
        /* Empty mentions fill the gap so that this one sits at idx. */
        while (cur.last + 1 < idx) {
            if (!cg_doc_add_mention(cur.d))
                goto oom;
            cur.last++;
        }
        cg_mention *mt = cg_doc_add_mention(cur.d);
        if (!mt)
            goto oom;
        cur.last = idx;
        cg_arena *a = cur.d->arena;
        if (!(mt->target = cg_arena_strdup(a, fld[7])) ||
            !(mt->kind = cg_arena_strdup(a, fld[8])) ||
            !(mt->body = cg_arena_strdup(a, fld[9])) ||
            !(mt->title = cg_arena_strdup(a, fld[10])) ||
            !(mt->verb = cg_arena_strdup(a, fld[12])) ||
            !(mt->part = cg_arena_strdup(a, fld[13])) ||
            !(mt->para = cg_arena_strdup(a, fld[14])) ||
            !(mt->locator = cg_arena_strdup(a, fld[15])))
            goto oom;
        mt->year = (int)tyear;
        mt->footnote = (int)fn;
        mt->start = (size_t)s0;
        mt->end = (size_t)s1;
        mt->confidence = conf;
    }
    if (ferror(f)) {
        st = cg_error_set(err, CG_ERR_IO, "%s: read error: %s", name, strerror(errno));
        goto done;
    }
    st = rec_flush(b, &cur, docs, err);
    goto done;
oom:
    st = cg_error_set(err, CG_ERR_NOMEM, "%s:%zu: out of memory", name, lineno);
done:
    if (st != CG_OK && cur.d) {
        /* Records before the bad line stay added, as documented. */
        cg_error e2;
        if (rec_flush(b, &cur, docs, &e2) != CG_OK)
            cg_doc_free(cur.d);
    }
    free(line);
    if (!is_stdin)
        fclose(f);
    return st;
}
