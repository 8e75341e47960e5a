/*
 * input_html.c - HTML input through libxml2's forgiving HTML parser.
 *
 * The tree is turned into the kind of text the recognizer reads well:
 * block elements become blank-line separated paragraphs, list items of an
 * <ol> get their "N. " back, footnote references (<a href="#fn3">3</a>,
 * <sup>3</sup>, Word's [3]) become plain digits glued after the text as
 * PDF text has them, and footnote bodies (id "fn3", "footnote-3",
 * "_ftn3") become "3 text" lines under a "__________" separator.  Script,
 * style and the <head> are dropped.
 *
 * Mention spans must point into the HTML file itself, so every byte of the
 * produced text carries the span of the original bytes it came from: each
 * text node is found in the file by searching forward from where the
 * previous one ended, then walked in step with the file, an entity
 * ("&amp;", "&#8217;") covering the one character it decodes to.  Text that
 * cannot be matched (a transcoded legacy charset) maps to the last known
 * position, so spans stay ordered and inside the file.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "cg_util.h"
#include "input.h"

typedef struct hctx {
    const char *src;       /* the HTML file */
    size_t src_len, cursor;
    cg_buf out;            /* the produced text */
    uint32_t *ms, *me;     /* per output byte: span in the file */
    size_t map_cap;
    int pending_nl;        /* line breaks owed before the next text */
    int pending_sp;
    int sep_done;          /* footnote separator written */
    int skip_fn;           /* footnote number to skip at an item's start */
    int li_num;            /* number of the <ol> item about to be walked */
    int oom, too_deep;
} hctx;

static int map_grow(hctx *c, size_t need)
{
    if (need <= c->map_cap)
        return 0;
    size_t nc = c->map_cap ? c->map_cap * 2 : 4096;
    while (nc < need)
        nc *= 2;
    uint32_t *a = realloc(c->ms, nc * sizeof *a);
    if (!a)
        return -1;
    c->ms = a;
    uint32_t *b = realloc(c->me, nc * sizeof *b);
    if (!b)
        return -1;
    c->me = b;
    c->map_cap = nc;
    return 0;
}

/* Appends s[0..n) to the text, every byte mapped to [os, oe) in the file. */
static void put(hctx *c, const char *s, size_t n, size_t os, size_t oe)
{
    if (c->oom || n == 0)
        return;
    size_t at = c->out.len;
    if (map_grow(c, at + n + 1) != 0 || cg_buf_append(&c->out, s, n) != 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        c->ms[at + i] = (uint32_t)os;
        c->me[at + i] = (uint32_t)oe;
    }
}

static char last_char(const hctx *c)
{
    return c->out.len ? c->out.data[c->out.len - 1] : '\n';
}

/* Writes the line breaks or the space owed before new text. */
static void flush_ws(hctx *c)
{
    if (c->out.len == 0) {
        c->pending_nl = c->pending_sp = 0;
        return;
    }
    if (c->pending_nl) {
        int have = 0;
        for (size_t i = c->out.len; i > 0 && c->out.data[i - 1] == '\n' && have < 2; i--)
            have++;
        for (int k = have; k < c->pending_nl; k++)
            put(c, "\n", 1, c->cursor, c->cursor);
    } else if (c->pending_sp && last_char(c) != '\n' && last_char(c) != ' ') {
        put(c, " ", 1, c->cursor, c->cursor);
    }
    c->pending_nl = c->pending_sp = 0;
}

static void want_nl(hctx *c, int n)
{
    if (c->pending_nl < n)
        c->pending_nl = n;
}

static size_t utf8_len(unsigned char b)
{
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

/* Finds text node content t in the file from the cursor: the first word
 * (up to 24 bytes) must match literally.  Returns 1 and moves the cursor. */
static int find_node(hctx *c, const char *t, size_t *q)
{
    while (*t && isspace((unsigned char)*t))
        t++;
    size_t n = 0;
    while (t[n] && !isspace((unsigned char)t[n]) && n < 24 && t[n] != '&' && t[n] != '<')
        n++;
    if (n == 0)
        return 0;
    /* bounded, so that text the file does not hold verbatim (a legacy
     * charset) costs linear time; a match must open a text run, right
     * after a tag's '>' and white space, not sit inside an attribute */
    size_t lim = c->src_len - c->cursor > ((size_t)1 << 20) ? c->cursor + ((size_t)1 << 20) : c->src_len;
    for (size_t i = c->cursor; i + n <= lim; i++) {
        if (c->src[i] != t[0] || memcmp(c->src + i, t, n) != 0)
            continue;
        size_t b = i;
        while (b > 0 && isspace((unsigned char)c->src[b - 1]))
            b--;
        if (b == 0 || c->src[b - 1] == '>') {
            *q = i;
            return 1;
        }
    }
    return 0;
}

/* Length of a character reference ("&amp;", "&#8220;", "&#x2019;") at
 * src[q], 0 if there is none (a bare '&' in "R&D" stands for itself). */
static size_t entity_len(const hctx *c, size_t q)
{
    if (q >= c->src_len || c->src[q] != '&')
        return 0;
    size_t k = q + 1;
    if (k < c->src_len && c->src[k] == '#')
        k++;
    while (k < c->src_len && k < q + 34 && isalnum((unsigned char)c->src[k]))
        k++;
    return k > q + 1 && k < c->src_len && c->src[k] == ';' ? k + 1 - q : 0;
}

/* Emits a text node, collapsing white space, mapped back to the file. */
static void text_node(hctx *c, const char *t)
{
    size_t q = c->cursor;
    int aligned = find_node(c, t, &q);
    if (!aligned) {
        /* skip leading white space of the node in the file anyway */
        q = c->cursor;
    }
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)t[i];
        if (isspace(ch)) {
            c->pending_sp = 1;
            i++;
            continue;
        }
        if (aligned)
            while (q < c->src_len && isspace((unsigned char)c->src[q]))
                q++;
        size_t L = utf8_len(ch);
        if (i + L > n)
            L = n - i;
        flush_ws(c);
        size_t os = q, oe = q, ent = aligned ? entity_len(c, q) : 0;
        if (ent) {
            oe = q + ent;
        } else if (aligned && q + L <= c->src_len && memcmp(c->src + q, t + i, L) == 0) {
            oe = q + L;
        } else {
            aligned = 0;
        }
        put(c, t + i, L, os, oe);
        q = oe;
        i += L;
    }
    if (aligned)
        c->cursor = q;
}

static int name_is(const xmlNode *n, const char *name)
{
    return n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int is_block(const xmlNode *n)
{
    static const char *const blocks[] = {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
        "blockquote", "section", "article", "header", "footer", "main", "nav", "aside",
        "figure", "figcaption", "dl", "dt", "dd", "pre", "address", "center", "form",
        "fieldset", "body", "caption", "hr", NULL};
    for (int i = 0; blocks[i]; i++)
        if (name_is(n, blocks[i]))
            return 1;
    return 0;
}

static int is_dropped(const xmlNode *n)
{
    static const char *const drop[] = {"script", "style", "head", "noscript", "template",
                                       "iframe", "object", "svg", "math", "button", NULL};
    for (int i = 0; drop[i]; i++)
        if (name_is(n, drop[i]))
            return 1;
    return 0;
}

/* All the text under n, concatenated (bounded); for small markers. */
static void inner_text(const xmlNode *n, char *out, size_t cap, size_t *len)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content) {
            size_t l = strlen((const char *)k->content);
            if (*len + l + 1 > cap)
                l = cap - 1 - *len;
            memcpy(out + *len, k->content, l);
            *len += l;
            out[*len] = '\0';
        } else if (k->type == XML_ELEMENT_NODE) {
            inner_text(k, out, cap, len);
        }
    }
}

/* The number of a footnote marker element (<sup>3</sup>, <a href="#fn3">
 * [3]</a>), or 0 when n is not one. */
static int marker_number(const xmlNode *n)
{
    int is_a = name_is(n, "a"), is_sup = name_is(n, "sup");
    if (!is_a && !is_sup)
        return 0;
    if (is_a) {
        xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
        int fnlink = href && href[0] == '#' &&
                     (strncasecmp((const char *)href + 1, "fn", 2) == 0 ||
                      strncasecmp((const char *)href + 1, "_ftn", 4) == 0 ||
                      strncasecmp((const char *)href + 1, "footnote", 8) == 0 ||
                      strncasecmp((const char *)href + 1, "ftn", 3) == 0);
        xmlFree(href);
        if (!fnlink)
            return 0;
    }
    char buf[32] = "";
    size_t len = 0;
    inner_text(n, buf, sizeof buf, &len);
    const char *p = buf;
    while (*p == ' ' || *p == '[' || *p == '(')
        p++;
    int v = 0, digits = 0;
    while (isdigit((unsigned char)*p) && digits < 4) {
        v = v * 10 + (*p - '0');
        p++;
        digits++;
    }
    while (*p == ' ' || *p == ']' || *p == ')')
        p++;
    return digits && !*p ? v : 0;
}

/* Footnote number from an id like "fn3", "fn:3", "footnote-3", "_ftn3";
 * 0 otherwise ("fnref3" is the way back, not the note). */
static int footnote_id(const xmlNode *n)
{
    xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
    int v = 0;
    if (id) {
        const char *s = (const char *)id;
        static const char *const pre[] = {"footnote-", "footnote", "_ftn", "ftn", "fn:", "fn-", "fn", NULL};
        for (int i = 0; pre[i]; i++) {
            size_t pl = strlen(pre[i]);
            if (strncasecmp(s, pre[i], pl) == 0) {
                const char *p = s + pl;
                int digits = 0;
                while (isdigit((unsigned char)*p) && digits < 4) {
                    v = v * 10 + (*p++ - '0');
                    digits++;
                }
                if (!digits || *p)
                    v = 0;
                break;
            }
        }
    }
    xmlFree(id);
    return v;
}

static int is_backref(const xmlNode *n)
{
    if (!name_is(n, "a"))
        return 0;
    xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
    int r = href && href[0] == '#' &&
            (strncasecmp((const char *)href + 1, "fnref", 5) == 0 ||
             strncasecmp((const char *)href + 1, "_ftnref", 7) == 0 ||
             strncasecmp((const char *)href + 1, "ftnref", 6) == 0 ||
             strncasecmp((const char *)href + 1, "footnote-ref", 12) == 0);
    xmlFree(href);
    return r;
}

/* Emits the digits of a marker glued to the text before it, mapped to the
 * marker's own text in the file. */
static void emit_marker(hctx *c, int v)
{
    char digits[16];
    int len = snprintf(digits, sizeof digits, "%d", v);
    size_t q = c->cursor;
    size_t os = c->cursor, oe = c->cursor;
    for (size_t i = c->cursor; i + (size_t)len <= c->src_len && i < c->cursor + 4096; i++)
        if (memcmp(c->src + i, digits, (size_t)len) == 0) {
            os = i;
            oe = q = i + (size_t)len;
            break;
        }
    c->pending_sp = 0;
    flush_ws(c);
    put(c, digits, (size_t)len, os, oe);
    c->cursor = q;
}

static void walk(hctx *c, const xmlNode *n, int depth);

static void walk_children(hctx *c, const xmlNode *n, int depth)
{
    int ol = name_is(n, "ol");
    int item = 0;
    if (ol) {
        xmlChar *st = xmlGetProp(n, (const xmlChar *)"start");
        if (st)
            item = atoi((const char *)st) - 1;
        xmlFree(st);
    }
    for (const xmlNode *k = n->children; k && !c->oom && !c->too_deep; k = k->next) {
        if (ol && k->type == XML_ELEMENT_NODE && name_is(k, "li") && !footnote_id(k))
            c->li_num = ++item;
        walk(c, k, depth + 1);
        c->li_num = 0;
    }
}

static void walk(hctx *c, const xmlNode *n, int depth)
{
    if (depth > CG_IN_MAX_DEPTH) {
        c->too_deep = 1;
        return;
    }
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            text_node(c, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE &&
        n->type != XML_HTML_DOCUMENT_NODE)
        return; /* comments, entity references, processing instructions */
    if (n->type == XML_ELEMENT_NODE) {
        if (is_dropped(n))
            return;
        if (is_backref(n))
            return;
        int mk = marker_number(n);
        if (mk) {
            if (c->skip_fn == mk) {
                c->skip_fn = 0;
                return;
            }
            emit_marker(c, mk);
            return;
        }
        if (name_is(n, "br")) {
            want_nl(c, 1);
            return;
        }
        if (name_is(n, "td") || name_is(n, "th"))
            c->pending_sp = 1;
        int fn = footnote_id(n);
        if (fn) {
            if (!c->sep_done) {
                want_nl(c, 2);
                flush_ws(c);
                put(c, "__________", 10, c->cursor, c->cursor);
                c->sep_done = 1;
            }
            want_nl(c, 1);
            flush_ws(c);
            char num[16];
            int l = snprintf(num, sizeof num, "%d ", fn);
            put(c, num, (size_t)l, c->cursor, c->cursor);
            c->skip_fn = fn;
            walk_children(c, n, depth);
            c->skip_fn = 0;
            want_nl(c, 1);
            return;
        }
        if (is_block(n))
            want_nl(c, c->sep_done ? 1 : 2);
        if (c->li_num && name_is(n, "li")) {
            /* "1. Takes note": the number the browser would draw */
            char num[16];
            int l = snprintf(num, sizeof num, "%d. ", c->li_num);
            c->li_num = 0;
            flush_ws(c);
            put(c, num, (size_t)l, c->cursor, c->cursor);
        }
        walk_children(c, n, depth);
        if (is_block(n))
            want_nl(c, c->sep_done ? 1 : 2);
        return;
    }
    walk_children(c, n, depth);
}

cg_status cg_input_html(const char *data, size_t len, const char *path,
                        const cg_extract_opts *opts, cg_doc ***docs,
                        size_t *n_docs, cg_error *err)
{
    cg_status rc = CG_OK;
    htmlDocPtr doc = NULL;
    cg_doc *d = NULL;
    hctx c;
    memset(&c, 0, sizeof c);
    cg_buf_init(&c.out);
    c.src = data;
    c.src_len = len;
    if (len > (size_t)INT32_MAX) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: file too large for the HTML reader", path);
        goto done;
    }
    cg_input_xml_init();
    doc = htmlReadMemory(data, (int)len, path, NULL,
                         HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (!doc) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: cannot parse as HTML", path);
        goto done;
    }
    walk(&c, (const xmlNode *)doc, 0);
    if (c.too_deep) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: HTML nested deeper than %d elements", path,
                          CG_IN_MAX_DEPTH);
        goto done;
    }
    if (!c.oom && (c.out.len == 0 || last_char(&c) != '\n'))
        put(&c, "\n", 1, len, len);
    if (c.oom) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    rc = cg_extract_text(c.out.data, c.out.len, path, opts, &d, err);
    if (rc != CG_OK)
        goto done;
    for (size_t i = 0; i < d->n_mentions; i++) {
        cg_mention *m = &d->mentions[i];
        size_t s = m->start, e = m->end;
        if (s < c.out.len)
            m->start = c.ms[s];
        if (e > s && e - 1 < c.out.len)
            m->end = c.me[e - 1];
        if (m->end < m->start)
            m->end = m->start;
    }
    rc = cg_input_push(docs, n_docs, d, path, err);
    d = NULL;
done:
    cg_doc_free(d);
    if (doc)
        xmlFreeDoc(doc);
    cg_buf_destroy(&c.out);
    free(c.ms);
    free(c.me);
    return rc;
}
