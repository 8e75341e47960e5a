/*
 * doc.c - the cg_doc container: one document's metadata and mentions.
 * Owns nothing but its arena and its mention array.
 */
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"

cg_doc *cg_doc_new(void)
{
    cg_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = cg_arena_new();
    if (!d->arena) {
        free(d);
        return NULL;
    }
    d->meta.id = d->meta.kind = d->meta.body = d->meta.title = "";
    d->meta.date = d->meta.path = "";
    return d;
}

void cg_doc_free(cg_doc *d)
{
    if (!d)
        return;
    free(d->mentions);
    cg_arena_free(d->arena);
    free(d);
}

cg_mention *cg_doc_add_mention(cg_doc *d)
{
    if (d->n_mentions == d->cap_mentions) {
        size_t nc = d->cap_mentions ? d->cap_mentions * 2 : 16;
        cg_mention *nm = realloc(d->mentions, nc * sizeof *nm);
        if (!nm)
            return NULL;
        d->mentions = nm;
        d->cap_mentions = nc;
    }
    cg_mention *m = &d->mentions[d->n_mentions++];
    memset(m, 0, sizeof *m);
    m->target = m->kind = m->body = m->title = "";
    m->verb = m->part = m->para = m->locator = m->text = "";
    m->confidence = 1.0;
    return m;
}

/* What "%.2f" prints: directly for the hundredths 0.00-1.00 that
 * confidences are (the double of 0.9 is the double of 90 / 100.0), with
 * printf for anything else. */
static void put_fixed2(cg_buf *b, double v)
{
    if (v >= 0 && v <= 1) {
        int k = (int)(v * 100 + 0.5);
        if ((double)k / 100.0 == v) {
            char s[5] = { (char)('0' + k / 100), '.', (char)('0' + k / 10 % 10),
                          (char)('0' + k % 10), 0 };
            cg_buf_append(b, s, 4);
            return;
        }
    }
    cg_buf_printf(b, "%.2f", v);
}

/* JSON Lines are written for every mention of a corpus: the common
 * cases below are appended directly, printf only formats the rare ones. */
static void json_str(cg_buf *b, const char *s)
{
    cg_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* a run of bytes that need no escape, in one append */
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != '"' && *q != '\\')
            q++;
        if (q > p) {
            cg_buf_append(b, (const char *)p, (size_t)(q - p));
            p = q;
            if (!*p)
                break;
        }
        switch (*p) {
        case '"': cg_buf_puts(b, "\\\""); break;
        case '\\': cg_buf_puts(b, "\\\\"); break;
        case '\n': cg_buf_puts(b, "\\n"); break;
        case '\r': cg_buf_puts(b, "\\r"); break;
        case '\t': cg_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                cg_buf_printf(b, "\\u%04x", *p);
            else
                cg_buf_putc(b, (char)*p);
        }
    }
    cg_buf_putc(b, '"');
}

char *cg_doc_jsonl(const cg_doc *d)
{
    cg_buf b;
    cg_buf_init(&b);
    cg_buf_puts(&b, "");
    for (size_t i = 0; i < d->n_mentions; i++) {
        const cg_mention *m = &d->mentions[i];
        cg_buf_puts(&b, "{\"source\":");
        json_str(&b, d->meta.id);
        cg_buf_puts(&b, ",\"target\":");
        json_str(&b, m->target);
        cg_buf_puts(&b, ",\"kind\":");
        json_str(&b, m->kind);
        cg_buf_puts(&b, ",\"body\":");
        json_str(&b, m->body);
        cg_buf_puts(&b, ",\"verb\":");
        json_str(&b, m->verb);
        cg_buf_puts(&b, ",\"part\":");
        json_str(&b, m->part);
        cg_buf_puts(&b, ",\"para\":");
        json_str(&b, m->para);
        cg_buf_puts(&b, ",\"locator\":");
        json_str(&b, m->locator);
        if (m->footnote > 0) {
            cg_buf_puts(&b, ",\"footnote\":");
            cg_buf_put_uint(&b, (size_t)m->footnote);
        } else {
            cg_buf_puts(&b, ",\"footnote\":null");
        }
        cg_buf_puts(&b, ",\"span\":[");
        cg_buf_put_uint(&b, m->start);
        cg_buf_putc(&b, ',');
        cg_buf_put_uint(&b, m->end);
        cg_buf_puts(&b, "],\"confidence\":");
        put_fixed2(&b, m->confidence);
        cg_buf_puts(&b, ",\"text\":");
        json_str(&b, m->text);
        cg_buf_puts(&b, "}\n");
    }
    if (b.oom) {
        cg_buf_destroy(&b);
        return NULL;
    }
    return b.data; /* ownership passes to the caller */
}
