/*
 * input_marc.c - UN Digital Library MARCXML exports, read as a stream
 * (libxml2 xmlTextReader) so that an export of any size needs memory for
 * one record at a time.
 *
 * Each <record> becomes one document:
 *   191 $a  its symbol (the id: spaces removed)
 *   245     title: $a and $b without the ISBD punctuation (" :", " /")
 *   269 $a  date ("2023-11-08", "20231108" or a bare year)
 *   993 $a  a related document (draft -> resolution -> committee report):
 *           a mention with verb "related", part "body"
 * A record without a 191 has no symbol to stand for and is skipped.
 * Mention spans locate the 993 $a value in the file (searched forward).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "canon.h"
#include "cg_util.h"
#include "input.h"

#define MARC_NS "http://www.loc.gov/MARC21/slim"
#define MARC_MAX_RELATED 256

typedef struct marc_related {
    char *value;           /* malloc'ed */
    size_t start, end;     /* in the file, or 0,0 if not found */
} marc_related;

/* What one record collected so far.  Owns its strings. */
typedef struct marc_rec {
    char *symbol, *title_a, *title_b, *date;
    marc_related rel[MARC_MAX_RELATED];
    size_t n_rel;
} marc_rec;

static void rec_clear(marc_rec *r)
{
    free(r->symbol);
    free(r->title_a);
    free(r->title_b);
    free(r->date);
    for (size_t i = 0; i < r->n_rel; i++)
        free(r->rel[i].value);
    memset(r, 0, sizeof *r);
}

/* Reader state; `first_error` keeps libxml2's first message. */
typedef struct marc_ctx {
    const char *data;
    size_t len, cursor;    /* cursor: where the next value search starts */
    char first_error[256];
} marc_ctx;

static void marc_error(void *arg, xmlErrorPtr e)
{
    marc_ctx *c = arg;
    if (c->first_error[0] || !e)
        return;
    snprintf(c->first_error, sizeof c->first_error, "line %d: %s", e->line,
             e->message ? e->message : "XML error");
    size_t n = strlen(c->first_error);
    while (n && (c->first_error[n - 1] == '\n' || c->first_error[n - 1] == ' '))
        c->first_error[--n] = '\0';
}

/* ISBD punctuation at the end of a MARC subfield: "Title :", "draft /". */
static size_t trim_isbd(const char *s)
{
    size_t n = strlen(s);
    while (n && (isspace((unsigned char)s[n - 1]) || strchr(":/;,=", s[n - 1])))
        n--;
    return n;
}

/* "2023-11-08", "20231108", "2023" -> ISO date (or "") and year. */
static void marc_date(const char *s, char *iso, size_t cap, int *year)
{
    int y = 0, m = 0, d = 0;
    iso[0] = '\0';
    *year = 0;
    while (*s && isspace((unsigned char)*s))
        s++;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 ||
        (strlen(s) >= 8 && isdigit((unsigned char)s[7]) && sscanf(s, "%4d%2d%2d", &y, &m, &d) == 3)) {
        if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
            snprintf(iso, cap, "%04d-%02d-%02d", y, m, d);
            *year = y;
            return;
        }
    }
    if (sscanf(s, "%4d", &y) == 1 && y >= 1900 && y <= 2200)
        *year = y;
}

static const char *adup(cg_doc *d, const char *s, size_t n, int *oom)
{
    const char *r = cg_arena_strndup(d->arena, s, n);
    if (!r) {
        *oom = 1;
        return "";
    }
    return r;
}

/* Makes the document of one record and appends it; 0, -1 on OOM. */
static int emit_record(marc_rec *r, const char *path,
                       cg_doc ***docs, size_t *n_docs)
{
    char id[CG_ID_MAX];
    if (!r->symbol || cg_input_canon_symbol(id, r->symbol, strlen(r->symbol)) != 0)
        return 0;
    cg_doc *d = cg_doc_new();
    int oom = 0;
    if (!d)
        return -1;
    const char *kind, *body;
    cg_symbol_kind_body(id, &kind, &body);
    d->meta.id = adup(d, id, strlen(id), &oom);
    d->meta.kind = kind;
    d->meta.body = body;
    d->meta.path = adup(d, path, strlen(path), &oom);
    char title[1024] = "";
    if (r->title_a) {
        size_t na = trim_isbd(r->title_a), nb = r->title_b ? trim_isbd(r->title_b) : 0;
        if (nb)
            snprintf(title, sizeof title, "%.*s : %.*s", (int)na, r->title_a, (int)nb, r->title_b);
        else
            snprintf(title, sizeof title, "%.*s", (int)na, r->title_a);
    }
    d->meta.title = adup(d, title, strlen(title), &oom);
    char iso[32];
    int year = 0;
    marc_date(r->date ? r->date : "", iso, sizeof iso, &year);
    d->meta.date = adup(d, iso, strlen(iso), &oom);
    d->meta.year = year ? year : cg_input_year_of_id(id);
    for (size_t i = 0; i < r->n_rel && !oom; i++) {
        char tid[CG_ID_MAX];
        if (cg_input_canon_symbol(tid, r->rel[i].value, strlen(r->rel[i].value)) != 0)
            continue;
        cg_mention *m = cg_doc_add_mention(d);
        if (!m) {
            oom = 1;
            break;
        }
        const char *tk, *tb;
        cg_symbol_kind_body(tid, &tk, &tb);
        m->target = adup(d, tid, strlen(tid), &oom);
        m->kind = tk;
        m->body = tb;
        m->verb = "related";
        m->part = "body";
        m->text = adup(d, r->rel[i].value, strlen(r->rel[i].value), &oom);
        m->year = cg_input_year_of_id(tid);
        m->start = r->rel[i].start;
        m->end = r->rel[i].end;
        m->confidence = 1.0; /* the catalogue says so: kept at any --min-confidence */
    }
    if (oom) {
        cg_doc_free(d);
        return -1;
    }
    return cg_input_push(docs, n_docs, d, path, NULL) == CG_OK ? 0 : -1;
}

/* Where value (as the parser decoded it) sits in the file, searched
 * forward from the cursor so that repeated values get their own place. */
static void locate(marc_ctx *c, const char *value, size_t *start, size_t *end)
{
    size_t n = strlen(value);
    *start = *end = 0;
    if (n == 0)
        return;
    for (size_t i = c->cursor; i + n <= c->len; i++) {
        if (c->data[i] == value[0] && memcmp(c->data + i, value, n) == 0) {
            *start = i;
            *end = i + n;
            c->cursor = i + n;
            return;
        }
    }
}

static int is_marc(xmlTextReaderPtr rd, const char *local)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(rd);
    const xmlChar *ln = xmlTextReaderConstLocalName(rd);
    return ns && ln && strcmp((const char *)ns, MARC_NS) == 0 &&
           strcmp((const char *)ln, local) == 0;
}

static char *attr(xmlTextReaderPtr rd, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

cg_status cg_input_marc(const char *data, size_t len, const char *path,
                        const cg_extract_opts *opts, cg_doc ***docs,
                        size_t *n_docs, cg_error *err)
{
    cg_status rc = CG_OK;
    (void)opts; /* catalogue links carry no confidence to filter on */
    marc_ctx c;
    marc_rec rec;
    memset(&c, 0, sizeof c);
    memset(&rec, 0, sizeof rec);
    c.data = data;
    c.len = len;
    char tag[8] = "", code[4] = "";
    int in_record = 0, in_sub = 0;
    size_t records = 0;
    cg_buf val;
    cg_buf_init(&val);
    xmlTextReaderPtr rd = NULL;
    if (len > (size_t)INT32_MAX) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: file too large for the XML reader", path);
        goto done;
    }
    /* no NOENT, no DTDLOAD, no HUGE: see input.h */
    cg_input_xml_init();
    rd = xmlReaderForMemory(data, (int)len, path, NULL, CG_IN_XML_OPTS);
    if (!rd) {
        rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    xmlTextReaderSetStructuredErrorHandler(rd, marc_error, &c);
    int ret;
    while ((ret = xmlTextReaderRead(rd)) == 1) {
        int type = xmlTextReaderNodeType(rd);
        if (xmlTextReaderDepth(rd) > CG_IN_MAX_DEPTH) {
            rc = cg_error_set(err, CG_ERR_INPUT, "%s: XML nested deeper than %d elements", path,
                              CG_IN_MAX_DEPTH);
            goto done;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            if (is_marc(rd, "record")) {
                rec_clear(&rec);
                in_record = 1;
                records++;
            } else if (in_record && is_marc(rd, "datafield")) {
                char *t = attr(rd, "tag");
                snprintf(tag, sizeof tag, "%s", t ? t : "");
                xmlFree(t);
            } else if (in_record && is_marc(rd, "subfield") && !xmlTextReaderIsEmptyElement(rd)) {
                char *cd = attr(rd, "code");
                snprintf(code, sizeof code, "%s", cd ? cd : "");
                xmlFree(cd);
                in_sub = 1;
                cg_buf_clear(&val);
            }
        } else if (in_sub && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                              type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
            /* entity references are left unexpanded: their text is lost,
             * never fetched */
            const xmlChar *v = xmlTextReaderConstValue(rd);
            if (v)
                cg_buf_puts(&val, (const char *)v);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (in_sub && is_marc(rd, "subfield")) {
                in_sub = 0;
                if (val.oom)
                    goto oom;
                const char *v = cg_buf_str(&val);
                char **slot = NULL;
                if (strcmp(tag, "191") == 0 && strcmp(code, "a") == 0 && !rec.symbol)
                    slot = &rec.symbol;
                else if (strcmp(tag, "245") == 0 && strcmp(code, "a") == 0 && !rec.title_a)
                    slot = &rec.title_a;
                else if (strcmp(tag, "245") == 0 && strcmp(code, "b") == 0 && !rec.title_b)
                    slot = &rec.title_b;
                else if (strcmp(tag, "269") == 0 && strcmp(code, "a") == 0 && !rec.date)
                    slot = &rec.date;
                if (slot) {
                    *slot = strdup(v);
                    if (!*slot)
                        goto oom;
                } else if (strcmp(tag, "993") == 0 && strcmp(code, "a") == 0 &&
                           rec.n_rel < MARC_MAX_RELATED) {
                    marc_related *m = &rec.rel[rec.n_rel];
                    m->value = strdup(v);
                    if (!m->value)
                        goto oom;
                    locate(&c, v, &m->start, &m->end);
                    rec.n_rel++;
                }
            } else if (is_marc(rd, "datafield")) {
                tag[0] = '\0';
            } else if (in_record && is_marc(rd, "record")) {
                in_record = 0;
                if (emit_record(&rec, path, docs, n_docs) != 0)
                    goto oom;
                rec_clear(&rec);
            }
        }
    }
    if (ret != 0) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: malformed XML: %s", path,
                          c.first_error[0] ? c.first_error : "parse error");
        goto done;
    }
    if (records == 0)
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: no MARC21 <record> in the file", path);
    goto done;
oom:
    rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
done:
    rec_clear(&rec);
    cg_buf_destroy(&val);
    xmlFreeTextReader(rd);
    return rc;
}
