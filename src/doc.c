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

static void json_str(cg_buf *b, const char *s)
{
    cg_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
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
        if (m->footnote > 0)
            cg_buf_printf(&b, ",\"footnote\":%d", m->footnote);
        else
            cg_buf_puts(&b, ",\"footnote\":null");
        cg_buf_printf(&b, ",\"span\":[%zu,%zu],\"confidence\":%.2f,\"text\":", m->start,
                      m->end, m->confidence);
        json_str(&b, m->text);
        cg_buf_puts(&b, "}\n");
    }
    if (b.oom) {
        cg_buf_destroy(&b);
        return NULL;
    }
    return b.data; /* ownership passes to the caller */
}
