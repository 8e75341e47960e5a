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
