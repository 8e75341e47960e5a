/*
 * input_detect.c - which reader a file needs, told from its content, and
 * the small helpers the readers share (document arrays, UN symbols found
 * in catalogue fields, link targets and link texts).
 *
 * Content wins over the extension: users rename files, save HTML as .txt,
 * and the UN Digital Library exports MARCXML as plain ".xml".  The
 * extension decides only what the first bytes leave open, and a ".pdf"
 * that is not a PDF is still sent to the PDF reader so that the user hears
 * "not a PDF" rather than garbage citations from binary text.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "canon.h"
#include "cg_util.h"
#include "input.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t pdf_mutex = PTHREAD_MUTEX_INITIALIZER;

static void xml_init(void)
{
    xmlInitParser();
}

void cg_input_xml_init(void)
{
    pthread_once(&xml_once, xml_init);
}

void cg_input_pdf_lock(void)
{
    pthread_mutex_lock(&pdf_mutex);
}

void cg_input_pdf_unlock(void)
{
    pthread_mutex_unlock(&pdf_mutex);
}

cg_input_format cg_input_format_from_name(const char *name)
{
    static const struct { const char *name; cg_input_format f; } tab[] = {
        {"text", CG_IN_TEXT}, {"txt", CG_IN_TEXT}, {"pdf", CG_IN_PDF},
        {"html", CG_IN_HTML}, {"htm", CG_IN_HTML}, {"marcxml", CG_IN_MARCXML},
        {"marc", CG_IN_MARCXML}, {"akn", CG_IN_AKN}, {"akomantoso", CG_IN_AKN},
    };
    if (!name)
        return CG_IN_AUTO;
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcasecmp(name, tab[i].name) == 0)
            return tab[i].f;
    return CG_IN_AUTO;
}

static int has_ext(const char *path, const char *ext)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && strcasecmp(dot + 1, ext) == 0;
}

static const char *find_bytes(const char *h, size_t hn, const char *nd)
{
    size_t nn = strlen(nd);
    for (size_t i = 0; i + nn <= hn; i++)
        if (memcmp(h + i, nd, nn) == 0)
            return h + i;
    return NULL;
}

/* Past the XML prolog: declarations, comments, processing instructions
 * and a DOCTYPE (with its internal subset).  Returns the offset of the
 * root element's '<', or len when there is none in the window.  Sets
 * *html_doctype when the DOCTYPE names html. */
static size_t root_start(const char *s, size_t len, int *html_doctype)
{
    size_t i = 0;
    *html_doctype = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i >= len || s[i] != '<')
            return len;
        if (i + 1 < len && s[i + 1] == '?') {
            const char *e = find_bytes(s + i, len - i, "?>");
            if (!e)
                return len;
            i = (size_t)(e - s) + 2;
        } else if (i + 3 < len && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = find_bytes(s + i + 4, len - i - 4, "-->");
            if (!e)
                return len;
            i = (size_t)(e - s) + 3;
        } else if (i + 9 < len && strncasecmp(s + i, "<!DOCTYPE", 9) == 0) {
            size_t k = i + 9;
            while (k < len && isspace((unsigned char)s[k]))
                k++;
            if (k + 4 <= len && strncasecmp(s + k, "html", 4) == 0)
                *html_doctype = 1;
            int subset = 0;
            while (k < len && (s[k] != '>' || subset)) {
                if (s[k] == '[')
                    subset = 1;
                else if (s[k] == ']')
                    subset = 0;
                k++;
            }
            if (k >= len)
                return len;
            i = k + 1;
        } else {
            return i;
        }
    }
    return len;
}

cg_input_format cg_input_detect(const char *data, size_t len, const char *path)
{
    const char *s = data;
    size_t n = len;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    /* the PDF header may follow a little junk (PDF 1.7, annex H.3) */
    size_t win = n < 1024 ? n : 1024;
    if (find_bytes(s, win, "%PDF-"))
        return CG_IN_PDF;
    size_t lead = 0;
    while (lead < n && isspace((unsigned char)s[lead]))
        lead++;
    if (lead < n && s[lead] == '<') {
        /* the prolog of a real export (comments, a long DOCTYPE) fits */
        size_t xwin = n < 65536 ? n : 65536;
        int html_doctype;
        size_t r = root_start(s, xwin, &html_doctype);
        if (html_doctype)
            return CG_IN_HTML;
        if (r < xwin) {
            size_t e = r + 1;
            while (e < xwin && !isspace((unsigned char)s[e]) && s[e] != '>' && s[e] != '/')
                e++;
            const char *name = s + r + 1;
            size_t nl = e - (r + 1);
            const char *colon = memchr(name, ':', nl);
            if (colon) { /* local name of a prefixed root */
                nl -= (size_t)(colon + 1 - name);
                name = colon + 1;
            }
            if ((nl == 10 && memcmp(name, "collection", 10) == 0) ||
                (nl == 6 && memcmp(name, "record", 6) == 0)) {
                if (find_bytes(s + r, xwin - r, "http://www.loc.gov/MARC21/slim"))
                    return CG_IN_MARCXML;
            }
            if (nl == 10 && memcmp(name, "akomaNtoso", 10) == 0)
                return CG_IN_AKN;
            if (nl == 4 && strncasecmp(name, "html", 4) == 0)
                return CG_IN_HTML;
        }
    }
    if (has_ext(path, "pdf"))
        return CG_IN_PDF;
    if (has_ext(path, "html") || has_ext(path, "htm") || has_ext(path, "xhtml"))
        return CG_IN_HTML;
    if (has_ext(path, "akn"))
        return CG_IN_AKN;
    return CG_IN_TEXT;
}

cg_status cg_input_push(cg_doc ***docs, size_t *n_docs, cg_doc *d, const char *path, cg_error *err)
{
    cg_doc **nd = realloc(*docs, (*n_docs + 1) * sizeof *nd);
    if (!nd) {
        cg_doc_free(d);
        return cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
    }
    *docs = nd;
    nd[(*n_docs)++] = d;
    return CG_OK;
}

int cg_input_canon_symbol(char *out, const char *s, size_t n)
{
    size_t o = 0;
    int depth = 0;
    for (size_t i = 0; i < n && o + 1 < CG_ID_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c) || c == '*')
            continue;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    for (size_t i = 0; i < o; i++)
        depth += out[i] == '(' ? 1 : out[i] == ')' ? -1 : 0;
    while (o > 0 && strchr(".,;:-/(", out[o - 1]) != NULL) {
        depth -= out[o - 1] == '(';
        o--;
    }
    while (o > 0 && out[o - 1] == ')' && depth < 0) {
        depth++;
        o--;
    }
    out[o] = '\0';
    if (o < 3 || !strchr(out, '/'))
        return -1;
    for (size_t i = 0; i < o && out[i] != '/'; i++)
        out[i] = (char)toupper((unsigned char)out[i]);
    return 0;
}

static int symbol_char(unsigned char c)
{
    return isalnum(c) || c == '/' || c == '.' || c == '-' || c == '(' || c == ')';
}

int cg_input_find_symbol(char *out, const char *s, size_t n)
{
    /* series that open a UN symbol; longer ones first */
    static const char *const series[] = {"CTOC/", "UNEP/", "ST/", "TD/", "DP/", "A/", "S/", "E/"};
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.'))
            continue;
        for (size_t k = 0; k < sizeof series / sizeof series[0]; k++) {
            size_t sl = strlen(series[k]);
            if (i + sl >= n || memcmp(s + i, series[k], sl) != 0 ||
                !isalnum((unsigned char)s[i + sl]))
                continue;
            size_t e = i + sl;
            for (;;) {
                while (e < n && symbol_char((unsigned char)s[e]))
                    e++;
                /* "S/RES/2771 (2025)": the year in brackets after a space */
                if (e + 2 < n && s[e] == ' ' && s[e + 1] == '(' &&
                    isalnum((unsigned char)s[e + 2])) {
                    e++;
                    continue;
                }
                break;
            }
            if (cg_input_canon_symbol(out, s + i, e - i) == 0)
                return 0;
        }
    }
    return -1;
}

int cg_input_year_of_id(const char *id)
{
    const char *p = strchr(id, '(');
    if (p && isdigit((unsigned char)p[1])) {
        int y = atoi(p + 1);
        if (y >= 1945 && y <= 2100)
            return y;
    }
    /* "E/2025/65", "S/2025/258": a year series after the first slash */
    p = strchr(id, '/');
    while (p) {
        if (isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]) && isdigit((unsigned char)p[4]) && p[5] == '/') {
            int y = atoi(p + 1);
            if (y >= 1946 && y <= 2100)
                return y;
        }
        p = strchr(p + 1, '/');
    }
    return 0;
}
