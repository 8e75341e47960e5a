/*
 * input_akn.c - Akoma Ntoso (OASIS LegalDocML) input.
 *
 * Two sources of citations, merged:
 *   - the markup: every <ref href="..."> and <rref from=".." upTo="..">
 *     names its target; FRBR URIs of UN acts
 *     ("/akn/un/statement/deliberation/unga/2019-12-18/74-176") map to
 *     canonical ids, other hrefs ("https://undocs.org/en/A/RES/74/176")
 *     to the UN symbol inside them, else the symbol in the link's text;
 *   - the text: the body is flattened to plain text (blocks on their own
 *     lines, <authorialNote>s as numbered footnotes under a separator) and
 *     run through cg_extract_text like any document, which gives verbs,
 *     parts and paragraphs.
 * A link whose target the text scan already found at the same place adds
 * nothing.  The document's id comes from FRBRWork's FRBRthis/FRBRuri, or
 * its <docNumber>.  Mention spans refer to the flattened text.
 *
 * Parsed as a tree (documents are small) with the options of input.h:
 * no entity substitution, no DTD loading, no network, depth capped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "canon.h"
#include "cg_util.h"
#include "input.h"

typedef struct akn_ref {
    const xmlNode *node;
    int attr;              /* 0 href, 1 from, 2 upTo */
    size_t start, end;     /* in the flattened text */
} akn_ref;

typedef struct actx {
    cg_buf out;
    akn_ref *refs;
    size_t n_refs, cap_refs;
    const xmlNode **notes;
    size_t n_notes, cap_notes;
    int pending_nl, pending_sp, glue_block;
    const char *own_id;    /* the document's id from its metadata, or "" */
    int oom, too_deep;
} actx;

static int lname_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static void flush_ws(actx *c)
{
    if (c->out.len == 0) {
        c->pending_nl = c->pending_sp = 0;
        return;
    }
    char last = c->out.data[c->out.len - 1];
    if (c->pending_nl) {
        int have = 0;
        for (size_t i = c->out.len; i > 0 && c->out.data[i - 1] == '\n' && have < 2; i--)
            have++;
        for (int k = have; k < c->pending_nl; k++)
            cg_buf_putc(&c->out, '\n');
    } else if (c->pending_sp && last != '\n' && last != ' ') {
        cg_buf_putc(&c->out, ' ');
    }
    c->pending_nl = c->pending_sp = 0;
}

static void want_nl(actx *c, int n)
{
    if (c->glue_block) { /* "<num>1.</num><content><p>Decides" reads "1. Decides" */
        c->pending_sp = 1;
        return;
    }
    if (c->pending_nl < n)
        c->pending_nl = n;
}

static void put_text(actx *c, const char *t)
{
    for (const char *p = t; *p; p++) {
        if (isspace((unsigned char)*p)) {
            c->pending_sp = 1;
            continue;
        }
        flush_ws(c);
        c->glue_block = 0;
        if (cg_buf_putc(&c->out, *p) != 0)
            c->oom = 1;
    }
}

static int is_inline(const xmlNode *n)
{
    static const char *const inl[] = {
        "ref", "rref", "mref", "i", "b", "u", "sup", "sub", "span", "inline", "term", "date",
        "person", "organization", "location", "concept", "role", "quantity", "def", "entity",
        "docDate", "docType", "docProponent", "docNumber", "docTitle", "docStatus", "session",
        "abbr", "a", "marker", "noteRef", "affectedDocument", "placeholder", "shortTitle",
        "num", "event", "object", "process", "legislature", "courtType", "argument", NULL};
    for (int i = 0; inl[i]; i++)
        if (strcmp((const char *)n->name, inl[i]) == 0)
            return 1;
    return 0;
}

static int push_ref(actx *c, const xmlNode *n, int attr, size_t s, size_t e)
{
    if (c->n_refs == c->cap_refs) {
        size_t nc = c->cap_refs ? c->cap_refs * 2 : 32;
        akn_ref *nr = realloc(c->refs, nc * sizeof *nr);
        if (!nr)
            return -1;
        c->refs = nr;
        c->cap_refs = nc;
    }
    c->refs[c->n_refs++] = (akn_ref){n, attr, s, e};
    return 0;
}

static void walk(actx *c, const xmlNode *n, int depth);
static int link_target(char *out, const char *href, const char *text);

/* A link whose text names no number ("the report", "the Convention")
 * gets its target spelled out after it, " (A/74/235)", so that the text
 * scan sees the citation inside its paragraph and gives it a verb, a part
 * and a paragraph label like any other. */
static void spell_target(actx *c, const xmlNode *n, size_t from)
{
    for (size_t i = from; i < c->out.len; i++)
        if (isdigit((unsigned char)c->out.data[i]))
            return;
    char *href = (char *)xmlGetProp(n, (const xmlChar *)"href");
    char tid[CG_ID_MAX];
    int ok = href && link_target(tid, href, NULL) == 0 && strcmp(tid, c->own_id) != 0;
    xmlFree(href);
    if (!ok)
        return;
    put_text(c, " (");
    put_text(c, tid);
    put_text(c, ")");
}

static void walk_children(actx *c, const xmlNode *n, int depth)
{
    for (const xmlNode *k = n->children; k && !c->oom && !c->too_deep; k = k->next)
        walk(c, k, depth + 1);
}

static void walk(actx *c, const xmlNode *n, int depth)
{
    if (depth > CG_IN_MAX_DEPTH) {
        c->too_deep = 1;
        return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            put_text(c, (const char *)n->content);
        return;
    }
    /* XML_ENTITY_REF_NODE is skipped on purpose: entities are never
     * expanded into the text (their content may be an external file) */
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (lname_is(n, "meta"))
        return;
    if (lname_is(n, "eol") || lname_is(n, "eop")) {
        want_nl(c, 1);
        return;
    }
    if (lname_is(n, "authorialNote")) {
        /* the marker stays in place, glued as PDF text has it; the note
         * itself goes to the footnote block at the end */
        if (c->n_notes == c->cap_notes) {
            size_t nc = c->cap_notes ? c->cap_notes * 2 : 16;
            const xmlNode **nn = realloc(c->notes, nc * sizeof *nn);
            if (!nn) {
                c->oom = 1;
                return;
            }
            c->notes = nn;
            c->cap_notes = nc;
        }
        c->notes[c->n_notes++] = n;
        char num[32];
        snprintf(num, sizeof num, "%zu", c->n_notes);
        c->pending_sp = 0;
        put_text(c, num);
        return;
    }
    int inl = is_inline(n);
    int is_ref = lname_is(n, "ref") || lname_is(n, "rref");
    if (!inl)
        want_nl(c, 2);
    if (is_ref)
        flush_ws(c);
    size_t s = c->out.len;
    walk_children(c, n, depth);
    if (is_ref) {
        if (lname_is(n, "ref"))
            spell_target(c, n, s);
        if (lname_is(n, "ref")) {
            if (push_ref(c, n, 0, s, c->out.len) != 0)
                c->oom = 1;
        } else if (push_ref(c, n, 1, s, c->out.len) != 0 || push_ref(c, n, 2, s, c->out.len) != 0) {
            c->oom = 1;
        }
    }
    if (lname_is(n, "num")) {
        c->pending_sp = 1;
        c->glue_block = 1;
    } else if (!inl) {
        want_nl(c, 2);
    }
}

/* First element named `name` below n (depth-first, bounded), or NULL. */
static const xmlNode *find_el(const xmlNode *n, const char *name, int depth)
{
    if (depth > CG_IN_MAX_DEPTH)
        return NULL;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (lname_is(k, name))
            return k;
        const xmlNode *r = find_el(k, name, depth + 1);
        if (r)
            return r;
    }
    return NULL;
}

/* Text content of n without entity expansion, into out (bounded). */
static void el_text(const xmlNode *n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    const xmlNode *stack[64];
    int sp = 0;
    const xmlNode *k = n ? n->children : NULL;
    while (k || sp > 0) {
        if (!k) {
            k = stack[--sp]->next;
            continue;
        }
        if (k->type == XML_TEXT_NODE && k->content) {
            size_t l = strlen((const char *)k->content);
            if (len + l + 1 > cap)
                l = cap - 1 - len;
            memcpy(out + len, k->content, l);
            len += l;
            out[len] = '\0';
        } else if (k->type == XML_ELEMENT_NODE && k->children && sp < 64) {
            stack[sp++] = k;
            k = k->children;
            continue;
        }
        k = k->next;
    }
}

/* Maps an FRBR URI of a UN act to its canonical id; 0, or -1. */
static int akn_uri_to_id(char *out, const char *uri)
{
    const char *p = strstr(uri, "/akn/");
    if (!p)
        return -1;
    p += 5;
    char seg[12][64];
    int ns = 0;
    while (*p && ns < 12) {
        size_t n = strcspn(p, "/@!~#?");
        if (n >= sizeof seg[0])
            n = sizeof seg[0] - 1;
        memcpy(seg[ns], p, n);
        seg[ns][n] = '\0';
        ns++;
        p += strcspn(p, "/@!~#?");
        if (*p != '/')
            break;
        p++;
    }
    int decision = 0;
    for (int i = 0; i < ns; i++) {
        if (strcmp(seg[i], "decision") == 0)
            decision = 1;
        static const struct { const char *name; cg_body b; } au[] = {
            {"unga", CG_B_GA}, {"ga", CG_B_GA}, {"unsc", CG_B_SC}, {"sc", CG_B_SC},
            {"ecosoc", CG_B_ECOSOC}, {"unhrc", CG_B_HRC}, {"hrc", CG_B_HRC}};
        cg_body b = CG_B_NONE;
        for (size_t k = 0; k < sizeof au / sizeof au[0]; k++)
            if (strcmp(seg[i], au[k].name) == 0)
                b = au[k].b;
        if (b == CG_B_NONE || i + 2 >= ns || !isdigit((unsigned char)seg[i + 1][0]))
            continue;
        int year = atoi(seg[i + 1]);
        const char *num = seg[i + 2];
        char number[80];
        if (b == CG_B_SC) {
            if (!isdigit((unsigned char)num[0]) || year < 1946)
                return -1;
            snprintf(number, sizeof number, "%d(%d)", atoi(num), year);
        } else {
            /* "74-176" -> "74/176"; "1514-XV" -> "1514(XV)" */
            const char *dash = strchr(num, '-');
            if (!dash || !isdigit((unsigned char)num[0]))
                return -1;
            if (cg_roman_value(dash + 1, strlen(dash + 1)))
                snprintf(number, sizeof number, "%.*s(%s)", (int)(dash - num), num, dash + 1);
            else
                snprintf(number, sizeof number, "%.*s/%s", (int)(dash - num), num, dash + 1);
        }
        return cg_canon_resolution(out, b, decision, number, 0);
    }
    return -1;
}

/* The target of a link: the FRBR URI, a UN symbol in the URL (percent
 * decoded), or a UN symbol in the text; 0, or -1. */
static int link_target(char *out, const char *href, const char *text)
{
    if (href && href[0]) {
        if (akn_uri_to_id(out, href) == 0)
            return 0;
        char dec[512];
        size_t o = 0;
        for (const char *p = href; *p && o + 1 < sizeof dec; p++) {
            if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
                char h[3] = {p[1], p[2], 0};
                dec[o++] = (char)strtol(h, NULL, 16);
                p += 2;
            } else {
                dec[o++] = *p;
            }
        }
        dec[o] = '\0';
        if (cg_input_find_symbol(out, dec, o) == 0)
            return 0;
    }
    if (text && text[0] && cg_input_find_symbol(out, text, strlen(text)) == 0)
        return 0;
    return -1;
}

static int cmp_mention(const void *a, const void *b)
{
    const cg_mention *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->target, y->target);
}

static const char *adup(cg_doc *d, const char *s, int *oom)
{
    const char *r = cg_arena_strdup(d->arena, s);
    if (!r) {
        *oom = 1;
        return "";
    }
    return r;
}

static char *get_attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

cg_status cg_input_akn(const char *data, size_t len, const char *path,
                       const cg_extract_opts *opts, cg_doc ***docs,
                       size_t *n_docs, cg_error *err)
{
    cg_status rc = CG_OK;
    xmlParserCtxtPtr px = NULL;
    xmlDocPtr doc = NULL;
    cg_doc *d = NULL;
    actx c;
    memset(&c, 0, sizeof c);
    cg_buf_init(&c.out);
    int oom = 0;
    if (len > (size_t)INT32_MAX) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: file too large for the XML reader", path);
        goto done;
    }
    cg_input_xml_init();
    px = xmlNewParserCtxt();
    if (!px) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    /* no NOENT, no DTDLOAD, no HUGE: see input.h */
    doc = xmlCtxtReadMemory(px, data, (int)len, path, NULL, CG_IN_XML_OPTS);
    if (!doc) {
        xmlErrorPtr e = xmlCtxtGetLastError(px);
        char msg[200] = "parse error";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "line %d: %s", e->line, e->message);
            size_t n = strlen(msg);
            while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
                msg[--n] = '\0';
        }
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: malformed XML: %s", path, msg);
        goto done;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (!root || !lname_is(root, "akomaNtoso")) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: not an Akoma Ntoso document (root is not <akomaNtoso>)", path);
        goto done;
    }
    /* identity from the FRBR metadata wins over what the text suggests */
    const xmlNode *work = find_el(root, "FRBRWork", 0);
    char id[CG_ID_MAX] = "";
    if (work) {
        const char *names[] = {"FRBRthis", "FRBRuri"};
        for (int k = 0; k < 2 && !id[0]; k++) {
            const xmlNode *e = find_el(work, names[k], 0);
            char *v = e ? get_attr(e, "value") : NULL;
            if (v && akn_uri_to_id(id, v) != 0 && cg_input_find_symbol(id, v, strlen(v)) != 0)
                id[0] = '\0';
            xmlFree(v);
        }
    }
    if (!id[0]) {
        char t[256];
        el_text(find_el(root, "docNumber", 0), t, sizeof t);
        if (cg_input_find_symbol(id, t, strlen(t)) != 0)
            id[0] = '\0';
    }
    /* the symbol heads the text as it heads a printed resolution, so the
     * recognizer knows the citing body ("resolution 64/293" in a GA text
     * is A/RES/64/293) and drops running repeats of it */
    if (id[0]) {
        cg_buf_puts(&c.out, id);
        cg_buf_puts(&c.out, "\n\n");
    }
    c.own_id = id;
    walk(&c, root, 0);
    if (c.too_deep) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: XML nested deeper than %d elements", path, CG_IN_MAX_DEPTH);
        goto done;
    }
    if (c.n_notes) {
        c.glue_block = 0;
        want_nl(&c, 2);
        flush_ws(&c);
        cg_buf_puts(&c.out, "__________");
        for (size_t i = 0; i < c.n_notes; i++) {
            char num[32];
            snprintf(num, sizeof num, "%zu ", i + 1);
            c.pending_nl = 1;
            flush_ws(&c);
            cg_buf_puts(&c.out, num);
            size_t before = c.out.len;
            walk_children(&c, c.notes[i], 1);
            /* the note's own blocks stay on its line(s) */
            for (size_t k = before; k < c.out.len; k++)
                if (c.out.data[k] == '\n' && k + 1 < c.out.len && c.out.data[k + 1] == '\n')
                    c.out.data[k] = ' ';
            c.pending_nl = 0;
        }
    }
    cg_buf_putc(&c.out, '\n');
    if (c.oom || c.out.oom) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    rc = cg_extract_text(c.out.data, c.out.len, path, opts, &d, err);
    if (rc != CG_OK)
        goto done;

    if (id[0]) {
        const char *kind, *body;
        cg_symbol_kind_body(id, &kind, &body);
        d->meta.id = adup(d, id, &oom);
        d->meta.kind = kind;
        d->meta.body = body;
        d->meta.year = cg_input_year_of_id(id);
    }
    const xmlNode *dt = work ? find_el(work, "FRBRdate", 0) : NULL;
    char *date = dt ? get_attr(dt, "date") : NULL;
    int y, mo, da;
    if (date && sscanf(date, "%4d-%2d-%2d", &y, &mo, &da) == 3 && y > 1900 && mo >= 1 && mo <= 12) {
        char iso[32];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, da);
        d->meta.date = adup(d, iso, &oom);
        d->meta.year = y;
    }
    xmlFree(date);
    char title[512];
    el_text(find_el(root, "docTitle", 0), title, sizeof title);
    if (title[0])
        d->meta.title = adup(d, title, &oom);

    for (size_t i = 0; i < c.n_refs && !oom; i++) {
        const akn_ref *r = &c.refs[i];
        static const char *const an[] = {"href", "from", "upTo"};
        char *href = get_attr(r->node, an[r->attr]);
        char text[512];
        el_text(r->node, text, sizeof text);
        char tid[CG_ID_MAX];
        /* a range's upTo never falls back to the text: that is the from */
        int ok = link_target(tid, href, r->attr == 2 ? NULL : text) == 0;
        xmlFree(href);
        if (!ok || strcmp(tid, d->meta.id) == 0)
            continue;
        int seen = 0;
        for (size_t k = 0; k < d->n_mentions && !seen; k++) {
            const cg_mention *m = &d->mentions[k];
            seen = strcmp(m->target, tid) == 0 && m->start < r->end + 1 && r->start < m->end + 1;
        }
        if (seen)
            continue;
        cg_mention *m = cg_doc_add_mention(d);
        if (!m) {
            oom = 1;
            break;
        }
        const char *tk, *tb;
        cg_symbol_kind_body(tid, &tk, &tb);
        m->target = adup(d, tid, &oom);
        m->kind = tk;
        m->body = tb;
        m->part = "body";
        /* each block is one line of the flattened text: a mention the
         * scan found on the same line knows the paragraph and its verb */
        size_t ls = r->start, le = r->start;
        while (ls > 0 && c.out.data[ls - 1] != '\n')
            ls--;
        while (le < c.out.len && c.out.data[le] != '\n')
            le++;
        for (size_t k = 0; k + 1 < d->n_mentions; k++) {
            const cg_mention *o = &d->mentions[k];
            if (o->start >= ls && o->start < le) {
                m->verb = o->verb;
                m->para = o->para;
                /* a footnote's mention carries its paragraph's label */
                m->part = strcmp(o->part, "footnote") != 0 ? o->part
                          : strncmp(o->para, "pp", 2) == 0 ? "preamble"
                          : strncmp(o->para, "op", 2) == 0 ? "operative" : "body";
                break;
            }
        }
        m->text = adup(d, text, &oom);
        m->year = cg_input_year_of_id(tid);
        m->start = r->start;
        m->end = r->end;
        m->confidence = 1.0;
    }
    if (oom) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    if (d->n_mentions > 1)
        qsort(d->mentions, d->n_mentions, sizeof *d->mentions, cmp_mention);
    rc = cg_input_push(docs, n_docs, d, path, err);
    d = NULL;
done:
    cg_doc_free(d);
    if (doc)
        xmlFreeDoc(doc);
    if (px)
        xmlFreeParserCtxt(px);
    cg_buf_destroy(&c.out);
    free(c.refs);
    free(c.notes);
    return rc;
}
