/*
 * extract.c - the citation recognizer.
 *
 * Turns the token stream of scan.c into citation mentions with canonical
 * ids (canon.c), and works out where each sits in the document: header,
 * preamble or operative part, paragraph label and lead verb, footnote.
 *
 * Design: every recognizer starts at a trigger token ("resolution",
 * a symbol's series letters, "Treaty Series", "Ibid", "Convention",
 * "Protocol") and reads a bounded window around it: up to 14 words back
 * for the body that is named, a few dozen tokens forward for the list of
 * numbers and what follows it.  The main loop resumes after what was
 * consumed.  There is no backtracking over the text, so the whole pass is
 * linear in its length (tests/unit/test_scan_linear.c checks it).
 *
 * Which body a bare number belongs to is the hard part; the rules, in
 * order, are in emit_item(): a body named with the reference, the number's
 * form (NNN (YYYY) is the Security Council's, roman sessions the
 * Assembly's), then the citing document's body, with sessions a body
 * never held and organs outside the model ruled out.
 *
 * Must never print or abort; on OOM it reports CG_ERR_NOMEM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "canon.h"
#include "cg_util.h"
#include "extract.h"
#include "scan.h"

/* A session's report may reproduce a hundred adopted texts (ESCAP's
 * eighty-first: 4 resolutions and 29 decisions). */
#define CG_OWN_ADOPTED_MAX 128

enum part { P_HEADER, P_PREAMBLE, P_OPERATIVE, P_BODY, P_FOOTNOTE };
static const char *const part_names[] = {"header", "preamble", "operative",
                                         "body", "footnote"};

typedef struct line_info {
    uint8_t part;
    int16_t fn;      /* footnote number of a footnote line, -1 unknown, 0 none */
    int32_t para;    /* index into ctx.paras, -1 none */
} line_info;

/* Paragraph labels and verbs live in the document's arena: mentions point
 * at them after the extraction's own tables are gone. */
typedef struct para_rec {
    const char *label;
    const char *verb;
} para_rec;

typedef struct marker {
    int fn;
    int32_t para;
} marker;

typedef struct ctx {
    const char *text;
    size_t len;
    cg_scan sc;
    cg_doc *doc;
    const cg_extract_opts *opts;
    cg_body own_body;
    char own_id[CG_ID_MAX];
    char own_parts[4][CG_ID_MAX];
    size_t n_own_parts;
    line_info *li;
    para_rec *paras;
    size_t n_paras, cap_paras;
    marker *markers;
    size_t n_markers, cap_markers;
    /* "Ibid." state: the last target cited in a footnote */
    char last_fn_id[CG_ID_MAX];
    const char *last_fn_kind, *last_fn_body;
    int last_treaty_league;
    /* numbers of the decisions and resolutions this document adopts
     * itself (headings "Decision 2025/101"): not citations */
    char own_adopted[CG_OWN_ADOPTED_MAX][16];
    size_t n_own_adopted;
    /* the last resolution list: where it ended and whose it was */
    size_t last_list_end;
    int last_list_nk;
    cg_body last_list_nb;
    long last_treaty_vol, last_treaty_no;
    int oom;
} ctx;

/* ------------------------------------------------------------------ */
/* small token helpers                                                 */

/* memmem is a GNU extension; this is the plain version. */
static const char *cg_memmem(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0 || hn < nn)
        return NULL;
    const char *p = h, *last = h + hn - nn;
    while (p <= last) {
        p = memchr(p, nd[0], (size_t)(last - p) + 1);
        if (!p)
            return NULL;
        if (memcmp(p, nd, nn) == 0)
            return p;
        p++;
    }
    return NULL;
}

static const cg_tok *tk(const ctx *c, size_t i)
{
    return i < c->sc.n_toks ? &c->sc.toks[i] : NULL;
}

static int tok_is(const ctx *c, size_t i, const char *w)
{
    const cg_tok *t = tk(c, i);
    if (!t || t->type != CG_T_WORD)
        return 0;
    size_t n = strlen(w);
    return t->end - t->start == n && strncmp(c->text + t->start, w, n) == 0;
}

static int tok_is_ci(const ctx *c, size_t i, const char *w)
{
    const cg_tok *t = tk(c, i);
    if (!t || t->type != CG_T_WORD)
        return 0;
    size_t n = strlen(w);
    return t->end - t->start == n && strncasecmp(c->text + t->start, w, n) == 0;
}

static int tok_punct(const ctx *c, size_t i, int ch)
{
    const cg_tok *t = tk(c, i);
    return t && t->type == CG_T_PUNCT && t->ch == ch;
}

static int tok_num(const ctx *c, size_t i)
{
    const cg_tok *t = tk(c, i);
    return t && t->type == CG_T_NUM;
}

/* Token i directly follows token i-1 (no space, same line). */
static int glued(const ctx *c, size_t i)
{
    const cg_tok *t = tk(c, i);
    return t && i > 0 && !t->sp && !t->nl;
}

static size_t tok_len(const ctx *c, size_t i)
{
    return c->sc.toks[i].end - c->sc.toks[i].start;
}

static int roman_tok(const ctx *c, size_t i)
{
    const cg_tok *t = tk(c, i);
    if (!t || t->type != CG_T_WORD)
        return 0;
    return cg_roman_value(c->text + t->start, t->end - t->start);
}

static int month_tok(const ctx *c, size_t i)
{
    static const char *const months[] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    for (int m = 0; m < 12; m++)
        if (tok_is(c, i, months[m]))
            return m + 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* mentions                                                            */

static const char *dup(ctx *c, const char *s)
{
    char *p = cg_arena_strdup(c->doc->arena, s);
    if (!p)
        c->oom = 1;
    return p ? p : "";
}

static const char *dupn(ctx *c, const char *s, size_t n)
{
    char *p = cg_arena_strndup(c->doc->arena, s, n);
    if (!p)
        c->oom = 1;
    return p ? p : "";
}

static int is_own(const ctx *c, const char *id)
{
    if (strcmp(id, c->own_id) == 0)
        return 1;
    for (size_t i = 0; i < c->n_own_parts; i++)
        if (strcmp(id, c->own_parts[i]) == 0)
            return 1;
    return 0;
}

static int year_of_id(const char *id)
{
    /* a Treaty Series volume or an ILO number is no year */
    if (strncmp(id, "UNTS/", 5) == 0 || strncmp(id, "LNTS/", 5) == 0 || strncmp(id, "ILO/", 4) == 0)
        return 0;
    /* S/RES/1325(2000) */
    const char *p = strchr(id, '(');
    if (p && cg_isdigit((unsigned char)p[1]) && strlen(p) >= 6 && p[5] == ')')
        return atoi(p + 1);
    /* A/RES/64/293: session 64 ran from September 2009 */
    if (strncmp(id, "A/RES/", 6) == 0 || strncmp(id, "A/DEC/", 6) == 0) {
        const char *q = id + 6;
        if (cg_isdigit((unsigned char)*q) && strchr(q, '/'))
            return 1945 + atoi(q);
        if (p) { /* 1514(XV) */
            char rom[16];
            size_t n = 0;
            for (const char *r = p + 1; *r && *r != ')' && n < sizeof rom - 1; r++)
                rom[n++] = *r;
            int v = cg_roman_value(rom, n);
            if (v)
                return 1945 + v;
        }
    }
    /* E/RES/2017/18, A/74/127 */
    const char *s = strchr(id, '/');
    while (s) {
        if (cg_isdigit((unsigned char)s[1])) {
            int v = atoi(s + 1);
            if (v >= 1946 && v <= 2100)
                return v;
            break;
        }
        s = strchr(s + 1, '/');
    }
    return 0;
}

/* Records one mention of `id` spanning text[start, end). */
static void emit(ctx *c, const char *id, const char *kind, const char *body,
                 size_t start, size_t end, uint32_t line, const char *locator,
                 double confidence)
{
    if (is_own(c, id) || c->oom)
        return;
    if (c->opts && confidence < c->opts->min_confidence)
        return;
    cg_mention *m = cg_doc_add_mention(c->doc);
    if (!m) {
        c->oom = 1;
        return;
    }
    m->target = dup(c, id);
    m->kind = kind;
    m->body = body;
    m->start = start;
    m->end = end;
    m->text = dupn(c, c->text + start, end - start);
    m->locator = locator && *locator ? dup(c, locator) : "";
    m->confidence = confidence;
    m->year = year_of_id(id);
    const line_info *li = &c->li[line];
    m->part = part_names[li->part];
    if (li->part == P_FOOTNOTE) {
        m->footnote = li->fn > 0 ? li->fn : 0;
        snprintf(c->last_fn_id, sizeof c->last_fn_id, "%s", id);
        c->last_fn_kind = kind;
        c->last_fn_body = body;
    } else if (li->para >= 0) {
        m->para = c->paras[li->para].label;
        m->verb = c->paras[li->para].verb;
    }
}

static void emit_symbol_id(ctx *c, const char *id, size_t s, size_t e,
                           uint32_t line, const char *loc)
{
    const char *kind, *body;
    cg_symbol_kind_body(id, &kind, &body);
    emit(c, id, kind, body, s, e, line, loc, 1.0);
}

/* ------------------------------------------------------------------ */
/* locators: ", chap. V, sect. A", ", annex", ", para. 26"             */

static int locator_word(const char *p, size_t n)
{
    static const char *const words[] = {"chap.", "sect.", "annex", "para.",
                                        "paras.", "Part", "part", "appendix",
                                        "enclosure", "p.", "pp.", "vol.",
                                        "chaps.", "sects.", "annexes", NULL};
    for (int i = 0; words[i]; i++) {
        size_t w = strlen(words[i]);
        if (n >= w && strncmp(p, words[i], w) == 0)
            return 1;
    }
    return 0;
}

/* Reads a locator starting at byte `pos` (just after a reference), into
 * out.  Returns the byte offset after it (pos when none). */
static size_t read_locator(const ctx *c, size_t pos, char *out, size_t cap)
{
    out[0] = '\0';
    const char *t = c->text;
    size_t i = pos, len = c->len;
    if (i < len && t[i] == ')')
        i++;
    size_t o = 0;
    for (int seg = 0; seg < 4; seg++) {
        size_t j = i;
        int paren = 0;
        if (j < len && t[j] == ',') {
            j++;
        } else if (j + 1 < len && t[j] == ' ' && t[j + 1] == '(') {
            j += 2;
            paren = 1;
        } else {
            break;
        }
        while (j < len && t[j] == ' ')
            j++;
        if (!locator_word(t + j, len - j))
            break;
        size_t k = j;
        /* up to the next ',' ';' ')' or sentence end */
        while (k < len && t[k] != ',' && t[k] != ';' && t[k] != ')' &&
               t[k] != '\n' && k - j < 60) {
            if (t[k] == '.' && (k + 1 >= len || t[k + 1] == '\n' ||
                                (t[k + 1] == ' ' && k + 2 < len && cg_isupper((unsigned char)t[k + 2]) &&
                                 !(k >= 4 && strncmp(t + k - 4, "chap", 4) == 0) &&
                                 !(k >= 4 && strncmp(t + k - 4, "sect", 4) == 0))))
                break;
            k++;
        }
        if (k < len && t[k] == '.' && k > j && (t[k - 1] == 'p' || t[k - 1] == 't' || t[k - 1] == 's'))
            k++; /* keep "chap." whole */
        size_t n = k - j;
        while (n > 0 && (t[j + n - 1] == '.' || t[j + n - 1] == ' '))
            n--;
        if (n == 0 || o + n + 3 >= cap)
            break;
        if (o) {
            out[o++] = ',';
            out[o++] = ' ';
        }
        memcpy(out + o, t + j, n);
        o += n;
        out[o] = '\0';
        i = k;
        if (paren && i < len && t[i] == ')')
            i++;
    }
    return o ? i : pos;
}

/* ------------------------------------------------------------------ */
/* document symbols                                                    */

/* Parses one symbol's bytes starting at pos.  Returns the end offset
 * (exclusive) or 0 when there is no symbol there.  A line break right
 * after '/' is allowed (symbols broken by PDF line wrapping). */
/* Letters, possibly joined by hyphens ("FPA-ICEF"). */
static int all_letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!cg_isalpha((unsigned char)s[i]) && s[i] != '-')
            return 0;
    return n > 0;
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!cg_isdigit((unsigned char)s[i]))
            return 0;
    return n > 0;
}

/* Treaty bodies number combined periodic reports "8-9". */
static int treaty_body_series(const char *s, size_t n)
{
    static const char *const tb[] = {"CEDAW", "CRC", "CRPD", "CERD", "CCPR", "CAT", "CMW", "CED", NULL};
    for (int k = 0; tb[k]; k++)
        if (n == strlen(tb[k]) && memcmp(s, tb[k], n) == 0)
            return 1;
    return 0;
}

static size_t symbol_span(const ctx *c, size_t pos)
{
    const char *t = c->text;
    size_t len = c->len, i = pos;
    size_t series = 0;
    while (i < len && series < 16 &&
           (cg_isalpha((unsigned char)t[i]) ||
            /* "DP-FPA/2025/1": boards shared by several organs */
            (t[i] == '-' && series > 0 && i + 1 < len && cg_isupper((unsigned char)t[i + 1])))) {
        i++;
        series++;
    }
    int upper = 1;
    for (size_t k = pos; k < pos + series; k++)
        if (!cg_isupper((unsigned char)t[k]) && t[k] != '-')
            upper = 0;
    /* a numbered series: "GEGN.2/2025/1" (the Group of Experts on
     * Geographical Names since 2017) */
    if (upper && series >= 3 && i + 2 < len && t[i] == '.' && cg_isdigit((unsigned char)t[i + 1])) {
        size_t q = i + 1;
        while (q < len && q < i + 4 && cg_isdigit((unsigned char)t[q]))
            q++;
        if (q < len && t[q] == '/')
            i = q;
    }
    if (series == 0 || i >= len || t[i] != '/')
        return 0;
    if (!upper && !(series == 1 && strchr("sae", t[pos])))
        return 0;
    int digits = 0, comps = 0, numeric = 0;
    size_t end = i;
    while (i < len && (t[i] == '/' || (t[i] == '\n' && i + 2 < len && t[i + 1] == '/' &&
                                       cg_isalpha((unsigned char)t[i + 2]) && comps >= 3))) {
        if (t[i] == '\n')
            i++; /* "E/ESCWA/EC.9/2024/17\n/Report": wrapped before the slash */
        size_t j = i + 1;
        /* OCR'd "S/ 13697": a space after the series, before a long number */
        if (comps == 0 && series <= 2 && j + 5 < len && t[j] == ' ' && cg_isdigit((unsigned char)t[j + 1]) &&
            cg_isdigit((unsigned char)t[j + 2]) && cg_isdigit((unsigned char)t[j + 3]) &&
            cg_isdigit((unsigned char)t[j + 4]))
            j++;
        /* wrapped after the slash ("A/\n79/1"); not for a one-letter
         * series outside the UN's ("13 June 1992 Q/\n13 June 1992") */
        if (j < len && t[j] == '\n' && (series > 1 || strchr("AEST", t[pos])))
            j++;
        size_t cs = j;
        for (;;) {
            size_t k = j;
            while (k < len && cg_isalnum((unsigned char)t[k])) {
                if (cg_isdigit((unsigned char)t[k]))
                    digits = 1;
                k++;
            }
            if (k == j)
                break;
            j = k;
            /* "CN.4", "Rev.1", "L.49": a dot inside a component; OCR'd
             * "Add. 1" keeps its number */
            if (j + 1 < len && t[j] == '.' && cg_isalnum((unsigned char)t[j + 1]))
                j++;
            else if (j + 2 < len && t[j] == '.' && t[j + 1] == ' ' && cg_isdigit((unsigned char)t[j + 2]) &&
                     j - cs >= 3 && (strncmp(t + j - 3, "Add", 3) == 0 || strncmp(t + j - 3, "Rev", 3) == 0 ||
                                     (j - cs >= 4 && strncmp(t + j - 4, "Corr", 4) == 0)))
                j += 2;
            /* "ES-10", "S-26" */
            else if (j + 1 < len && t[j] == '-' && cg_isdigit((unsigned char)t[j + 1]) &&
                     ((j - cs == 2 && strncmp(t + cs, "ES", 2) == 0) ||
                      (j - cs == 1 && t[cs] == 'S')))
                j++;
            /* "FPA-ICEF-UNW": letters joined by hyphens inside a component
             * (a joint symbol instead follows a component ending in a
             * number: "A/79/716-S/2025/18") */
            else if (j + 1 < len && t[j] == '-' && cg_isupper((unsigned char)t[j + 1]) &&
                     all_letters(t + cs, j - cs))
                j++;
            /* "CEDAW/C/BRA/8-9", "CRPD/C/AUT/CO/2-3": combined periodic
             * reports of a treaty body keep their range */
            else if (j + 1 < len && t[j] == '-' && cg_isdigit((unsigned char)t[j + 1]) &&
                     all_digits(t + cs, j - cs) && treaty_body_series(t + pos, series))
                j++;
            /* WFP's Executive Board letters the items of an agenda entry:
             * "WFP/EB.1/2024/8-A", "WFP/EB.A/2024/6-(A,B,C,D,E,F,G,H)/2"
             * ("6-A/3" reads as a joint symbol, to the same id) */
            else if (t[j] == '-' && series == 3 && memcmp(t + pos, "WFP", 3) == 0 && j + 2 < len &&
                     ((cg_isupper((unsigned char)t[j + 1]) && !cg_isalnum((unsigned char)t[j + 2]) &&
                       t[j + 2] != '/' && t[j + 2] != '-') ||
                      t[j + 1] == '(')) {
                if (t[j + 1] != '(') {
                    j += 2;
                    break;
                }
                size_t q = j + 2;
                while (q < len && q < j + 24 && (cg_isupper((unsigned char)t[q]) || t[q] == ','))
                    q++;
                if (q < len && t[q] == ')' && q > j + 2)
                    j = q + 1;
                else
                    break;
            }
            /* a session in brackets inside the symbol: "ICCD/COP(8)/CST/8",
             * "TD/B/EX(77)/1", "TD/B(S-XXXIV)/1", "TD/40(2)/L.7"; only
             * before a further component, so that "1325(2000)" at the end
             * stays what the resolution recognizer reads */
            else if (t[j] == '(') {
                size_t q = j + 1;
                while (q < len && q - j <= 12 && (cg_isalnum((unsigned char)t[q]) || t[q] == '-'))
                    q++;
                if (q > j + 1 && q + 2 < len && t[q] == ')' && t[q + 1] == '/' &&
                    cg_isalnum((unsigned char)t[q + 2]))
                    j = q + 1;
                else
                    break;
            } else
                break;
        }
        if (j == cs)
            break;
        /* a purely numeric component ("2025", "13", "ES-10" counts): names
         * like "AFC/M23" and "RDF/M23" (armed groups) have none */
        {
            size_t q0 = cs;
            while (q0 < j && q0 < cs + 2 && cg_isupper((unsigned char)t[q0]))
                q0++;
            if (q0 > cs && (q0 == j || t[q0] != '-'))
                q0 = cs; /* letters count only before a hyphen: "ES-10" */
            int all = 1;
            for (size_t q = q0; q < j; q++)
                if (!cg_isdigit((unsigned char)t[q]) && t[q] != '-')
                    all = 0;
            if (all && cg_isdigit((unsigned char)t[j - 1]))
                numeric = 1;
            /* "PV.9818", "L.49": letters, a dot, digits */
            const char *dot = memchr(t + cs, '.', j - cs);
            if (dot && dot + 1 < t + j && cg_isdigit((unsigned char)dot[1]))
                numeric = 1;
        }
        comps++;
        end = j;
        i = j;
    }
    /* "DP/20 25/L.2": a year broken by a space in PDF text */
    if (end >= 3 && end + 4 < len && t[end - 3] == '/' && t[end - 2] == '2' && t[end - 1] == '0' &&
        t[end] == ' ' && cg_isdigit((unsigned char)t[end + 1]) && cg_isdigit((unsigned char)t[end + 2]) &&
        t[end + 3] == '/') {
        size_t e2 = end + 3;
        /* the rest of the symbol after the year */
        while (e2 < len && t[e2] == '/') {
            size_t q = e2 + 1;
            while (q < len && (cg_isalnum((unsigned char)t[q]) ||
                               (t[q] == '.' && q + 1 < len && cg_isalnum((unsigned char)t[q + 1]))))
                q++;
            if (q == e2 + 1)
                break;
            e2 = q;
        }
        end = e2;
    }
    /* "INFCIRC/254/Rev.10/Part 2" */
    if (end >= 5 && end + 1 < len && strncmp(t + end - 4, "Part", 4) == 0 && t[end - 5] == '/' &&
        t[end] == ' ' && cg_isdigit((unsigned char)t[end + 1])) {
        end += 1;
        while (end < len && cg_isdigit((unsigned char)t[end]))
            end++;
    }
    if (!digits || comps == 0 || !numeric)
        return 0;
    /* ".../DC/No. 12" numbers a publication, it is no symbol */
    if (end >= 3 && (strncmp(t + end - 3, "/NO", 3) == 0 || strncmp(t + end - 3, "/No", 3) == 0))
        return 0;
    /* a placeholder still to be filled in: "E/2025/SR._____" */
    if (end < len && (t[end] == '_' || ((t[end] == '.' || t[end] == '/') && end + 1 < len && t[end + 1] == '_')))
        return 0;
    /* "JIU/REP/2024/:" a number still missing */
    if (end + 1 < len && t[end] == '/' && !cg_isalnum((unsigned char)t[end + 1]) && t[end + 1] != '\n')
        return 0;
    /* "III/1", "I/Add.1": roman numbering of chapters, not a series */
    int roman_only = 1;
    for (size_t k = pos; k < pos + series; k++)
        if (!strchr("IVX", t[k]))
            roman_only = 0;
    if (roman_only)
        return 0;
    /* OCR'd lower-case series must be followed by a number: "s/3140" */
    if (!upper && !cg_isdigit((unsigned char)t[pos + series + 1]))
        return 0;
    return end;
}

static int symbol_start(const ctx *c, size_t pos)
{
    if (pos > 0) {
        unsigned char p = (unsigned char)c->text[pos - 1];
        if (cg_isalnum(p) || p == '/' || p == '.' || p == '-' || p == '_')
            return 0;
    }
    return 1;
}

/* Token index of the first token starting at or after byte `pos`. */
static size_t tok_at(const ctx *c, size_t from, size_t pos)
{
    size_t i = from;
    while (i < c->sc.n_toks && c->sc.toks[i].start < pos)
        i++;
    return i;
}

/* The modifier name ("Add", "Corr", "Rev", "Amend", "SR", ...) and number
 * at the end of a symbol id, if any. */
static int split_modifier(const char *id, size_t *base_len, char *name,
                          size_t name_cap, long *num)
{
    const char *slash = strrchr(id, '/');
    if (!slash)
        return 0;
    const char *dot = strrchr(slash, '.');
    if (!dot || !cg_isdigit((unsigned char)dot[1]))
        return 0;
    for (const char *p = dot + 1; *p; p++)
        if (!cg_isdigit((unsigned char)*p))
            return 0;
    size_t n = (size_t)(dot - slash - 1);
    if (n == 0 || n >= name_cap)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!cg_isalpha((unsigned char)slash[1 + k]))
            return 0;
    memcpy(name, slash + 1, n);
    name[n] = '\0';
    *num = atol(dot + 1);
    *base_len = (size_t)(slash - id);
    return 1;
}

static int is_modifier_name(const ctx *c, size_t i)
{
    return tok_is(c, i, "Add") || tok_is(c, i, "Corr") || tok_is(c, i, "Rev") ||
           tok_is(c, i, "Amend");
}

/* The number at token k and, when a glued dash and a higher number
 * follow ("5-7", at most 50 apart), the range's end: *hi is the last
 * number, the return value its token. */
static size_t number_range(const ctx *c, size_t k, long *hi)
{
    long lo = tk(c, k)->val;
    *hi = lo;
    if (tok_punct(c, k + 1, CG_P_DASH) && glued(c, k + 1) && tok_num(c, k + 2) && glued(c, k + 2) &&
        tk(c, k + 2)->val > lo && tk(c, k + 2)->val <= lo + 50) {
        *hi = tk(c, k + 2)->val;
        return k + 2;
    }
    return k;
}

static size_t digit_count(long v)
{
    size_t n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* 1 when id ends with a number and a year, as treaty bodies number the
 * communications they decide: "E/C.12/75/D/106/2019". */
static int number_year_tail(const char *id)
{
    const char *yr = strrchr(id, '/');
    if (!yr || strlen(yr + 1) != 4 || !all_digits(yr + 1, 4))
        return 0;
    const char *nb = yr - 1;
    size_t n = 0;
    while (nb > id && *nb != '/') {
        nb--;
        n++;
    }
    return *nb == '/' && n > 0 && all_digits(nb + 1, n) && nb - id >= 3 && strncmp(nb - 2, "/D", 2) == 0;
}

/* The number a symbol ends with ("E/CN.9/2025/5" -> 5), or -1. */
static int last_number_of(const char *id)
{
    const char *slash = strrchr(id, '/');
    if (!slash || !slash[1])
        return -1;
    int v = 0;
    for (const char *p = slash + 1; *p; p++) {
        if (!cg_isdigit((unsigned char)*p) || v > 100000)
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

/* Handles a symbol whose series letters are token i and whose span
 * (symbol_span, non-zero) ends at e0.  Returns the index of the first
 * token not consumed. */
static size_t recognize_symbol(ctx *c, size_t i, size_t e0)
{
    const cg_tok *t = tk(c, i);
    size_t s0 = t->start;
    char id[CG_ID_MAX], raw[CG_ID_MAX];
    if (e0 - s0 >= CG_ID_MAX - 20 || cg_canon_symbol(id, c->text + s0, e0 - s0) != 0)
        return i + 1;
    size_t e = e0;
    /* joint symbol "A/79/716-S/2025/18" (reissue asterisks "E/2025/26*-E/...") */
    while (e + 2 < c->len && c->text[e] == '*' && (c->text[e + 1] == '-' || c->text[e + 1] == '*'))
        e++;
    /* "TD/B/EX(2)/3 - TD/B/CN.4/16": the same with the hyphen spaced;
     * "A/78/842–S/2024/384" with an en dash between two series (between
     * symbols of one series an en dash is a range, "P/L.1–P/L.5") */
    size_t jn = e + 1;
    if (e + 3 < c->len && c->text[e] == ' ' && c->text[e + 1] == '-' && c->text[e + 2] == ' ' &&
        cg_isupper((unsigned char)c->text[e + 3]) && symbol_span(c, e + 3))
        jn = e + 3;
    else if (e + 4 < c->len && memcmp(c->text + e, "\xE2\x80\x93", 3) == 0 &&
             cg_isupper((unsigned char)c->text[e + 3]) && c->text[e + 3] != id[0] && symbol_span(c, e + 3))
        jn = e + 3;
    if (jn < c->len && (jn > e + 1 || c->text[e] == '-') && cg_isupper((unsigned char)c->text[jn])) {
        size_t e2 = symbol_span(c, jn);
        char id2[CG_ID_MAX];
        if (e2 && e2 - jn < CG_ID_MAX - 20 &&
            cg_canon_symbol(id2, c->text + jn, e2 - jn) == 0 &&
            strlen(id) + strlen(id2) + 2 < CG_ID_MAX) {
            size_t n = strlen(id);
            id[n] = '-';
            strcpy(id + n + 1, id2);
            e = e2;
        }
    }
    /* "UNCTAD/SHIP/494(12)": an issue number in brackets glued to the end
     * of a secretariat series (not a resolution's year: "1325(2000)") */
    if (e + 2 < c->len && c->text[e] == '(' && cg_isdigit((unsigned char)c->text[e + 1]) &&
        strncmp(id, "S/RES/", 6) != 0 && strncmp(id, "A/RES/", 6) != 0 && !strchr(id, '-')) {
        size_t q = e + 1;
        while (q < c->len && q < e + 4 && cg_isdigit((unsigned char)c->text[q]))
            q++;
        size_t n = strlen(id);
        if (q < c->len && c->text[q] == ')' && q - e <= 3 && n + (q - e) + 2 < CG_ID_MAX) {
            memcpy(id + n, c->text + e, q - e + 1);
            id[n + (q - e) + 1] = '\0';
            e = q + 1;
        }
    }
    while (e < c->len && c->text[e] == '*')
        e++;
    /* "S/RES/1325 (2000)", "A/RES/3314 (XXIX)" */
    size_t j = tok_at(c, i, e);
    if ((strncmp(id, "S/RES/", 6) == 0 || strncmp(id, "A/RES/", 6) == 0) &&
        !strchr(id + 6, '/') && tok_punct(c, j, '(') && tk(c, j + 2) &&
        tok_punct(c, j + 2, ')')) {
        const cg_tok *y = tk(c, j + 1);
        int ok = (y->type == CG_T_NUM && y->val >= 1946 && y->val <= 2100) ||
                 roman_tok(c, j + 1);
        if (ok && strlen(id) + (y->end - y->start) + 3 < CG_ID_MAX) {
            size_t n = strlen(id);
            id[n++] = '(';
            memcpy(id + n, c->text + y->start, y->end - y->start);
            n += y->end - y->start;
            id[n++] = ')';
            id[n] = '\0';
            e = tk(c, j + 2)->end;
            j += 3;
        }
    }
    /* range "Add.1-3", "SR.2-5" */
    char name[16];
    size_t base_len;
    long num;
    int has_mod = split_modifier(id, &base_len, name, sizeof name, &num);
    uint32_t line = t->line;
    char loc[96];
    long range_hi = 0; /* "SR.2-6": 6, which "and 11" goes on from */
    snprintf(raw, sizeof raw, "%s", id);
    if (has_mod && tok_punct(c, j, CG_P_DASH) && glued(c, j) && tok_num(c, j + 1) &&
        glued(c, j + 1) && !tok_punct(c, j + 2, '/')) {
        long hi = tk(c, j + 1)->val;
        range_hi = hi;
        e = tk(c, j + 1)->end;
        read_locator(c, e, loc, sizeof loc);
        for (long k = num; k <= hi && k - num < 50; k++) {
            char rid[CG_ID_MAX];
            snprintf(rid, sizeof rid, "%.*s/%s.%ld", (int)base_len, id, name, k);
            emit_symbol_id(c, rid, s0, e, line, loc);
        }
        j += 2;
    } else {
        read_locator(c, e, loc, sizeof loc);
        emit_symbol_id(c, id, s0, e, line, loc);
    }
    /* "E/ICEF/2025/P/L.1 to E/ICEF/2025/P/L.5": a range of two symbols
     * that differ only in their last number */
    if (tok_is(c, j, "to") && tk(c, j + 1) && tk(c, j + 1)->type == CG_T_WORD) {
        size_t s2 = tk(c, j + 1)->start, e2 = symbol_span(c, s2);
        char id2[CG_ID_MAX];
        size_t p1 = strlen(id), p2;
        while (p1 > 0 && cg_isdigit((unsigned char)id[p1 - 1]))
            p1--;
        if (e2 && e2 - s2 < CG_ID_MAX - 20 && cg_canon_symbol(id2, c->text + s2, e2 - s2) == 0 &&
            p1 < strlen(id) && p1 > 0) {
            p2 = strlen(id2);
            while (p2 > 0 && cg_isdigit((unsigned char)id2[p2 - 1]))
                p2--;
            long lo = atol(id + p1), hi = atol(id2 + p2);
            if (p1 == p2 && strncmp(id, id2, p1) == 0 && p2 < strlen(id2) && hi > lo && hi - lo <= 50 &&
                strlen(id) - p1 < 8 && strlen(id2) - p2 < 8) {
                for (long v = lo + 1; v <= hi; v++) {
                    char rid[CG_ID_MAX];
                    snprintf(rid, sizeof rid, "%.*s%ld", (int)p1, id, v);
                    emit_symbol_id(c, rid, s2, e2, line, "");
                }
                j = tok_at(c, j + 1, e2);
            }
        }
    }
    /* "and Corr.1", "and Add.1-3", "and 8" after a range, "and Add.1/Corr.1";
     * lastpre is the id before ".N" of the last modifier named, which a
     * bare "and 2" continues ("Add.1 and Corr.1 and 2") */
    char lastpre[CG_ID_MAX] = "";
    long lastnum = has_mod ? (range_hi > num ? range_hi : num) : 0;
    long series_last = has_mod ? 0 : last_number_of(id);
    if (has_mod)
        snprintf(lastpre, sizeof lastpre, "%.*s/%s", (int)base_len, id, name);
    for (int rounds = 0; rounds < 64; rounds++) {
        size_t k = j;
        if (tok_punct(c, k, ',') && tok_is(c, k + 1, "and"))
            k += 2;
        else if (tok_is(c, k, "and") || tok_punct(c, k, ','))
            k += 1;
        else
            break;
        if (is_modifier_name(c, k) && tok_punct(c, k + 1, '.') && tok_num(c, k + 2)) {
            char mname[16];
            size_t ml = tok_len(c, k);
            memcpy(mname, c->text + tk(c, k)->start, ml);
            mname[ml] = '\0';
            long lo = tk(c, k + 2)->val, hi = lo;
            size_t last = k + 2;
            if (tok_punct(c, k + 3, CG_P_DASH) && tok_num(c, k + 4) && glued(c, k + 4)) {
                hi = tk(c, k + 4)->val;
                last = k + 4;
            }
            /* sibling modifier of the same kind replaces, another appends */
            size_t bl = strlen(raw);
            char mod_name[16];
            size_t mb;
            long mn;
            if (split_modifier(raw, &mb, mod_name, sizeof mod_name, &mn) &&
                strcmp(mod_name, mname) == 0)
                bl = mb;
            /* "and Add.1/Corr.1" */
            char tail[32] = "";
            if (tok_punct(c, last + 1, '/') && glued(c, last + 1) && is_modifier_name(c, last + 2) &&
                tok_punct(c, last + 3, '.') && tok_num(c, last + 4)) {
                snprintf(tail, sizeof tail, "/%.*s.%d", (int)tok_len(c, last + 2),
                         c->text + tk(c, last + 2)->start, tk(c, last + 4)->val);
                last += 4;
            }
            size_t end = tk(c, last)->end;
            for (long v = lo; v <= hi && v - lo < 50; v++) {
                char rid[CG_ID_MAX];
                snprintf(rid, sizeof rid, "%.*s/%s.%ld%s", (int)bl, raw, mname, v, tail);
                emit_symbol_id(c, rid, tk(c, k)->start, end, line, "");
            }
            if (!tail[0]) {
                snprintf(lastpre, sizeof lastpre, "%.*s/%s", (int)bl, raw, mname);
                lastnum = hi;
            }
            j = last + 1;
        } else if (series_last >= 100 && tok_num(c, k) &&
                   tok_len(c, k) == digit_count(series_last) && tk(c, k)->val > series_last &&
                   tk(c, k)->val <= series_last + 50 && !tok_punct(c, k + 1, '/') &&
                   !tok_punct(c, k + 1, '(') && !month_tok(c, k + 1)) {
            /* "A/AC.109/2071, 2072, 2074-2078 and 2090": further documents
             * of the series by their numbers alone, ranges included (only
             * numbers of as many digits, a little above the last: a
             * footnote marker or page number after a symbol is smaller) */
            long lo = tk(c, k)->val, hi;
            size_t last = number_range(c, k, &hi);
            const char *slash = strrchr(id, '/');
            char rid[CG_ID_MAX] = "";
            for (long v = lo; v <= hi; v++) {
                snprintf(rid, sizeof rid, "%.*s/%ld", (int)(slash - id), id, v);
                emit_symbol_id(c, rid, tk(c, k)->start, tk(c, last)->end, line, "");
            }
            /* "2015 and Add.1": a modifier after it goes with this one */
            snprintf(raw, sizeof raw, "%s", rid);
            lastpre[0] = '\0';
            lastnum = 0;
            series_last = hi;
            j = last + 1;
        } else if (!lastpre[0] && !has_mod && tok_is(c, k - 1, "and") && tok_num(c, k) &&
                   !tok_punct(c, k + 1, '/') && !tok_punct(c, k + 1, '(') && !month_tok(c, k + 1) &&
                   !(tk(c, k + 1) && tk(c, k + 1)->type == CG_T_WORD && !tk(c, k + 1)->nl &&
                     cg_islower((unsigned char)c->text[tk(c, k + 1)->start])) &&
                   last_number_of(id) > 0 && tk(c, k)->val > last_number_of(id) &&
                   tk(c, k)->val <= last_number_of(id) + 20) {
            /* "E/CN.9/2025/5 and 6": the next document of the series */
            const char *slash = strrchr(id, '/');
            char rid[CG_ID_MAX];
            snprintf(rid, sizeof rid, "%.*s/%d", (int)(slash - id), id, tk(c, k)->val);
            emit_symbol_id(c, rid, tk(c, k)->start, tk(c, k)->end, line, "");
            j = k + 1;
        } else if (tok_num(c, k) && tok_punct(c, k + 1, '/') && glued(c, k + 1) && tok_num(c, k + 2) &&
                   glued(c, k + 2) && tok_len(c, k + 2) == 4 && tk(c, k + 2)->val >= 1946 &&
                   tk(c, k + 2)->val <= 2100 && !tok_punct(c, k + 3, '/') && !tok_punct(c, k + 3, '(') &&
                   number_year_tail(id)) {
            /* "E/C.12/75/D/106/2019, 107/2019 and 113/2019": treaty
             * bodies' communications, the number and year replaced */
            const char *yr = strrchr(id, '/');
            const char *nb = yr - 1;
            while (nb > id && *nb != '/')
                nb--;
            char rid[CG_ID_MAX];
            snprintf(rid, sizeof rid, "%.*s/%d/%d", (int)(nb - id), id, tk(c, k)->val, tk(c, k + 2)->val);
            emit_symbol_id(c, rid, tk(c, k)->start, tk(c, k + 2)->end, line, "");
            j = k + 3;
        } else if (lastpre[0] && (tok_is(c, k - 1, "and") || tok_punct(c, k - 1, ',')) && tok_num(c, k) &&
                   !tok_punct(c, k + 1, '/') && !tok_punct(c, k + 1, '(') &&
                   !month_tok(c, k + 1) && tk(c, k)->val > lastnum &&
                   (tok_is(c, k - 1, "and") || tk(c, k)->val <= lastnum + 5)) {
            /* "SR.2-5 and 8", "and Corr.1 and 2", "SR.571, 572, 573": the
             * next numbers of the series (after a comma only close ones: a
             * footnote marker or page number may follow a symbol too);
             * "SR.2, 5-7 and 14" with a range */
            long lo = tk(c, k)->val, hi;
            size_t last = number_range(c, k, &hi);
            for (long v = lo; v <= hi; v++) {
                char rid[CG_ID_MAX];
                snprintf(rid, sizeof rid, "%.130s.%ld", lastpre, v);
                emit_symbol_id(c, rid, tk(c, k)->start, tk(c, last)->end, line, "");
            }
            lastnum = hi;
            j = last + 1;
        } else {
            break;
        }
    }
    return j > i ? j : i + 1;
}

/* ------------------------------------------------------------------ */
/* resolutions and decisions                                           */

typedef enum { F_SESSION, F_SPECIAL, F_ROMAN, F_SCYEAR } num_form;

typedef struct item {
    char number[48];
    char letters[12];
    size_t n_letters;
    num_form form;
    int first;      /* first number, for year-like tests */
    size_t start, end;
    size_t next;    /* token after the item */
} item;

/* Writes "<a><sep><b><tail>" into out (at least 48 bytes): the hot
 * number forms "61/180" and "1325(2000)" without snprintf. */
static void fmt_pair(char *out, int a, char sep, int b, const char *tail)
{
    char tmp[12];
    char *o = out;
    for (int pass = 0; pass < 2; pass++) {
        unsigned v = (unsigned)(pass ? b : a);
        int n = 0;
        do {
            tmp[n++] = (char)('0' + v % 10);
            v /= 10;
        } while (v && n < 11);
        while (n)
            *o++ = tmp[--n];
        if (!pass)
            *o++ = sep;
    }
    while (*tail)
        *o++ = *tail++;
    *o = '\0';
}

/* "A", "A and B", "A to D", "A-C", "A, B and C" before a roman session. */
static size_t read_letters(const ctx *c, size_t k, item *it)
{
    const cg_tok *t = tk(c, k);
    if (!t || t->type != CG_T_WORD || tok_len(c, k) != 1)
        return k;
    char a = c->text[t->start];
    if (a < 'A' || a > 'Z' || tok_punct(c, k + 1, '.'))
        return k;
    /* past K a capital letter is lettering only before punctuation or a
     * joining word ("41/59 N and 42/38 C"), not before a verb ("I welcome") */
    if (a > 'K') {
        const cg_tok *nx = tk(c, k + 1);
        if (nx && nx->type == CG_T_WORD && !nx->nl && !tok_is(c, k + 1, "and") && !tok_is(c, k + 1, "to") &&
            !tok_is(c, k + 1, "of") && !tok_is(c, k + 1, "or"))
            return k;
    }
    it->letters[it->n_letters++] = a;
    size_t m = k + 1;
    for (;;) {
        size_t sep = m;
        int range = 0;
        if (tok_is(c, sep, "to") || tok_punct(c, sep, CG_P_DASH))
            range = 1;
        else if (!(tok_is(c, sep, "and") || tok_punct(c, sep, ',')))
            break;
        const cg_tok *b = tk(c, sep + 1);
        if (!b || b->type != CG_T_WORD || tok_len(c, sep + 1) != 1)
            break;
        char z = c->text[b->start];
        if (z < 'A' || z > 'Z' || z <= it->letters[it->n_letters - 1])
            break;
        if (range) {
            for (char x = (char)(it->letters[it->n_letters - 1] + 1); x <= z && it->n_letters < sizeof it->letters; x++)
                it->letters[it->n_letters++] = x;
        } else if (it->n_letters < sizeof it->letters) {
            it->letters[it->n_letters++] = z;
        }
        m = sep + 2;
    }
    return m;
}

/* One number of a resolution list at token k. */
static int read_item(const ctx *c, size_t k, item *it)
{
    memset(it, 0, sizeof *it);
    const cg_tok *t = tk(c, k);
    if (!t)
        return 0;
    it->start = t->start;
    /* S-26/2, ES-10/19 */
    if ((tok_is(c, k, "S") || tok_is(c, k, "ES")) && tok_punct(c, k + 1, CG_P_DASH) &&
        glued(c, k + 1) && tok_num(c, k + 2) && glued(c, k + 2) &&
        tok_punct(c, k + 3, '/') && glued(c, k + 3) && tok_num(c, k + 4) && glued(c, k + 4)) {
        snprintf(it->number, sizeof it->number, "%.*s-%d/%d", (int)tok_len(c, k),
                 c->text + t->start, tk(c, k + 2)->val, tk(c, k + 4)->val);
        it->form = F_SPECIAL;
        it->end = tk(c, k + 4)->end;
        it->next = k + 5;
        return 1;
    }
    if (t->type != CG_T_NUM)
        return 0;
    /* 61/180, 2017/18 */
    if (tok_punct(c, k + 1, '/') && glued(c, k + 1) && tok_num(c, k + 2) &&
        (glued(c, k + 2) || tk(c, k + 2)->nl)) {
        it->first = t->val;
        fmt_pair(it->number, t->val, '/', tk(c, k + 2)->val, "");
        it->form = F_SESSION;
        it->end = tk(c, k + 2)->end;
        size_t m = read_letters(c, k + 3, it);
        if (m > k + 3)
            it->end = tk(c, m - 1)->end;
        it->next = m;
        /* "71/248 (2016)": the year is decoration */
        if (tok_punct(c, m, '(') && tok_num(c, m + 1) && tk(c, m + 1)->val >= 1946 &&
            tk(c, m + 1)->val <= 2100 && tok_punct(c, m + 2, ')'))
            it->next = m + 3;
        return 1;
    }
    /* 1325 (2000), 1514 (XV), 217 A (III), 3201 (S-VI) */
    if (t->val <= 0 || t->val > 99999)
        return 0;
    size_t m = read_letters(c, k + 1, it);
    if (!tok_punct(c, m, '('))
        return 0;
    const cg_tok *in = tk(c, m + 1);
    if (!in)
        return 0;
    if (in->type == CG_T_NUM && in->val >= 1946 && in->val <= 2100 && tok_punct(c, m + 2, ')') &&
        it->n_letters == 0) {
        fmt_pair(it->number, t->val, '(', in->val, ")");
        it->form = F_SCYEAR;
        it->end = tk(c, m + 2)->end;
        it->next = m + 3;
        return 1;
    }
    if (roman_tok(c, m + 1) && tok_punct(c, m + 2, ')')) {
        snprintf(it->number, sizeof it->number, "%d(%.*s)", t->val, (int)tok_len(c, m + 1),
                 c->text + in->start);
        it->form = F_ROMAN;
        it->end = tk(c, m + 2)->end;
        it->next = m + 3;
        /* "resolution 2200 (XXI) A of 16 December 1966": the letter after
         * the session, before a joining word or punctuation */
        const cg_tok *a = tk(c, m + 3), *nx = tk(c, m + 4);
        if (it->n_letters == 0 && a && a->type == CG_T_WORD && tok_len(c, m + 3) == 1 &&
            c->text[a->start] >= 'A' && c->text[a->start] <= 'H' && !a->nl &&
            (!nx || (nx->type == CG_T_PUNCT && nx->ch != '/' && nx->ch != CG_P_DASH) ||
             tok_is(c, m + 4, "of") || tok_is(c, m + 4, "and"))) {
            it->letters[it->n_letters++] = c->text[a->start];
            it->end = a->end;
            it->next = m + 4;
        }
        return 1;
    }
    /* "resolution 41 (1)": the first session's "(I)" as OCR read it
     * (that session's resolutions are numbered up to 95) */
    if (in->type == CG_T_NUM && in->val == 1 && tok_len(c, m + 1) == 1 && tok_punct(c, m + 2, ')') &&
        t->val <= 100) {
        snprintf(it->number, sizeof it->number, "%d(I)", t->val);
        it->form = F_ROMAN;
        it->end = tk(c, m + 2)->end;
        it->next = m + 3;
        return 1;
    }
    if ((tok_is(c, m + 1, "S") || tok_is(c, m + 1, "ES")) && tok_punct(c, m + 2, CG_P_DASH) &&
        (roman_tok(c, m + 3) || (tok_num(c, m + 3) && tk(c, m + 3)->val < 30)) && tok_punct(c, m + 4, ')')) {
        snprintf(it->number, sizeof it->number, "%d(%.*s-%.*s)", t->val,
                 (int)tok_len(c, m + 1), c->text + in->start, (int)tok_len(c, m + 3),
                 c->text + tk(c, m + 3)->start);
        it->form = F_ROMAN;
        it->end = tk(c, m + 4)->end;
        it->next = m + 5;
        return 1;
    }
    return 0;
}

typedef enum { NB_NONE, NB_BODY, NB_COUNCIL, NB_COMMISSION, NB_ITS, NB_OTHER } nb_kind;

/* The body named just before the trigger at token i. */
/* A string literal and its length, for suffix tables. */
#define PH(lit) lit, sizeof(lit) - 1

typedef struct phrase {
    const char *s;
    size_t len;
} phrase;

/* s[0, p) ends with the whole words w (of length wl). */
static int ends_with_words(const char *s, size_t p, const char *w, size_t wl)
{
    return p >= wl && s[p - 1] == w[wl - 1] && memcmp(s + p - wl, w, wl) == 0 &&
           (p == wl || s[p - wl - 1] == ' ');
}

static nb_kind named_body(const ctx *c, size_t i, cg_body *out)
{
    /* Lower-cased words before the trigger, nearest last. */
    char buf[400];
    size_t o = sizeof buf - 1;
    buf[o] = '\0';
    int words = 0;
    /* "Report of the Human Rights Council (resolutions 60/251 and
     * 65/281)": a reference opening a parenthesis names no body before it */
    if (i > 0 && tok_punct(c, i - 1, '('))
        return NB_NONE;
    for (size_t k = i; k > 0 && words < 14;) {
        /* a blank line ends the sentence: a heading above is not it */
        if (tk(c, k)->nl >= 2)
            break;
        k--;
        const cg_tok *t = tk(c, k);
        if (t->type == CG_T_PUNCT) {
            if (t->ch == '(' || t->ch == ')' || t->ch == ',')
                continue;
            break;
        }
        if (t->type == CG_T_NUM)
            continue; /* dates inside a body's sentence: "on 16 May 1998" */
        if (t->type != CG_T_WORD)
            break;
        size_t n = t->end - t->start;
        if (n + 1 > o)
            break;
        o -= 1;
        buf[o] = ' ';
        o -= n;
        for (size_t q = 0; q < n; q++)
            buf[o + q] = (char)cg_tolower((unsigned char)c->text[t->start + q]);
        words++;
    }
    const char *s = buf + o;
    size_t sl = strlen(s);
    while (sl && s[sl - 1] == ' ')
        sl--;
    static const struct { const char *phrase; size_t len; cg_body body; } tab[] = {
        {PH("general assembly"), CG_B_GA},
        {PH("security council"), CG_B_SC},
        {PH("economic and social council"), CG_B_ECOSOC},
        {PH("economic and social council ecosoc"), CG_B_ECOSOC},
        {PH("human rights council"), CG_B_HRC},
        {PH("commission on human rights"), CG_B_CHR},
        {PH("commission for social development"), CG_B_CSOCD},
        {PH("commission on the status of women"), CG_B_CSW},
        {PH("commission on narcotic drugs"), CG_B_CND},
        {PH("commission on population and development"), CG_B_CPD},
        {PH("statistical commission"), CG_B_STAT},
        {PH("commission on science and technology for development"), CG_B_CSTD},
        {PH("commission on sustainable development"), CG_B_CSD},
        {PH("commission on crime prevention and criminal justice"), CG_B_CCPCJ},
        {PH("assembly"), CG_B_GA},
    };
    /* "X in its resolution": the body just named */
    int its = 0;
    size_t end = sl;
    if (end >= 3 && strncmp(s + end - 3, "its", 3) == 0 && (end == 3 || s[end - 4] == ' ')) {
        its = 1;
        end -= 3;
        while (end && s[end - 1] == ' ')
            end--;
        if (end >= 2 && (strncmp(s + end - 2, "in", 2) == 0 || strncmp(s + end - 2, "of", 2) == 0 ||
                         strncmp(s + end - 2, "by", 2) == 0) &&
            (end == 2 || s[end - 3] == ' ')) {
            end -= 2;
            while (end && s[end - 1] == ' ')
                end--;
        }
    }
    /* bodies outside the model: their resolutions are not UN ones */
    static const phrase others[] = {
        {PH("world health assembly")}, {PH("caribbean")}, {PH("europe")},
        {PH("general conference")}, {PH("executive board")}, {PH("governing council")},
        {PH("board of governors")}, {PH("african union")}, {PH("organization")},
        {PH("asia and the pacific")}, {PH("western asia")}, {PH("for africa")},
        {PH("health assembly")}, {PH("unesco")}, {PH("who")}, {PH("ilo")}, {PH("fao")},
        {PH("executive board")}, {PH("board")}, {PH("committee")}, {PH("parties")},
        {PH("meeting")}, {PH("conference")}, {PH("tribunal")}, {PH("court")}
    };
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        if (ends_with_words(s, end, others[k].s, others[k].len))
            return NB_OTHER;
    for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++) {
        size_t pl = tab[k].len;
        if (end >= pl && s[end - 1] == tab[k].phrase[pl - 1] && memcmp(s + end - pl, tab[k].phrase, pl) == 0 &&
            (end == pl || s[end - pl - 1] == ' ')) {
            *out = tab[k].body;
            return NB_BODY;
        }
    }
    if (its) {
        /* "the Economic Commission for Latin America and the Caribbean on
         * 16 May 1998 of its resolution": the closest body named earlier
         * in the clause, walking back word by word up to "and" or a
         * participle ("recalling"). */
        static const phrase named_others[] = {
            {PH("caribbean")}, {PH("executive board")}, {PH("world health assembly")},
            {PH("african union")}, {PH("board of governors")}, {PH("governing council")},
            {PH("league of arab states")}, {PH("arab states")}, {PH("unesco")}
        };
        size_t p = end;
        while (p > 0) {
            for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++) {
                size_t pl = tab[k].len;
                if (p >= pl && strncmp(s + p - pl, tab[k].phrase, pl) == 0 && (p == pl || s[p - pl - 1] == ' ')) {
                    *out = tab[k].body;
                    return NB_BODY;
                }
            }
            for (size_t k = 0; k < sizeof named_others / sizeof named_others[0]; k++)
                if (ends_with_words(s, p, named_others[k].s, named_others[k].len))
                    return NB_OTHER;
            size_t ws = p;
            while (ws > 0 && s[ws - 1] != ' ')
                ws--;
            size_t wl = p - ws;
            /* "by the Council in its resolutions" */
            if (wl == 7 && strncmp(s + ws, "council", 7) == 0)
                return NB_COUNCIL;
            if ((wl == 3 && strncmp(s + ws, "and", 3) == 0) || (wl == 2 && strncmp(s + ws, "or", 2) == 0) ||
                (wl > 4 && strncmp(s + p - 3, "ing", 3) == 0))
                break;
            p = ws;
            while (p > 0 && s[p - 1] == ' ')
                p--;
        }
        return NB_ITS;
    }
    /* "The General Assembly adopted resolution", "the Council, in
     * resolution", "the Assembly has by its decision": a body followed only
     * by such glue words */
    {
        static const phrase glue[] = {
            {PH("adopted")}, {PH("in")}, {PH("by")}, {PH("has")}, {PH("had")}, {PH("also")},
            {PH("further")}, {PH("which")}, {PH("endorsed")}, {PH("approved")}, {PH("decided")},
            {PH("requested")}, {PH("recalled")}, {PH("reaffirmed")}, {PH("welcomed")},
            {PH("through")}, {PH("under")}, {PH("with")}
        };
        size_t p = end;
        for (int steps = 0; p > 0 && steps < 4; steps++) {
            size_t ws = p;
            while (ws > 0 && s[ws - 1] != ' ')
                ws--;
            int is_glue = 0;
            for (size_t k = 0; k < sizeof glue / sizeof glue[0] && !is_glue; k++)
                if (p - ws == glue[k].len && memcmp(s + ws, glue[k].s, p - ws) == 0)
                    is_glue = 1;
            if (!is_glue)
                break;
            p = ws;
            while (p > 0 && s[p - 1] == ' ')
                p--;
            /* "the Economic Commission for Africa adopted resolution"; but
             * "the General Assembly, on the basis of a recommendation of the
             * Special Committee, adopted resolution": the Assembly adopted */
            for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
                if (ends_with_words(s, p, others[k].s, others[k].len)) {
                    static const phrase by_way[] = {
                        {PH("recommendation of the")}, {PH("proposal of the")}, {PH("request of the")},
                        {PH("report of the")}, {PH("initiative of the")}};
                    int via = 0;
                    for (size_t w = 0; w < sizeof by_way / sizeof by_way[0] && !via; w++) {
                        const char *hit = NULL;
                        for (const char *x = s; (x = strstr(x, by_way[w].s)) != NULL && x < s + p; x++)
                            hit = x;
                        via = hit != NULL;
                    }
                    if (!via)
                        return NB_OTHER;
                    /* the model body named before, if any */
                    for (size_t t = 0; t < sizeof tab / sizeof tab[0]; t++) {
                        const char *x = s, *found = NULL;
                        while ((x = strstr(x, tab[t].phrase)) != NULL && x < s + p) {
                            found = x;
                            x++;
                        }
                        if (found) {
                            *out = tab[t].body;
                            return NB_BODY;
                        }
                    }
                    return NB_OTHER;
                }
            for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++) {
                size_t pl = tab[k].len;
                if (p >= pl && memcmp(s + p - pl, tab[k].phrase, pl) == 0 && (p == pl || s[p - pl - 1] == ' ')) {
                    *out = tab[k].body;
                    return NB_BODY;
                }
            }
        }
    }
    if (end >= 7 && strncmp(s + end - 7, "council", 7) == 0)
        return NB_COUNCIL;
    if (end >= 10 && strncmp(s + end - 10, "commission", 10) == 0)
        return NB_COMMISSION;
    return NB_NONE;
}

static int is_commission(cg_body b)
{
    return b == CG_B_CHR || b == CG_B_CSOCD || b == CG_B_CSW || b == CG_B_CND ||
           b == CG_B_CPD || b == CG_B_CCPCJ || b == CG_B_STAT || b == CG_B_CSTD || b == CG_B_CSD;
}

/* Looks ahead a little for who adopted a session-numbered resolution
 * that cannot be the General Assembly's ("resolution 9/1 ... adopted by
 * the Conference of the Parties"). */
static cg_body adopted_by_ahead(const ctx *c, size_t from)
{
    size_t end = from + 400 < c->len ? from + 400 : c->len;
    const char *p = c->text + from;
    size_t n = end - from;
    if (cg_memmem(p, n, "Conference of the Parties", 25))
        return CG_B_COP;
    if (cg_memmem(p, n, "Human Rights Council", 20))
        return CG_B_HRC;
    return CG_B_NONE;
}

/* ", adopted by the International Tropical Timber Council": a decision
 * numbered by an organization outside the model.  1 when the text at pos
 * says it was adopted by a body that is not one of the UN's. */
static int adopted_by_other(const ctx *c, size_t pos)
{
    /* cheap test first: the phrase starts with "," or "adopted" */
    size_t q = pos;
    while (q < c->len && (c->text[q] == ' ' || c->text[q] == '\n'))
        q++;
    if (q >= c->len || (c->text[q] != ',' && c->text[q] != 'a' && c->text[q] != 'o'))
        return 0;
    /* the next 80 bytes with line breaks and runs of blanks as one space */
    char buf[96];
    size_t o = 0;
    for (size_t i = pos; i < c->len && o < 80; i++) {
        char ch = c->text[i];
        if (ch == '\n' || ch == '\r' || ch == '\t')
            ch = ' ';
        if (ch == ' ' && o > 0 && buf[o - 1] == ' ')
            continue;
        buf[o++] = ch;
    }
    buf[o] = '\0';
    const char *p = buf;
    while (*p == ',' || *p == ' ')
        p++;
    static const char lead[] = "adopted by the ";
    if (strncmp(p, "of the Economic Commission for ", 31) == 0 ||
        strncmp(p, "of the Economic and Social Commission for ", 42) == 0)
        return 1; /* a regional commission's own resolution */
    if (strncmp(p, lead, sizeof lead - 1) != 0)
        return 0;
    p += sizeof lead - 1;
    static const char *const un[] = {"General Assembly", "Security Council", "Economic and Social Council",
                                     "Human Rights Council", "Commission", "Conference of the Parties",
                                     "Council", "Assembly", "United Nations", NULL};
    for (int k = 0; un[k]; k++)
        if (strncmp(p, un[k], strlen(un[k])) == 0)
            return 0;
    return *p != '\0';
}

/* A body and the words that name it, for the searches below. */
typedef struct body_name {
    const char *name;
    cg_body b;
} body_name;

/* The body of the name in tab[0, n) that occurs last in the 600 bytes
 * before pos, or dflt when none does.  With `qualifiers_too` unset, a
 * name followed by "resolution" or "decision" ("General Assembly
 * resolution 70/1") is skipped: it qualifies a citation, it is not the
 * subject that "its" refers back to. */
static cg_body last_named(const ctx *c, size_t pos, const body_name *tab, size_t n, cg_body dflt,
                          int qualifiers_too)
{
    size_t from = pos > 600 ? pos - 600 : 0;
    const char *best_at = NULL, *end = c->text + pos;
    cg_body best = dflt;
    for (size_t k = 0; k < n; k++) {
        size_t nl = strlen(tab[k].name);
        const char *p = c->text + from, *hit;
        while ((hit = cg_memmem(p, (size_t)(end - p), tab[k].name, nl)) != NULL) {
            p = hit + 1;
            if (!qualifiers_too) {
                const char *q = hit + nl;
                while (q < end && (*q == ' ' || *q == '\n'))
                    q++;
                if (end - q >= 8 && (strncmp(q, "resolution", 10) == 0 || strncmp(q, "decision", 8) == 0))
                    continue;
            }
            if (!best_at || hit > best_at) {
                best_at = hit;
                best = tab[k].b;
            }
        }
    }
    return best;
}

/* The functional commission named last in the 600 bytes before `pos`. */
static cg_body last_named_commission(const ctx *c, size_t pos)
{
    static const body_name tab[] = {
        {"Commission on Human Rights", CG_B_CHR},
        {"Commission for Social Development", CG_B_CSOCD},
        {"Commission on the Status of Women", CG_B_CSW},
        {"Commission on Narcotic Drugs", CG_B_CND},
        {"Commission on Population and Development", CG_B_CPD},
        {"Commission on Crime Prevention and Criminal Justice", CG_B_CCPCJ},
        {"Statistical Commission", CG_B_STAT},
    };
    return last_named(c, pos, tab, sizeof tab / sizeof tab[0], CG_B_NONE, 1);
}

/* Collects the headings "Decision 2025/101" / "Resolution 2025/1" that
 * introduce texts the document adopts itself. */
static void find_own_adopted(ctx *c)
{
    /* only reports adopt texts under such headings; in a resolution the
     * same line is a footnote ("Resolution 73/2") */
    if (strcmp(c->doc->meta.kind, "document") != 0)
        return;
    for (size_t li = 0; li < c->sc.n_lines && c->n_own_adopted < CG_OWN_ADOPTED_MAX; li++) {
        const cg_line *l = &c->sc.lines[li];
        if (l->cls != CG_L_TEXT || c->li[li].part == P_FOOTNOTE)
            continue;
        const char *s = c->text + l->start, *e = c->text + l->end;
        while (s < e && *s == ' ')
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        size_t n = (size_t)(e - s), skip;
        if (n > 9 && memcmp(s, "Decision ", 9) == 0)
            skip = 9;
        else if (n > 11 && memcmp(s, "Resolution ", 11) == 0)
            skip = 11;
        else if (n >= 4 && cg_isdigit((unsigned char)s[0]) && e[-1] == '.')
            skip = 0; /* "56/101." alone: the heading of an adopted decision */
        else
            continue;
        const char *num = s + skip;
        /* "Resolution 69/1. Political declaration ...": the number ends at
         * its period */
        const char *stop = num;
        while (stop < e && (cg_isdigit((unsigned char)*stop) || *stop == '/'))
            stop++;
        if (stop < e && *stop == '.' && stop + 1 == e && skip > 0)
            continue; /* "Resolution 70/1." alone is a footnote citing it */
        if (stop < e && *stop == '.' && (stop + 1 == e || stop[1] == ' '))
            e = stop;
        else if (skip == 0)
            continue;
        size_t nn = (size_t)(e - num);
        if (nn < 3 || nn >= 16 || !cg_isdigit((unsigned char)num[0]))
            continue;
        int ok = 1, slash = 0;
        for (size_t q = 0; q < nn; q++) {
            if (num[q] == '/')
                slash++;
            else if (!cg_isdigit((unsigned char)num[q]))
                ok = 0;
        }
        if (!ok || slash != 1)
            continue;
        memcpy(c->own_adopted[c->n_own_adopted], num, nn);
        c->own_adopted[c->n_own_adopted][nn] = '\0';
        c->n_own_adopted++;
    }
}

/* In the 600 bytes before pos, which was named last: the Assembly (GA)
 * or a Council (the Human Rights Council, for session-numbered texts)? */
static cg_body last_named_council_or_assembly(const ctx *c, size_t pos)
{
    /* a regional commission's resolutions reproduced in its report to the
     * Council ("The Economic and Social Commission for Asia and the
     * Pacific, ... Recalling also its resolution 78/1"): outside the model */
    static const body_name tab[] = {
        {"Assembly", CG_B_GA}, {"the Council", CG_B_HRC}, {"Human Rights Council", CG_B_HRC},
        {"Commission for Asia and the Pacific", CG_B_OTHER}, {"Commission for Africa", CG_B_OTHER},
        {"Commission for Europe", CG_B_OTHER}, {"Commission for Latin America", CG_B_OTHER},
        {"Commission for Western Asia", CG_B_OTHER}};
    return last_named(c, pos, tab, sizeof tab / sizeof tab[0], CG_B_GA, 0);
}

static int line_text(const ctx *c, size_t li, const char **s, size_t *n);

/* The body that opens the text a line belongs to: the nearest line above
 * it that reads "The General Assembly," or "The Economic and Social
 * Commission for Asia and the Pacific," (a reproduced resolution's
 * enacting formula, up to 300 lines back); CG_B_NONE when there is none,
 * CG_B_OTHER for a regional commission. */
static cg_body enacting_body_before(const ctx *c, uint32_t line)
{
    static const struct { const char *s; cg_body b; } names[] = {
        {"The General Assembly,", CG_B_GA},
        {"The Human Rights Council,", CG_B_HRC},
        {"The Economic and Social Council,", CG_B_ECOSOC},
        {"The Economic and Social Commission for Asia and the Pacific,", CG_B_OTHER},
        {"The Economic Commission for Africa,", CG_B_OTHER},
        {"The Economic Commission for Europe,", CG_B_OTHER},
        {"The Economic Commission for Latin America and the Caribbean,", CG_B_OTHER},
        {"The Economic and Social Commission for Western Asia,", CG_B_OTHER}};
    for (uint32_t li = line + 1; li-- > 0 && li + 300 > line;) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls != CG_L_TEXT || !line_text(c, li, &s, &n) || n < 20 || n > 70 ||
            s[0] != 'T' || s[n - 1] != ',')
            continue;
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            if (n == strlen(names[k].s) && memcmp(s, names[k].s, n) == 0)
                return names[k].b;
    }
    return CG_B_NONE;
}

/* The highest session a body numbering resolutions by session had held
 * by the end of 2026 (the Assembly's is open): a higher number cannot be
 * that body's. */
static int max_session(cg_body b)
{
    switch (b) {
    case CG_B_HRC: return 61;
    case CG_B_CHR: return 62;
    case CG_B_CSOCD: return 64;
    case CG_B_CSW: return 70;
    case CG_B_CND: return 69;
    case CG_B_CPD: return 59;
    case CG_B_CCPCJ: return 35;
    case CG_B_STAT: return 57;
    case CG_B_CSTD: return 31;
    case CG_B_CSD: return 22;
    case CG_B_COP: return 15;
    default: return 100000;
    }
}

static void emit_item(ctx *c, const item *it, int decision, nb_kind nk, cg_body nb,
                      uint32_t line, const char *loc)
{
    cg_body body = CG_B_NONE;
    double conf = 1.0;
    cg_body own = c->own_body;
    if (nk == NB_OTHER)
        return;
    for (size_t k = 0; k < c->n_own_adopted; k++)
        if (strcmp(it->number, c->own_adopted[k]) == 0 && nk != NB_BODY)
            return;
    switch (it->form) {
    case F_SCYEAR:
        body = CG_B_SC;
        if (decision)
            return;
        break;
    case F_SPECIAL:
        /* "S-26/2" is the Assembly's; the Human Rights Council holds
         * special sessions too: "By its resolution S-37/1 of 7 February,
         * the Council decided" */
        body = (nk == NB_BODY && nb == CG_B_HRC) || nk == NB_COUNCIL ? CG_B_HRC : CG_B_GA;
        break;
    case F_ROMAN:
        if ((nk == NB_BODY && nb == CG_B_ECOSOC) || nk == NB_COUNCIL ||
            (nk == NB_ITS && own == CG_B_ECOSOC))
            body = CG_B_ECOSOC; /* "Council resolution 304 I (XI)": ECOSOC's old series */
        else
            body = CG_B_GA;
        break;
    case F_SESSION: {
        int yearlike = it->first >= 1946 && it->first <= 2100;
        if (nk == NB_BODY) {
            body = nb;
        } else if (nk == NB_ITS) {
            if (own == CG_B_OTHER)
                return; /* an organ outside the model citing its own */
            body = own;
            conf = 0.9;
            /* the Economic and Social Council numbers by year: a session
             * number after "its" in its documents is the body the text
             * was just speaking of, the Assembly or the other Council */
            if (own == CG_B_ECOSOC && !yearlike) {
                cg_body enact = enacting_body_before(c, line);
                body = enact != CG_B_NONE ? enact : last_named_council_or_assembly(c, it->start);
                conf = 0.7;
                if (body == CG_B_OTHER)
                    return;
            }
        } else if (nk == NB_COUNCIL) {
            /* ECOSOC numbers by year, the Human Rights Council by session:
             * the form tells which Council, in any citing document */
            body = yearlike ? CG_B_ECOSOC : CG_B_HRC;
            conf = 0.8;
        } else if (nk == NB_COMMISSION) {
            /* "the Commission on Human Rights ..., in particular Commission
             * resolution 1998/72": the commission named last before */
            body = is_commission(own) ? own : last_named_commission(c, it->start);
            if (body == CG_B_NONE)
                return;
            conf = 0.7;
        } else {
            /* an organ outside the model (an Executive Board, a treaty
             * body) numbers its own decisions by year ("2018/15"): do not
             * guess those; a session number of 31 or more is the Assembly's */
            if (own == CG_B_OTHER) {
                if (yearlike || it->first < 31)
                    return;
                body = CG_B_GA;
                conf = 0.6;
            } else {
                body = own;
                conf = 0.9;
            }
        }
        /* a session the body has not reached ("resolution 70/1" in a
         * commission's or the Human Rights Council's document) is the
         * Assembly's */
        if (!yearlike && nk != NB_BODY && it->first > max_session(body))
            body = CG_B_GA;
        /* a commission adopts a handful of resolutions a session: "54/262"
         * in a commission's document is the Assembly's */
        if (is_commission(body) && nk != NB_BODY && !yearlike) {
            /* commission decisions run 101, 102, ...; the Assembly's 4xx-5xx */
            const char *slash = strchr(it->number, '/');
            if (slash && atoi(slash + 1) > (decision ? 300 : 40))
                body = CG_B_GA;
        }
        if (body == CG_B_SC || body == CG_B_NONE || body == CG_B_OTHER)
            body = yearlike ? CG_B_ECOSOC : CG_B_GA;
        if (yearlike && (body == CG_B_GA || body == CG_B_HRC))
            body = CG_B_ECOSOC;
        if (!yearlike && body == CG_B_ECOSOC && nk != NB_BODY)
            body = CG_B_GA;
        if (!yearlike && body == CG_B_GA && it->first < 31) {
            /* GA sessions 1-30 number resolutions with roman sessions */
            cg_body ahead = adopted_by_ahead(c, it->end);
            if (ahead == CG_B_NONE || it->first > max_session(ahead))
                return; /* "decision 16/22" of another convention's COP */
            body = ahead;
            conf = 0.5;
        }
        break;
    }
    }
    char id[CG_ID_MAX];
    const char *kind = decision ? "decision" : "resolution";
    if (it->n_letters == 0) {
        if (cg_canon_resolution(id, body, decision, it->number, 0) == 0)
            emit(c, id, kind, cg_body_name(body), it->start, it->end, line, loc, conf);
        return;
    }
    for (size_t k = 0; k < it->n_letters; k++)
        if (cg_canon_resolution(id, body, decision, it->number, it->letters[k]) == 0)
            emit(c, id, kind, cg_body_name(body), it->start, it->end, line, loc, conf);
}

/* "In its resolution 2022/5, the Economic and Social Council requested":
 * the body named right after the number, when the sentence opens with
 * "In its". */
static nb_kind body_named_after(const ctx *c, size_t k, nb_kind nk, cg_body *nb)
{
    item it;
    if (!read_item(c, k, &it))
        return nk;
    size_t j = it.next;
    if (tok_is(c, j, "of") && tok_num(c, j + 1) && month_tok(c, j + 2) && tok_num(c, j + 3))
        j += 4;
    else if (tok_is(c, j, "of") && tok_num(c, j + 1) && month_tok(c, j + 2))
        j += 3; /* "of 7 February" */
    /* "In its resolution 2022/4 on the future organization and methods
     * of work of the Commission on the Status of Women, the Economic and
     * Social Council decided": the topic runs to the first comma */
    if (tok_is(c, j, "on") || tok_is(c, j, "entitled") || tok_is(c, j, "concerning")) {
        size_t r = j + 1;
        while (r < j + 40 && r < c->sc.n_toks && !tok_punct(c, r, ',') && !tok_punct(c, r, '.') &&
               !tok_punct(c, r, ';'))
            r++;
        if (tok_punct(c, r, ','))
            j = r;
    }
    if (!tok_punct(c, j, ','))
        return nk;
    size_t the = j + 1;
    if ((tok_is(c, the, "in") || tok_is(c, the, "by")) && tok_is(c, the + 1, "which"))
        the += 2; /* "resolution 56/5, in which the Council decided" */
    if (!tok_is(c, the, "the"))
        return nk;
    char buf[200];
    size_t o = 0;
    for (size_t q = the + 1; q < the + 9 && q < c->sc.n_toks && tk(c, q)->type == CG_T_WORD; q++) {
        size_t n = tok_len(c, q);
        if (o + n + 2 >= sizeof buf)
            break;
        for (size_t x = 0; x < n; x++)
            buf[o++] = (char)cg_tolower((unsigned char)c->text[tk(c, q)->start + x]);
        buf[o++] = ' ';
    }
    buf[o] = '\0';
    static const struct { const char *phrase; cg_body body; } tab[] = {
        {"general assembly ", CG_B_GA},
        {"economic and social council ", CG_B_ECOSOC},
        {"human rights council ", CG_B_HRC},
        {"security council ", CG_B_SC},
        {"commission on human rights ", CG_B_CHR},
        {"commission on the status of women ", CG_B_CSW},
        {"commission for social development ", CG_B_CSOCD},
    };
    for (size_t x = 0; x < sizeof tab / sizeof tab[0]; x++)
        if (strncmp(buf, tab[x].phrase, strlen(tab[x].phrase)) == 0) {
            *nb = tab[x].body;
            return NB_BODY;
        }
    if (strncmp(buf, "executive board ", 16) == 0 || strncmp(buf, "board ", 6) == 0)
        return NB_OTHER;
    if (strncmp(buf, "council ", 8) == 0)
        return NB_COUNCIL;
    return nk;
}

/* "paragraph 26 of resolution 687 (1991)" -> "para. 26" */
static void para_locator(const ctx *c, size_t i, char *loc, size_t cap)
{
    loc[0] = '\0';
    size_t k = i;
    /* skip a body name */
    int guard = 0;
    while (k > 0 && guard++ < 6 && tk(c, k - 1)->type == CG_T_WORD && !tok_is(c, k - 1, "of"))
        k--;
    if (k < 3 || !tok_is(c, k - 1, "of") || !tok_num(c, k - 2))
        return;
    if (tok_is_ci(c, k - 3, "paragraph"))
        snprintf(loc, cap, "para. %d", tk(c, k - 2)->val);
}

/* i: the trigger word's last token; first: its first (they differ for a
 * word broken in two) */
static size_t recognize_resolutions(ctx *c, size_t i, size_t first)
{
    const cg_tok *t = tk(c, i);
    int decision = (c->text[tk(c, first)->start] | 0x20) == 'd';
    cg_body nb = CG_B_NONE;
    nb_kind nk = named_body(c, first, &nb);
    /* "Human Rights Council resolutions 28/16 ... and resolutions 32/13":
     * a trigger right after a list goes on with that list's body */
    /* "the Commission adopted resolution 2025/1 and decision 2025/100":
     * a trigger right after a list, joined by "and", is the same body's */
    if (nk == NB_NONE && (c->last_list_nk == NB_BODY || c->last_list_nk == NB_OTHER) &&
        first > c->last_list_end && first <= c->last_list_end + 2) {
        int joins = 1;
        for (size_t q = c->last_list_end; q < first; q++)
            if (!tok_is(c, q, "and") && !tok_punct(c, q, ','))
                joins = 0;
        if (joins) {
            nk = (nb_kind)c->last_list_nk;
            nb = c->last_list_nb;
        }
    }
    if (nk == NB_NONE && c->last_list_nk == NB_BODY && first > c->last_list_end &&
        first <= c->last_list_end + 14 && tok_is(c, first - 1, "and") &&
        c->sc.toks[first].end - c->sc.toks[first].start == 11) {
        /* "... and resolutions": same sentence, no full stop, semicolon or
         * colon in between */
        int joins = 1;
        for (size_t q = c->last_list_end; q < first; q++)
            if (tok_punct(c, q, '.') || tok_punct(c, q, ';') || tok_punct(c, q, ':'))
                joins = 0;
        if (joins) {
            nk = NB_BODY;
            nb = c->last_list_nb;
        }
    }
    char loc[96];
    para_locator(c, i, loc, sizeof loc);
    size_t k = i + 1, resume = 0;
    item it;
    int count = 0;
    /* "In paragraph 39 of its resolution 68/268, the General Assembly":
     * the body named right after the number */
    if (nk == NB_ITS || nk == NB_NONE)
        nk = body_named_after(c, i + 1, nk, &nb);
    /* "its previous resolutions concerning Sudan, in particular 1591
     * (2005), 1651 (2005), ...": the list after a short phrase that ends
     * by pointing at it */
    if (!read_item(c, k, &it)) {
        for (size_t q = k; q < k + 12 && q + 1 < c->sc.n_toks; q++) {
            if (tok_punct(c, q, '.') || tok_punct(c, q, ';') || tok_is_ci(c, q, "resolution") ||
                tok_is_ci(c, q, "resolutions") || tok_is_ci(c, q, "decision") || tok_is_ci(c, q, "decisions"))
                break;
            if (((tok_is(c, q, "particular") && tok_is(c, q - 1, "in")) || tok_is(c, q, "including") ||
                 tok_is(c, q, "notably") || tok_is(c, q, "namely") || tok_is(c, q, "especially") ||
                 tok_is(c, q, "particularly")) &&
                read_item(c, q + 1, &it) && it.form == F_SCYEAR) {
                k = q + 1;
                break;
            }
        }
    }
    while (read_item(c, k, &it)) {
        size_t j = it.next;
        char l2[96] = "";
        /* "of 20 December 2006", also after a stray comma: "217 (1965),
         * of 20 November 1965, 221 (1966)" */
        if (tok_punct(c, j, ',') && tok_is(c, j + 1, "of") && tok_num(c, j + 2) && month_tok(c, j + 3) &&
            tok_num(c, j + 4))
            j++;
        if (tok_is(c, j, "of") && tok_num(c, j + 1) && month_tok(c, j + 2) && tok_num(c, j + 3))
            j += 4;
        else if (tok_is(c, j, "of") && month_tok(c, j + 1) && tok_num(c, j + 2))
            j += 3;
        else if (tok_is(c, j, "of") && tok_num(c, j + 1) && month_tok(c, j + 2))
            j += 3; /* "of 20 January" */
        /* a footnote marker between two items: "of 27 September 2013 1 and 27/7" */
        if (tok_num(c, j) && tk(c, j)->val < 1000 && !tok_punct(c, j + 1, '/') && !tok_punct(c, j + 1, '(') &&
            (tok_is(c, j + 1, "and") || tok_punct(c, j + 1, ','))) {
            item peek;
            size_t n2 = j + 2;
            if (tok_punct(c, j + 1, ',') && tok_is(c, n2, "and"))
                n2++;
            if (read_item(c, n2, &peek))
                j++;
        }
        size_t after = read_locator(c, tk(c, j - 1)->end, l2, sizeof l2);
        if (l2[0])
            j = tok_at(c, j, after);
        /* ", entitled “Title”," between two items of a list */
        {
            size_t q = j;
            if (tok_punct(c, q, ','))
                q++;
            if (tok_is(c, q, "entitled") && tok_punct(c, q + 1, CG_P_QUOTE)) {
                size_t r = q + 2;
                while (r < q + 80 && r < c->sc.n_toks && !tok_punct(c, r, CG_P_QUOTE))
                    r++;
                if (tok_punct(c, r, CG_P_QUOTE)) {
                    size_t n2 = r + 1;
                    if (tok_punct(c, n2, ','))
                        n2++;
                    if (tok_is(c, n2, "and"))
                        n2++;
                    item peek;
                    if (read_item(c, n2, &peek))
                        j = r + 1;
                }
            }
        }
        /* ", in which it recognized ..., and 68/157": a relative clause
         * between two items of a list, up to the clause's end */
        {
            size_t q = j;
            int rel = tok_punct(c, q, ',') && (tok_is(c, q + 1, "in") || tok_is(c, q + 1, "by") ||
                                               tok_is(c, q + 1, "which") || tok_is(c, q + 1, "whereby") ||
                                               tok_is(c, q + 1, "containing"));
            /* "75/290 A on the strengthening of the Council and 75/290 B" */
            int topic = tok_is(c, q, "on") || tok_is(c, q, "concerning") || tok_is(c, q, "regarding");
            if (rel || topic) {
                for (size_t r = q + (rel ? 2 : 1); r < q + (rel ? 70 : 30) && r + 1 < c->sc.n_toks; r++) {
                    if (topic && tok_is(c, r, "and")) {
                        item peek;
                        if (read_item(c, r + 1, &peek) && peek.form == it.form) {
                            j = r;
                            break;
                        }
                    }
                    if (tok_punct(c, r, ';') || tok_punct(c, r, '.') || tok_is_ci(c, r, "resolution") ||
                        tok_is_ci(c, r, "resolutions") || tok_is_ci(c, r, "decision"))
                        break;
                    if (!tok_punct(c, r, ','))
                        continue;
                    size_t n2 = r + 1;
                    if (tok_is(c, n2, "and"))
                        n2++;
                    item peek;
                    if (read_item(c, n2, &peek)) {
                        j = r;
                        break;
                    }
                }
            }
        }
        if (!adopted_by_other(c, tk(c, j - 1)->end))
            emit_item(c, &it, decision, nk, nb, t->line, l2[0] ? l2 : loc);
        count++;
        /* separators; a period between two items of the same form is an
         * OCR'd comma ("532 (1983). 539 (1983). and 566 (1985)") */
        size_t n = j;
        num_form prev_form = it.form;
        int period = 0;
        if (tok_punct(c, n, ',') || tok_punct(c, n, ';')) {
            n++;
        } else if (tok_punct(c, n, '.') && prev_form == F_SCYEAR) {
            n++;
            period = 1;
        }
        if (tok_is(c, n, "and") || tok_is(c, n, "or"))
            n++;
        /* "2620 (2022), supplemented by 2664 (2022)", "2743 (2024), as
         * well as 2664 (2022)": the list goes on */
        if (n > j && tok_is(c, n, "supplemented") && tok_is(c, n + 1, "by"))
            n += 2;
        else if (n > j && tok_is(c, n, "as") && tok_is(c, n + 1, "well") && tok_is(c, n + 2, "as"))
            n += 3;
        /* ", 7\n7/27 of ...": a footnote marker after the separator */
        if (n > j && tok_num(c, n) && tk(c, n)->val < 1000 && !read_item(c, n, &it) && read_item(c, n + 1, &it))
            n++;
        /* "its resolutions 2007/34 of 27 July 2007, 2013/20 of 24 July
         * 2013," at the foot of a page, then the page's footnotes and
         * furniture, then "2021/11 of 8 June 2021" on the next page: the
         * list goes on after the page break, and the footnotes are read
         * from `resume` on like any other text */
        if (n > j && n < c->sc.n_toks && c->li[t->line].part != P_FOOTNOTE) {
            size_t l0 = tk(c, n - 1)->line, sep = 0, pb = 0;
            for (size_t li = l0 + 1; li < l0 + 4 && li < c->sc.n_lines; li++) {
                if (c->sc.lines[li].cls == CG_L_SEP) {
                    sep = li;
                    break;
                }
                if (c->sc.lines[li].cls != CG_L_BLANK)
                    break;
            }
            if (sep && tk(c, n)->line < sep)
                sep = 0; /* the next item comes before the block */
            for (size_t li = sep + 1; sep && li < sep + 60 && li < c->sc.n_lines; li++)
                if (c->sc.lines[li].page_break) {
                    pb = li;
                    break;
                }
            size_t q = n;
            while (pb && q < c->sc.n_toks && q < n + 400 && tk(c, q)->line < pb)
                q++;
            item peek;
            if (pb && q < c->sc.n_toks && tk(c, q)->line >= pb && read_item(c, q, &peek) &&
                peek.form == prev_form) {
                if (!resume)
                    resume = n;
                n = q;
            }
        }
        if (n == j || !read_item(c, n, &it) || (period && it.form != prev_form)) {
            k = j;
            break;
        }
        k = n;
        if (count > 200)
            break;
    }
    if (count > 0) {
        c->last_list_end = k;
        c->last_list_nk = nk;
        c->last_list_nb = nb;
    }
    if (resume && resume < k)
        return resume;
    return k > i ? k : i + 1;
}

/* ------------------------------------------------------------------ */
/* Treaty Series, Ibid., ILO                                            */

/* "vol. 2225, No. 39574" / "vol. CLXV, No. 3802" / "Nos. 970-973" from
 * token k.  Emits and returns the next token, or k when nothing. */
static size_t read_volume(ctx *c, size_t k, int league, int ibid, uint32_t line,
                          size_t start)
{
    size_t k0 = k;
    if (tok_punct(c, k, ','))
        k++;
    long vol = 0;
    size_t m;
    if (ibid && c->last_treaty_vol && (tok_is(c, k, "No") || tok_is(c, k, "Nos")) &&
        tok_punct(c, k + 1, '.') && tok_num(c, k + 2)) {
        /* "(ibid., No. 5476)": another treaty of the same volume */
        vol = c->last_treaty_vol;
        m = k;
    } else {
        if (!(tok_is(c, k, "vol") && (tok_punct(c, k + 1, '.') || tok_punct(c, k + 1, ','))))
            return k0;
        const cg_tok *v = tk(c, k + 2);
        if (!v)
            return k0;
        m = k + 3;
        if (v->type == CG_T_NUM) {
            vol = v->val;
            /* "vol. 86O": OCR'd zeros and ones glued to the number */
            const cg_tok *g = tk(c, k + 3);
            if (g && g->type == CG_T_WORD && g->start == v->end && g->end - g->start <= 3 && vol < 10000) {
                long fixed = vol;
                for (uint32_t x = g->start; x < g->end && fixed >= 0; x++) {
                    char ch = c->text[x];
                    fixed = ch == 'O' || ch == 'o' ? fixed * 10 : ch == 'l' || ch == 'I' ? fixed * 10 + 1 : -1;
                }
                if (fixed > 0) {
                    vol = fixed;
                    m = k + 4;
                }
            }
        } else if (roman_tok(c, k + 2))
            vol = roman_tok(c, k + 2);
        else
            return k0;
        if (tok_punct(c, m, '(') && tok_num(c, m + 1) && tok_punct(c, m + 2, ')'))
            m += 3;
        if (tok_punct(c, m, ','))
            m++;
    }
    long nos[64];
    size_t n_nos = 0;
    /* "No. 12325", and "No 12325" as OCR dropped its period */
    int no_dot = (tok_is(c, m, "No") || tok_is(c, m, "Nos")) && tok_num(c, m + 1) && tk(c, m + 1)->val >= 10;
    if ((tok_is(c, m, "No") || tok_is(c, m, "Nos")) && (no_dot || (tok_punct(c, m + 1, '.') && tok_num(c, m + 2)))) {
        if (no_dot)
            m--; /* as if the period were there */
        nos[n_nos++] = tk(c, m + 2)->val;
        m += 3;
        for (;;) {
            if (tok_punct(c, m, CG_P_DASH) && tok_num(c, m + 1)) {
                long lo = nos[n_nos - 1], hi = tk(c, m + 1)->val;
                for (long x = lo + 1; x <= hi && n_nos < 64; x++)
                    nos[n_nos++] = x;
                m += 2;
            } else if ((tok_punct(c, m, ',') || tok_is(c, m, "and")) && tok_num(c, m + 1) &&
                       !tok_punct(c, m + 2, '.') && n_nos < 64) {
                nos[n_nos++] = tk(c, m + 1)->val;
                m += 2;
            } else {
                break;
            }
        }
    } else if (ibid && c->last_treaty_no) {
        nos[n_nos++] = c->last_treaty_no;
    } else {
        return k0;
    }
    size_t end = tk(c, m - 1)->end;
    for (size_t x = 0; x < n_nos; x++) {
        char id[CG_ID_MAX];
        cg_canon_treaty(id, league, vol, nos[x]);
        emit(c, id, "treaty", league ? "LNTS" : "UNTS", start, end, line, "", 1.0);
    }
    c->last_treaty_league = league;
    c->last_treaty_vol = vol;
    c->last_treaty_no = nos[n_nos - 1];
    return m;
}

static size_t recognize_treaty(ctx *c, size_t i)
{
    /* i: "Treaty", i+1: "Series" (markdown asterisks allowed) */
    size_t k = i + 2;
    while (tok_punct(c, k, '*'))
        k++;
    int league = 0;
    for (size_t b = i; b > 0 && b + 8 > i; b--)
        if (tok_is(c, b - 1, "League")) {
            league = 1;
            break;
        }
    size_t start = tk(c, i)->start;
    size_t m = read_volume(c, k, league, 0, tk(c, i)->line, start);
    return m > k ? m : i + 2;
}

static size_t recognize_ibid(ctx *c, size_t i)
{
    const cg_tok *t = tk(c, i);
    size_t k = i + 1;
    if (tok_punct(c, k, '.'))
        k++;
    size_t m = read_volume(c, k, c->last_treaty_league, 1, t->line, t->start);
    if (m > k)
        return m;
    /* A symbol or "Supplement" in the same footnote names its own target. */
    for (size_t q = k; q < k + 12 && q < c->sc.n_toks; q++) {
        const cg_tok *u = tk(c, q);
        if (u->nl)
            break;
        if (tok_is(c, q, "Supplement") || tok_is(c, q, "document") ||
            (u->type == CG_T_WORD && symbol_span(c, u->start)))
            return k;
    }
    if (!c->last_fn_id[0])
        return k;
    char id[CG_ID_MAX], loc[96];
    snprintf(id, sizeof id, "%s", c->last_fn_id);
    size_t before = tk(c, i + 1) ? tk(c, i + 1)->end : t->end;
    read_locator(c, before, loc, sizeof loc);
    emit(c, id, c->last_fn_kind ? c->last_fn_kind : "document",
         c->last_fn_body ? c->last_fn_body : "", t->start, before, t->line, loc, 0.9);
    return k;
}

static int ilo_context(const ctx *c, size_t i)
{
    for (size_t b = i; b > 0 && b + 10 > i; b--)
        if (tok_is(c, b - 1, "ILO") || tok_is(c, b - 1, "Labour"))
            return 1;
    return 0;
}

static size_t recognize_ilo(ctx *c, size_t i)
{
    char type = c->text[tk(c, i)->start] == 'R' ? 'R' : 'C';
    size_t k = i + 1;
    int explicit_year = 0;
    if (tok_punct(c, k, ',') && tok_num(c, k + 1) && tk(c, k + 1)->val >= 1919 &&
        tk(c, k + 1)->val <= 2100) {
        k += 2;
        explicit_year = 1;
    }
    int paren = 0;
    if (tok_punct(c, k, '(')) {
        paren = 1;
        k++;
    }
    int plural = tok_is(c, k, "Nos");
    if (!((tok_is(c, k, "No") || plural) && tok_punct(c, k + 1, '.') && tok_num(c, k + 2)))
        return i + 1;
    /* "Convention No. 169 of the International Labour Organization" */
    int ilo_after = tok_is(c, k + 3, "of") && tok_is(c, k + 4, "the") && tok_is(c, k + 5, "International") &&
                    tok_is(c, k + 6, "Labour");
    if (!explicit_year && !ilo_context(c, i) && !ilo_after)
        return i + 1;
    int no = tk(c, k + 2)->val;
    size_t end = tk(c, k + 2)->end;
    k += 3;
    if (paren && tok_punct(c, k, ')')) {
        end = tk(c, k)->end;
        k++;
    }
    if (no <= 0 || no > 999)
        return k;
    char id[CG_ID_MAX];
    cg_canon_ilo(id, type, no);
    /* the span starts at the instrument's name when it is short */
    emit(c, id, "ilo", "ILO", tk(c, i)->start, end, tk(c, i)->line, "", 1.0);
    /* "ILO Conventions Nos. 155 and 187", "Nos. 29, 105 and 182" */
    while (plural && (tok_punct(c, k, ',') || tok_is(c, k, "and")) && tok_num(c, k + 1) &&
           tk(c, k + 1)->val > 0 && tk(c, k + 1)->val <= 999 && !tok_punct(c, k + 2, '/')) {
        int last = tok_is(c, k, "and");
        cg_canon_ilo(id, type, tk(c, k + 1)->val);
        emit(c, id, "ilo", "ILO", tk(c, k + 1)->start, tk(c, k + 1)->end, tk(c, k + 1)->line, "", 1.0);
        k += 2;
        if (last)
            break;
    }
    return k;
}

static size_t recognize_protocol(ctx *c, size_t i)
{
    /* "Protocol of 2014 to the Forced Labour Convention, 1930 (No. 29)" */
    if (!(tok_is(c, i + 1, "of") && tok_num(c, i + 2) && tok_is(c, i + 3, "to")))
        return i + 1;
    int pyear = tk(c, i + 2)->val;
    size_t k = i + 4, conv = 0;
    for (; k < i + 16 && k < c->sc.n_toks; k++) {
        if (tok_is(c, k, "Convention")) {
            conv = k;
            break;
        }
        if (tk(c, k)->type != CG_T_WORD && !tok_punct(c, k, '(') && !tok_punct(c, k, ')'))
            break;
    }
    if (!conv)
        return i + 1;
    int labour = 0;
    for (size_t q = i + 4; q < conv; q++)
        if (tok_is(c, q, "Labour"))
            labour = 1;
    size_t m = conv + 1;
    int cno = 0;
    size_t end = tk(c, conv)->end;
    if (tok_punct(c, m, ',') && tok_num(c, m + 1)) {
        end = tk(c, m + 1)->end;
        m += 2;
        if (tok_punct(c, m, '(') && tok_is(c, m + 1, "No") && tok_punct(c, m + 2, '.') &&
            tok_num(c, m + 3) && tok_punct(c, m + 4, ')')) {
            cno = tk(c, m + 3)->val;
            end = tk(c, m + 4)->end;
            m += 5;
        }
    }
    if (!cno)
        cno = labour ? cg_ilo_protocol_convention(pyear) : 0;
    if (!cno || !labour)
        return m;
    char id[CG_ID_MAX];
    cg_canon_ilo(id, 'P', cno);
    emit(c, id, "ilo", "ILO", tk(c, i)->start, end, tk(c, i)->line, "", 1.0);
    return m;
}

/* ------------------------------------------------------------------ */
/* the document's own metadata                                         */

static cg_body body_from_id(const char *id)
{
    const char *kind, *body;
    cg_symbol_kind_body(id, &kind, &body);
    return cg_body_from_name(body);
}

/* The number the leading digits of s[0..n) spell (at most 9 digits, so
 * no overflow).  The text is not NUL-terminated: atoi and sscanf must
 * never run on it, they would read past its end. */
static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && i < 9 && cg_isdigit((unsigned char)s[i]); i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Copies s[0..n) (cut to cap - 1 bytes) NUL-terminated into out, for
 * sscanf. */
static void line_copy(char *out, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static int line_text(const ctx *c, size_t li, const char **s, size_t *n)
{
    const cg_line *l = &c->sc.lines[li];
    const char *a = c->text + l->start, *b = c->text + l->end;
    while (a < b && (*a == ' ' || *a == '\t' || *a == '-' || *a == '*'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '*'))
        b--;
    *s = a;
    *n = (size_t)(b - a);
    return *n > 0;
}

/* A line that holds one symbol and nothing else (a header line). */
static int lone_symbol(const ctx *c, size_t li, char *out)
{
    const char *s;
    size_t n;
    if (!line_text(c, li, &s, &n))
        return 0;
    size_t off = (size_t)(s - c->text);
    if (n > 15 && strncmp(s, "United Nations ", 15) == 0)
        off += 15;
    size_t e = symbol_span(c, off);
    if (!e)
        return 0;
    size_t lend = (size_t)(s - c->text) + n;
    char id[CG_ID_MAX];
    if (e - off >= CG_ID_MAX - 20 || cg_canon_symbol(id, c->text + off, e - off) != 0)
        return 0;
    /* joint "A/79/898-S/2025/281" */
    while (e + 2 < lend && c->text[e] == '*')
        e++;
    /* the second symbol after a hyphen, or an en dash ("A/79/963–S/2025/438") */
    size_t dash = e + 1 < lend && c->text[e] == '-' ? 1
                  : e + 3 < lend && memcmp(c->text + e, "\xE2\x80\x93", 3) == 0 ? 3 : 0;
    if (dash) {
        size_t e2 = symbol_span(c, e + dash);
        char id2[CG_ID_MAX];
        if (e2 && e2 - e < CG_ID_MAX - 20 &&
            cg_canon_symbol(id2, c->text + e + dash, e2 - e - dash) == 0 &&
            strlen(id) + strlen(id2) + 2 < CG_ID_MAX) {
            strcat(id, "-");
            strcat(id, id2);
            e = e2;
        }
    }
    while (e < lend && (c->text[e] == '*' || c->text[e] == ' '))
        e++;
    /* "S/RES/2771 (2025)", and a document in parts: "A/80/15 (Part I)" is
     * "A/80/15(PartI)" */
    if (e < lend && c->text[e] == '(' &&
        (strncmp(id, "S/RES/", 6) == 0 || strncmp(id, "A/RES/", 6) == 0 ||
         (lend - e > 6 && strncmp(c->text + e, "(Part ", 6) == 0))) {
        const char *close = memchr(c->text + e, ')', lend - e);
        if (close && close - (c->text + e) < 24) { /* "(Part I/Add.1)" */
            size_t n2 = strlen(id);
            for (const char *p = c->text + e; p <= close && n2 < CG_ID_MAX - 1; p++)
                if (*p != ' ')
                    id[n2++] = *p;
            id[n2] = '\0';
            e = (size_t)(close - c->text) + 1;
        }
    }
    while (e < lend && (c->text[e] == '*' || c->text[e] == ' '))
        e++;
    /* a joint symbol of two parts: "E/2025/34 (Part I)-E/ICEF/2025/7 (Part I)" */
    if (e + 1 < lend && c->text[e] == '-' && strstr(id, "(Part") && !strchr(id, '-')) {
        size_t e2 = symbol_span(c, e + 1);
        char id2[CG_ID_MAX];
        if (e2 && e2 <= lend && e2 - e < CG_ID_MAX - 40 &&
            cg_canon_symbol(id2, c->text + e + 1, e2 - e - 1) == 0) {
            size_t q = e2;
            while (q < lend && c->text[q] == ' ')
                q++;
            const char *close = q < lend && lend - q > 6 && strncmp(c->text + q, "(Part ", 6) == 0
                                    ? memchr(c->text + q, ')', lend - q) : NULL;
            size_t n2 = strlen(id2);
            if (close && close - (c->text + q) < 24) {
                for (const char *p = c->text + q; p <= close && n2 < CG_ID_MAX - 1; p++)
                    if (*p != ' ')
                        id2[n2++] = *p;
                id2[n2] = '\0';
                q = (size_t)(close - c->text) + 1;
            } else {
                q = e2;
            }
            if (strlen(id) + n2 + 2 < CG_ID_MAX) {
                strcat(id, "-");
                strcat(id, id2);
                e = q;
                while (e < lend && (c->text[e] == '*' || c->text[e] == ' '))
                    e++;
            }
        }
    }
    /* an edition in square brackets: "JIU/REP/2025/1 [Expanded report]" */
    if (e < lend && c->text[e] == '[' && c->text[lend - 1] == ']' &&
        !memchr(c->text + e + 1, '[', lend - e - 1))
        e = lend;
    if (e != lend)
        return 0;
    snprintf(out, CG_ID_MAX, "%s", id);
    return 1;
}

static int parse_date(const char *s, size_t n, char *out)
{
    static const char *const months[] = {
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    for (size_t i = 0; i + 8 < n; i++) {
        if (!cg_isdigit((unsigned char)s[i]) || (i > 0 && cg_isdigit((unsigned char)s[i - 1])))
            continue;
        int day = 0;
        size_t j = i;
        while (j < n && cg_isdigit((unsigned char)s[j]) && j - i < 2)
            day = day * 10 + (s[j++] - '0');
        if (j >= n || s[j] != ' ' || day < 1 || day > 31)
            continue;
        j++;
        for (int m = 0; m < 12; m++) {
            size_t ml = strlen(months[m]);
            if (j + ml + 5 <= n && strncmp(s + j, months[m], ml) == 0 && s[j + ml] == ' ' &&
                cg_isdigit((unsigned char)s[j + ml + 1])) {
                int y = digits_value(s + j + ml + 1, n - (j + ml + 1));
                if (y < 1945 || y > 2100)
                    continue;
                snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)(m + 1) % 100u,
                         (unsigned)day % 100u);
                return y;
            }
        }
    }
    return 0;
}

/* The file name as a last resort: "A_RES_74_176.txt" -> "A/RES/74/176",
 * "S_RES_0700_1991_EN_GOLD.txt" -> "S/RES/700(1991)". */
static void id_from_path(const char *path, char *out)
{
    if (strcmp(path, "-") == 0) {
        snprintf(out, CG_ID_MAX, "stdin");
        return;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char tmp[CG_ID_MAX];
    snprintf(tmp, sizeof tmp, "%s", base);
    char *dot = strrchr(tmp, '.');
    if (dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".pdf") == 0 ||
                strcmp(dot, ".html") == 0 || strcmp(dot, ".xml") == 0 || strcmp(dot, ".htm") == 0))
        *dot = '\0';
    int num, year;
    if (sscanf(tmp, "S_RES_%d_%d", &num, &year) == 2) {
        snprintf(out, CG_ID_MAX, "S/RES/%d(%d)", num, year);
        return;
    }
    /* "A_80_15_Part_I" -> "A/80/15(PartI)" */
    char *part = strstr(tmp, "_Part_");
    if (part && !strchr(part + 6, '_') && strlen(part + 6) < 8) {
        char num[8];
        snprintf(num, sizeof num, "%s", part + 6);
        snprintf(part, sizeof tmp - (size_t)(part - tmp), "(Part%s)", num);
    }
    char *en = strstr(tmp, "-EN");
    if (en)
        *en = '\0';
    en = strstr(tmp, "_EN");
    if (en && (en[3] == '\0' || en[3] == '_'))
        *en = '\0';
    for (char *p = tmp; *p; p++)
        if (*p == '_')
            *p = '/';
    snprintf(out, CG_ID_MAX, "%s", tmp);
}

/* The document's own id: its joint-symbol parts, the page headers that
 * repeat it, and the body "its resolution" means. */
static void set_own_id(ctx *c, const char *id)
{
    snprintf(c->own_id, sizeof c->own_id, "%s", id);
    /* components of a joint symbol are running headers, not citations */
    c->n_own_parts = 0;
    const char *p = id;
    while (*p && c->n_own_parts < 4) {
        const char *dash = strchr(p, '-');
        while (dash && !(cg_isupper((unsigned char)dash[1]) && dash[2] == '/' ) &&
               !(cg_isupper((unsigned char)dash[1]) && strchr(dash + 1, '/')))
            dash = strchr(dash + 1, '-');
        size_t n = dash ? (size_t)(dash - p) : strlen(p);
        if (n < CG_ID_MAX && (dash || p != id)) {
            memcpy(c->own_parts[c->n_own_parts], p, n);
            c->own_parts[c->n_own_parts][n] = '\0';
            c->n_own_parts++;
        }
        if (!dash)
            break;
        p = dash + 1;
    }
    /* "S/RES/2771(2025)" is printed "S/RES/2771 (2025)" in page headers */
    const char *own_headers[6];
    size_t nh = 0;
    own_headers[nh++] = c->own_id;
    for (size_t k = 0; k < c->n_own_parts; k++)
        own_headers[nh++] = c->own_parts[k];
    cg_scan_mark_headers(&c->sc, own_headers, nh);

    c->own_body = body_from_id(id);
    /* "E/2025/27-E/CN.6/2025/19": a commission's report to the Council is
     * the commission's document */
    for (size_t k = 0; k < c->n_own_parts; k++)
        if (is_commission(body_from_id(c->own_parts[k])))
            c->own_body = body_from_id(c->own_parts[k]);
    /* "E/2025/34 (Part I)-E/ICEF/2025/7 (Part I)": an executive board's
     * report to the Council is the board's, and "its decisions" are the
     * board's own, outside the model (not the Council's E/DEC/...) */
    for (size_t k = 0; k < c->n_own_parts && c->own_body == CG_B_ECOSOC; k++)
        if (strncmp(c->own_parts[k], "E/ICEF/", 7) == 0 || strncmp(c->own_parts[k], "DP/", 3) == 0 ||
            strncmp(c->own_parts[k], "UNW/", 4) == 0 || strncmp(c->own_parts[k], "WFP/", 4) == 0)
            c->own_body = CG_B_OTHER;
}

/* 1 when seen is id as OCR misread it: the same length, the same bytes
 * except letters where id has digits ("A/39/36I" for "A/39/361"), and
 * at least one such letter.  A letter inside a symbol's number is never
 * another document. */
static int ocr_misread_of(const char *seen, const char *id)
{
    size_t n = strlen(id), diff = 0;
    if (strlen(seen) != n || n < 3)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (seen[k] == id[k])
            continue;
        if (!cg_isdigit((unsigned char)id[k]) || !cg_isalpha((unsigned char)seen[k]))
            return 0;
        diff++;
    }
    return diff > 0;
}

static void read_metadata(ctx *c, const char *path)
{
    cg_docmeta *m = &c->doc->meta;
    char id[CG_ID_MAX] = "", date[16] = "";
    char heading[CG_ID_MAX] = ""; /* an OCR'd heading id the file name overrode */
    size_t limit = c->sc.n_lines < 60 ? c->sc.n_lines : 60;
    size_t first_sym = (size_t)-1;
    for (size_t li = 0; li < limit && !id[0]; li++) {
        if (c->sc.lines[li].cls != CG_L_TEXT)
            continue;
        char sym[CG_ID_MAX];
        if (lone_symbol(c, li, sym)) {
            snprintf(id, sizeof id, "%s", sym);
            first_sym = li;
        }
        const char *s;
        size_t n;
        int num, year;
        /* yearbook "Resolution 700 (1991)" */
        char ln[40];
        if (!id[0] && line_text(c, li, &s, &n) && n < sizeof ln && s[0] == 'R') {
            line_copy(ln, sizeof ln, s, n);
            if (sscanf(ln, "Resolution %d (%d)", &num, &year) == 2 && year >= 1946 && year <= 2100) {
                snprintf(id, sizeof id, "S/RES/%d(%d)", num, year);
                /* The yearbook heading is OCR and sometimes wrong ("434
                 * (1973)" for 434 (1978)); a curated collection's file name
                 * S_RES_0434_1978_... names the resolution and wins. */
                char from_name[CG_ID_MAX];
                id_from_path(path, from_name);
                if (strncmp(from_name, "S/RES/", 6) == 0 && strchr(from_name, '(') &&
                    strcmp(from_name, id) != 0) {
                    snprintf(heading, sizeof heading, "%s", id);
                    snprintf(id, sizeof id, "%s", from_name);
                }
            }
        }
    }
    /* a joint symbol printed on two header lines */
    if (first_sym != (size_t)-1 && !strchr(id, '-')) {
        for (size_t li = first_sym + 1; li < limit && li < first_sym + 4; li++) {
            if (c->sc.lines[li].cls == CG_L_BLANK)
                continue;
            char sym[CG_ID_MAX];
            if (c->sc.lines[li].cls == CG_L_TEXT && lone_symbol(c, li, sym) &&
                strlen(id) + strlen(sym) + 2 < CG_ID_MAX && sym[0] != id[0] && strcmp(sym, id) != 0) {
                strcat(id, "-");
                strcat(id, sym);
                c->sc.lines[li].cls = CG_L_NOISE;
            }
            break;
        }
    }
    /* The header line the id came from cites nothing, whatever it adds
     * to the id: "United Nations A/80/15 (Part II)" is not A/80/15. */
    if (first_sym != (size_t)-1)
        c->sc.lines[first_sym].cls = CG_L_NOISE;
    if (!id[0])
        id_from_path(path, id);
    else if (!heading[0]) {
        /* An OCR'd header symbol ("A/39/36I" for A/39/361): when the file
         * name gives the same symbol with digits where the header has
         * letters, the file name wins and the header's form stays one of
         * the document's own ids (its running heads are not citations). */
        char from_name[CG_ID_MAX];
        id_from_path(path, from_name);
        if (ocr_misread_of(id, from_name)) {
            snprintf(heading, sizeof heading, "%s", id);
            snprintf(id, sizeof id, "%s", from_name);
        }
    }
    /* The draft's symbol printed in brackets under a yearbook heading,
     * as OCR left it: "[S/1045}", "[S/4426]}", "(S/3139/Rev.2]".  A line
     * that opens with "(" needs a square or curly closer: "(A/60/480)"
     * under a GA heading is the committee report it cites. */
    for (size_t li = 0; li < 6 && li < c->sc.n_lines; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls != CG_L_TEXT || !line_text(c, li, &s, &n) || n <= 4 ||
            (s[0] != '[' && s[0] != '('))
            continue;
        size_t j = n;
        int square = 0;
        while (j > 1 && (s[j - 1] == ']' || s[j - 1] == '}' || s[j - 1] == ')')) {
            square |= s[j - 1] != ')';
            j--;
        }
        if (j < n && (s[0] == '[' || square) &&
            symbol_span(c, (size_t)(s - c->text) + 1) == (size_t)(s - c->text) + j)
            c->sc.lines[li].cls = CG_L_NOISE;
    }
    set_own_id(c, id);
    /* The masthead's symbol as OCR broke it ("E / C N A/109" over
     * E/CN.4/109): in the first lines, a line that, without its spaces,
     * starts like the id, ends with its last number and is about as long
     * is the id itself, not a citation of "A/109". */
    const char *last = strrchr(id, '/');
    size_t idl = strlen(id);
    for (size_t li = 0; li < 15 && li < c->sc.n_lines && last && last[1]; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls != CG_L_TEXT || !line_text(c, li, &s, &n) || n > idl + 12)
            continue;
        char buf[CG_ID_MAX + 16];
        size_t m = 0;
        for (size_t k = 0; k < n && m < sizeof buf - 1; k++)
            if (s[k] != ' ')
                buf[m++] = s[k];
        buf[m] = '\0';
        size_t ll = strlen(last);
        if (m + 3 >= idl && m <= idl + 3 && buf[0] == id[0] && m > ll && strcmp(buf + m - ll, last) == 0 &&
            strcmp(buf, id) != 0 && !strchr(buf, '-'))
            c->sc.lines[li].cls = CG_L_NOISE;
    }
    /* the misprinted heading still names this document, not another */
    if (heading[0] && c->n_own_parts < 4)
        snprintf(c->own_parts[c->n_own_parts++], CG_ID_MAX, "%s", heading);
    const char *kind, *body;
    cg_symbol_kind_body(id, &kind, &body);
    /* dates and the issuing body from the header lines */
    int year = 0;
    for (size_t li = 0; li < limit; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls != CG_L_TEXT || !line_text(c, li, &s, &n))
            continue;
        if (!date[0] && (cg_memmem(s, n, "adopted by the", 14) || cg_memmem(s, n, "Adopted by the", 14) ||
                         (li < 3 && n >= 3 && n < 30 && strncmp(s, "of ", 3) == 0))) {
            year = parse_date(s, n, date);
            if (!year && li + 1 < c->sc.n_lines) {
                const char *s2;
                size_t n2;
                if (line_text(c, li + 1, &s2, &n2))
                    year = parse_date(s2, n2, date);
            }
        }
        static const struct { const char *line; cg_body b; } bodies[] = {
            {"The General Assembly,", CG_B_GA},
            {"The Security Council,", CG_B_SC},
            {"The Economic and Social Council,", CG_B_ECOSOC},
            {"The Human Rights Council,", CG_B_HRC},
            {"The Commission on Human Rights,", CG_B_CHR},
            {"The Commission for Social Development,", CG_B_CSOCD},
            {"The Commission on the Status of Women,", CG_B_CSW},
            {"The Commission on Narcotic Drugs,", CG_B_CND},
            {"The Commission on Crime Prevention and Criminal Justice,", CG_B_CCPCJ},
        };
        for (size_t k = 0; k < sizeof bodies / sizeof bodies[0]; k++)
            if (n == strlen(bodies[k].line) && strncmp(s, bodies[k].line, n) == 0)
                c->own_body = bodies[k].b;
    }
    if (!date[0]) {
        for (size_t li = 0; li < limit; li++) {
            const char *s;
            size_t n;
            if (c->sc.lines[li].cls == CG_L_TEXT && line_text(c, li, &s, &n) &&
                cg_memmem(s, n, "Distr.", 6)) {
                year = parse_date(s, n, date);
                if (!year && li + 1 < c->sc.n_lines && line_text(c, li + 1, &s, &n))
                    year = parse_date(s, n, date);
                break;
            }
        }
    }
    if (!year)
        year = year_of_id(id);
    /* GA title: "74/176. Improving the coordination ..." */
    char title[256] = "";
    for (size_t li = 0; li < limit && !title[0]; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls != CG_L_TEXT || !line_text(c, li, &s, &n) || !cg_isdigit(s[0]))
            continue;
        int a, b, used = 0;
        char ln[64];
        line_copy(ln, sizeof ln, s, n);
        if (sscanf(ln, "%d/%d.%n", &a, &b, &used) == 2 && used > 0 && (size_t)used <= n) {
            const char *r = s + used;
            size_t rn = n - (size_t)used;
            while (rn && *r == ' ') {
                r++;
                rn--;
            }
            size_t lj = li;
            if (rn == 0) { /* title on the next text line */
                for (lj = li + 1; lj < limit; lj++)
                    if (c->sc.lines[lj].cls == CG_L_TEXT && line_text(c, lj, &r, &rn))
                        break;
            }
            snprintf(title, sizeof title, "%.*s", (int)(rn < 250 ? rn : 250), r);
            /* a title wrapped by PDF extraction goes on, up to a blank line
             * or "The General Assembly," */
            for (size_t lk = lj + 1, more = 0; lk < limit && more < 3; lk++, more++) {
                const char *r2;
                size_t rn2;
                if (c->sc.lines[lk].cls != CG_L_TEXT || !line_text(c, lk, &r2, &rn2))
                    break;
                if ((rn2 > 4 && strncmp(r2, "The ", 4) == 0 && r2[rn2 - 1] == ',') || cg_islower(title[0]) ||
                    title[strlen(title) - 1] == '.')
                    break;
                size_t tl = strlen(title);
                if (tl + rn2 + 2 >= sizeof title)
                    break;
                snprintf(title + tl, sizeof title - tl, " %.*s", (int)rn2, r2);
            }
        }
    }
    m->id = dup(c, id);
    m->kind = strcmp(kind, "document") == 0 ? "document" : kind;
    m->body = cg_body_name(c->own_body)[0] ? cg_body_name(c->own_body) : body;
    m->date = dup(c, date);
    m->year = year;
    m->title = dup(c, title);
    m->path = dup(c, path);
}

/* ------------------------------------------------------------------ */
/* structure: parts, paragraphs, verbs, footnote lines                 */

static int add_para(ctx *c, const char *label, const char *verb)
{
    if (c->n_paras == c->cap_paras) {
        size_t nc = c->cap_paras ? c->cap_paras * 2 : 64;
        para_rec *np = realloc(c->paras, nc * sizeof *np);
        if (!np) {
            c->oom = 1;
            return -1;
        }
        c->paras = np;
        c->cap_paras = nc;
    }
    para_rec *p = &c->paras[c->n_paras];
    p->label = dup(c, label);
    p->verb = dup(c, verb);
    return (int)c->n_paras++;
}

/* Lead words of a paragraph, lower-cased: "Taking note with appreciation
 * also of" -> "taking note"; "Also recalls" -> "recalls". */
static void lead_verb(const char *s, size_t n, char *out, size_t cap)
{
    static const char *const skip[] = {"also", "further", "again", "once", "strongly",
                                       "firmly", "further", "urgently", "reiterates", NULL};
    static const char *const two[] = {"taking note", "taking into", "bearing in", "calls upon",
                                      "calls on", "takes note", "deeply concerned",
                                      "gravely concerned", "having considered",
                                      "having examined", "expressing concern",
                                      "bears in", NULL};
    char words[4][24];
    int nw = 0;
    size_t i = 0;
    while (i < n && nw < 4) {
        while (i < n && !cg_isalpha((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < n && cg_isalpha((unsigned char)s[j]))
            j++;
        if (j == i)
            break;
        size_t wl = j - i < 23 ? j - i : 23;
        for (size_t k = 0; k < wl; k++)
            words[nw][k] = (char)cg_tolower((unsigned char)s[i + k]);
        words[nw][wl] = '\0';
        i = j;
        int skipped = 0;
        for (int k = 0; skip[k]; k++)
            if (strcmp(words[nw], skip[k]) == 0 && nw == 0)
                skipped = 1;
        if (!skipped)
            nw++;
    }
    out[0] = '\0';
    if (nw == 0)
        return;
    snprintf(out, cap, "%s", words[0]);
    if (nw >= 2) {
        char pair[64];
        size_t l0 = strlen(words[0]), l1 = strlen(words[1]);
        memcpy(pair, words[0], l0);
        pair[l0] = ' ';
        memcpy(pair + l0 + 1, words[1], l1 + 1);
        for (int k = 0; two[k]; k++) {
            if (strcmp(pair, two[k]) == 0) {
                if ((strcmp(words[1], "in") == 0 || strcmp(words[1], "into") == 0) && nw >= 3)
                    snprintf(out, cap, "%.12s %.4s %.12s", words[0], words[1], words[2]);
                else
                    snprintf(out, cap, "%.39s", pair);
                break;
            }
        }
    }
}

static int starts_lead_word(const char *s, size_t n)
{
    if (n < 4 || !cg_isupper((unsigned char)s[0]))
        return 0;
    size_t j = 0;
    while (j < n && cg_isalpha((unsigned char)s[j]))
        j++;
    if (j >= 5 && strncmp(s + j - 3, "ing", 3) == 0)
        return 1;
    static const char *const adj[] = {"Convinced", "Concerned", "Aware", "Mindful",
                                      "Deeply", "Gravely", "Alarmed", "Determined",
                                      "Seriously", "Cognizant", "Conscious", "Desirous",
                                      "Encouraged", "Guided", "Reaffirming", "Also",
                                      "Further", "Noting", "Stressing", "Underlining",
                                      "Taking", "Bearing", "Having", "Fully", NULL};
    for (int k = 0; adj[k]; k++)
        if (j == strlen(adj[k]) && strncmp(s, adj[k], j) == 0)
            return 1;
    return 0;
}

/* "1. Urges" / "- 1. Urges" -> 1 (and *rest after "1. "); else 0. */
static int operative_number(const char *s, size_t n, size_t *rest)
{
    size_t i = 0;
    int v = 0;
    while (i < n && cg_isdigit((unsigned char)s[i]) && i < 3)
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || i + 2 > n || s[i] != '.' || s[i + 1] != ' ')
        return 0;
    i += 2;
    while (i < n && (s[i] == ' ' || s[i] == '*' || s[i] == '_'))
        i++;
    if (i >= n || !cg_isupper((unsigned char)s[i]))
        return 0;
    *rest = i;
    return v;
}

static void structure(ctx *c)
{
    size_t nl = c->sc.n_lines;
    /* where the preamble starts: "The General Assembly," */
    size_t pre = (size_t)-1;
    for (size_t li = 0; li < nl && li < 200; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls == CG_L_TEXT && line_text(c, li, &s, &n) && n < 80 &&
            n >= 4 && memcmp(s, "The ", 4) == 0 && s[n - 1] == ',' &&
            (cg_memmem(s, n, "Assembly", 8) || cg_memmem(s, n, "Council", 7) ||
             cg_memmem(s, n, "Commission", 10) || cg_memmem(s, n, "Conference", 10))) {
            pre = li;
            break;
        }
    }
    int part = pre == (size_t)-1 ? P_BODY : P_HEADER;
    int pp = 0, op = 0;
    int32_t cur = -1, cur_main = -1;
    char cur_label[24] = "";
    int in_zone = 0, zone_fn = -1;
    int prev_end_punct = 1; /* previous body text line ended a clause */
    int in_sup_fn = 0, sup_fn = 0;
    for (size_t li = 0; li < nl; li++) {
        line_info *L = &c->li[li];
        const cg_line *cl = &c->sc.lines[li];
        L->fn = 0;
        L->para = cur;
        L->part = (uint8_t)part;
        if (cl->page_break)
            in_zone = 0;
        if (cl->cls == CG_L_NOISE) {
            in_zone = 0;
            in_sup_fn = 0;
            continue;
        }
        if (cl->cls == CG_L_SEP) {
            in_zone = 1;
            zone_fn = -1;
            continue;
        }
        if (cl->cls == CG_L_BLANK) {
            in_sup_fn = 0;
            continue;
        }
        const char *s;
        size_t n;
        line_text(c, li, &s, &n);
        const unsigned char *u = (const unsigned char *)s;
        int nb, d = cg_superscript_digit(u, u + n, &nb);
        if (d >= 0) {
            /* "¹⁴ Resolution 71/1." */
            int v = 0;
            size_t k = 0;
            while (k < n && (d = cg_superscript_digit(u + k, u + n, &nb)) >= 0) {
                v = v * 10 + d;
                k += (size_t)nb;
            }
            in_sup_fn = 1;
            sup_fn = v;
        }
        if (in_sup_fn) {
            L->part = P_FOOTNOTE;
            L->fn = (int16_t)sup_fn;
            continue;
        }
        if (in_zone) {
            L->part = P_FOOTNOTE;
            if (cl->cls == CG_L_LONENUM) {
                zone_fn = digits_value(s, n);
                L->fn = (int16_t)zone_fn;
                continue;
            }
            int v = 0;
            size_t k = 0;
            while (k < n && k < 3 && cg_isdigit((unsigned char)s[k]))
                v = v * 10 + (s[k++] - '0');
            if (k > 0 && k < n && s[k] == ' ' && k + 1 < n && !cg_islower((unsigned char)s[k + 1]))
                zone_fn = v;
            L->fn = (int16_t)zone_fn;
            continue;
        }
        if (cl->cls == CG_L_LONENUM)
            continue;
        if (li == pre) {
            part = P_PREAMBLE;
            L->part = P_HEADER;
            prev_end_punct = 1;
            continue;
        }
        size_t rest;
        int opn = (part == P_PREAMBLE || part == P_OPERATIVE) ? operative_number(s, n, &rest) : 0;
        char verb[40];
        if (opn > 0 && (part == P_OPERATIVE || opn == 1)) {
            part = P_OPERATIVE;
            op = opn;
            lead_verb(s + rest, n - rest, verb, sizeof verb);
            snprintf(cur_label, sizeof cur_label, "op%d", op);
            cur = cur_main = add_para(c, cur_label, verb);
        } else if ((part == P_PREAMBLE || part == P_OPERATIVE) && n > 3 && s[0] == '(' &&
                   cg_islower((unsigned char)s[1]) && s[2] == ')' && cur_main >= 0) {
            char label[32];
            snprintf(label, sizeof label, "%.20s(%c)", c->paras[cur_main].label, s[1]);
            cur = add_para(c, label, c->paras[cur_main].verb);
        } else if (part == P_PREAMBLE && prev_end_punct && starts_lead_word(s, n)) {
            pp++;
            lead_verb(s, n, verb, sizeof verb);
            snprintf(cur_label, sizeof cur_label, "pp%d", pp);
            cur = cur_main = add_para(c, cur_label, verb);
        } else if (part == P_BODY && (opn = operative_number(s, n, &rest)) > 0) {
            snprintf(cur_label, sizeof cur_label, "p%d", opn);
            cur = cur_main = add_para(c, cur_label, "");
        }
        L->part = (uint8_t)part;
        L->para = cur;
        char last = n ? s[n - 1] : '\0'; /* a line of only "*" or "-" has n == 0 */
        /* a trailing footnote marker does not end the clause's punctuation */
        size_t q = n;
        while (q > 0 && (cg_isdigit((unsigned char)s[q - 1]) || s[q - 1] == ' ' ||
                         (unsigned char)s[q - 1] >= 0x80))
            q--;
        if (q > 0)
            last = s[q - 1];
        prev_end_punct = (last == ',' || last == ';' || last == ':' || last == '.');
    }
}

/* ------------------------------------------------------------------ */
/* footnote markers                                                    */

static void add_marker(ctx *c, int fn, int32_t para)
{
    if (para < 0 || fn <= 0)
        return;
    if (c->n_markers == c->cap_markers) {
        size_t nc = c->cap_markers ? c->cap_markers * 2 : 64;
        marker *nm = realloc(c->markers, nc * sizeof *nm);
        if (!nm) {
            c->oom = 1;
            return;
        }
        c->markers = nm;
        c->cap_markers = nc;
    }
    c->markers[c->n_markers].fn = fn;
    c->markers[c->n_markers].para = para;
    c->n_markers++;
}

static int not_marker_word(const ctx *c, size_t k)
{
    static const char *const w[] = {"paragraph", "paragraphs", "para", "paras", "No", "Nos",
                                    "vol", "article", "Article", "articles", "resolution",
                                    "resolutions", "and", "to", "of", "chapter", "annex",
                                    "page", "p", "pp", "session", "item", "items", "Rule",
                                    "rule", "Goal", "target", "decision", "from", "in",
                                    "on", "by", "since", "than", "until", "Section", NULL};
    for (int i = 0; w[i]; i++)
        if (tok_is(c, k, w[i]))
            return 1;
    return month_tok(c, k) != 0;
}

static int cmp_marker(const void *a, const void *b)
{
    const marker *x = a, *y = b;
    if (x->fn != y->fn)
        return x->fn < y->fn ? -1 : 1;
    return x->para < y->para ? -1 : x->para > y->para;
}

/* Links footnote mentions to the paragraphs whose markers point at them:
 * para/verb of the marker's paragraph, or "fnN" when no marker was found.
 * Markers are sorted by footnote number so that each mention finds its
 * markers by binary search: linear-ish even with 100,000 markers. */
static void link_footnotes(ctx *c, size_t first_mention)
{
    if (c->n_markers)
        qsort(c->markers, c->n_markers, sizeof *c->markers, cmp_marker);
    size_t n = c->doc->n_mentions;
    for (size_t i = first_mention; i < n; i++) {
        cg_mention *m = &c->doc->mentions[i];
        if (m->part != part_names[P_FOOTNOTE])
            continue;
        /* first marker of this footnote number */
        size_t lo = 0, hi = c->n_markers;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (c->markers[mid].fn < m->footnote)
                lo = mid + 1;
            else
                hi = mid;
        }
        int found = 0, used = 0;
        int32_t last_para = -1;
        for (size_t k = lo; k < c->n_markers && m->footnote > 0 && c->markers[k].fn == m->footnote; k++) {
            int32_t pi = c->markers[k].para;
            if (pi == last_para)
                continue; /* the same paragraph twice: one mention */
            last_para = pi;
            const para_rec *p = &c->paras[pi];
            if (!found) {
                m->para = p->label;
                m->verb = p->verb;
                found = 1;
                continue;
            }
            if (++used > 64)
                break; /* a marker repeated without end adds nothing */
            /* the same marker used again elsewhere: one more mention */
            cg_mention copy = *m;
            cg_mention *nm = cg_doc_add_mention(c->doc);
            if (!nm) {
                c->oom = 1;
                return;
            }
            m = &c->doc->mentions[i]; /* the array may have moved */
            *nm = copy;
            nm->para = p->label;
            nm->verb = p->verb;
        }
        if (!found) {
            char lab[24];
            if (m->footnote > 0)
                snprintf(lab, sizeof lab, "fn%d", m->footnote);
            else
                snprintf(lab, sizeof lab, "fn");
            m->para = dup(c, lab);
        }
    }
}

/* ------------------------------------------------------------------ */
/* the main pass                                                       */

static void recognize(ctx *c)
{
    char fn_seen[1000] = {0};
    for (size_t li = 0; li < c->sc.n_lines; li++)
        if (c->li[li].part == P_FOOTNOTE && c->li[li].fn > 0 && c->li[li].fn < 1000)
            fn_seen[c->li[li].fn] = 1;
    /* Only the scanner's candidates can start anything below (see
     * scan.h); `next` is where the last recognizer left off, and
     * candidates it consumed are passed over. */
    size_t n = c->sc.n_toks, next = 0;
    for (size_t ci = 0; ci < c->sc.n_cand && !c->oom; ci++) {
        size_t i = c->sc.cand[ci];
        if (i < next)
            continue;
        next = i + 1;
        const cg_tok *t = &c->sc.toks[i];
        const line_info *L = &c->li[t->line];
        if (t->type == CG_T_WORD) {
            const char *w = c->text + t->start;
            size_t wl = t->end - t->start;
            int lc = w[0] | 0x20;
            /* most words start no trigger: dispatch on the first letter */
            if (lc == 'r') {
                /* a trigger word broken by PDF spacing: "resolut ions" */
                if (wl >= 4 && wl < 10 && strncasecmp(w, "resolutions", wl) == 0 && i + 1 < n &&
                    c->sc.toks[i + 1].type == CG_T_WORD && !c->sc.toks[i + 1].nl) {
                    const cg_tok *u = &c->sc.toks[i + 1];
                    size_t ul = u->end - u->start;
                    if (wl + ul >= 10 && wl + ul <= 11 &&
                        strncasecmp(c->text + u->start, "resolutions" + wl, ul) == 0) {
                        next = recognize_resolutions(c, i + 1, i);
                        continue;
                    }
                }
                if ((wl == 10 || wl == 11) && strncasecmp(w, "resolution", 10) == 0 &&
                    (wl == 10 || w[10] == 's')) {
                    next = recognize_resolutions(c, i, i);
                    continue;
                }
            } else if (lc == 'd') {
                if ((wl == 8 || wl == 9) && strncasecmp(w, "decision", 8) == 0 && (wl == 8 || w[8] == 's')) {
                    next = recognize_resolutions(c, i, i);
                    continue;
                }
            }
            size_t se;
            if (t->end + 1 < c->len &&
                (c->text[t->end] == '/' || (c->text[t->end] == '-' && cg_isupper((unsigned char)c->text[t->end + 1])) ||
                 (c->text[t->end] == '.' && cg_isdigit((unsigned char)c->text[t->end + 1]))) &&
                symbol_start(c, t->start) && (se = symbol_span(c, t->start)) != 0) {
                next = recognize_symbol(c, i, se);
                continue;
            }
            switch (w[0]) {
            case 'T':
                if (wl == 6 && strncmp(w, "Treaty", 6) == 0 && tok_is(c, i + 1, "Series")) {
                    next = recognize_treaty(c, i);
                    continue;
                }
                break;
            case 'I':
            case 'i':
                if (wl == 4 && strncasecmp(w, "Ibid", 4) == 0) {
                    next = recognize_ibid(c, i);
                    continue;
                }
                break;
            case 'C':
            case 'R':
                if (((wl == 10 || wl == 11) && strncmp(w, "Convention", 10) == 0 && (wl == 10 || w[10] == 's')) ||
                    ((wl == 14 || wl == 15) && strncmp(w, "Recommendation", 14) == 0 && (wl == 14 || w[14] == 's'))) {
                    next = recognize_ilo(c, i);
                    continue;
                }
                break;
            case 'P':
                if (wl == 8 && strncmp(w, "Protocol", 8) == 0) {
                    next = recognize_protocol(c, i);
                    continue;
                }
                break;
            default:
                break;
            }
        } else if (t->type == CG_T_SUP && L->part != P_FOOTNOTE) {
            add_marker(c, t->val, L->para);
        } else if (t->type == CG_T_NUM && L->part != P_FOOTNOTE && t->val > 0 && t->val < 1000 &&
                   fn_seen[t->val] && i > 0 && !t->nl) {
            const cg_tok *p = &c->sc.toks[i - 1];
            const cg_tok *q = tk(c, i + 1);
            int after_ok = (p->type == CG_T_PUNCT && strchr(",.;:)", p->ch ? p->ch : '#')) ||
                           (p->type == CG_T_PUNCT && p->ch == CG_P_QUOTE) ||
                           (p->type == CG_T_WORD && !not_marker_word(c, i - 1));
            int before_ok = !q || q->nl || (q->type == CG_T_WORD && cg_islower((unsigned char)c->text[q->start])) ||
                            (q->type == CG_T_PUNCT && q->ch != '/' && q->ch != '.' && q->ch != '(');
            if (after_ok && before_ok)
                add_marker(c, t->val, L->para);
        }
    }
}

/* "79/98" at the start of s[0..n): a and b, the digits before and after
 * the slash, followed by the end or a space.  1 when so. */
static int sscanf_pair(const char *s, size_t n, int *a, int *b)
{
    size_t k = 0;
    int x = 0, y = 0;
    while (k < n && k < 3 && cg_isdigit((unsigned char)s[k]))
        x = x * 10 + (s[k++] - '0');
    if (k == 0 || k >= n || s[k] != '/')
        return 0;
    size_t j = ++k;
    while (k < n && k - j < 5 && cg_isdigit((unsigned char)s[k]))
        y = y * 10 + (s[k++] - '0');
    if (k == j || (k < n && s[k] != ' '))
        return 0;
    *a = x;
    *b = y;
    return 1;
}

/* Tables that list resolutions or decisions by number alone, under a
 * column headed "Resolution number" or "Decision number" (the Special
 * Committee's lists of what the Assembly adopted): each cell "79/98",
 * "79/93 A and B", "58/316 a" (a table note) cites it, with the citing
 * document's body.  Such cells look like "page 79 of 98" to the line
 * classifier, so page numbers are told apart by their total: the
 * denominator that the document's "N/M" lines share most. */
/* 0 for a "Resolution number" column heading, 1 for "Decision number",
 * -1 for any other line. */
static int column_heading(const char *s, size_t n)
{
    if (n == 17 && memcmp(s, "Resolution number", 17) == 0)
        return 0;
    if (n == 15 && memcmp(s, "Decision number", 15) == 0)
        return 1;
    return -1;
}

static void table_numbers(ctx *c)
{
    if (c->own_body != CG_B_GA && c->own_body != CG_B_ECOSOC && c->own_body != CG_B_HRC)
        return;
    /* most documents have no such column: find the first heading before
     * anything else */
    size_t from = 0;
    while (from < c->sc.n_lines) {
        const char *s;
        size_t n;
        if (line_text(c, from, &s, &n) && column_heading(s, n) >= 0)
            break;
        from++;
    }
    if (from == c->sc.n_lines)
        return;
    int decision = -1; /* -1: not under such a heading */
    int total = 0, best = 0, counts[64] = {0};
    for (size_t li = 0; li < c->sc.n_lines; li++) {
        const char *s;
        size_t n;
        int a, b;
        if (line_text(c, li, &s, &n) && n < 10 && sscanf_pair(s, n, &a, &b) && a <= b && b < 64 &&
            ++counts[b] > best) {
            best = counts[b];
            total = b;
        }
    }
    for (size_t li = from; li < c->sc.n_lines; li++) {
        const char *s;
        size_t n;
        if (c->sc.lines[li].cls == CG_L_BLANK || !line_text(c, li, &s, &n))
            continue;
        int h = column_heading(s, n);
        if (h >= 0) {
            decision = h;
            continue;
        }
        int a, b;
        if (decision < 0 || n > 40 || !sscanf_pair(s, n, &a, &b) || a < 1 || a > 99)
            continue;
        if (best >= 2 && b == total && a <= total)
            continue; /* a page of pages */
        /* what follows the number: nothing, a table note "a", or
         * letters "A", "A and B" */
        size_t k = 0;
        while (k < n && (cg_isdigit((unsigned char)s[k]) || s[k] == '/'))
            k++;
        char letters[4] = {0};
        size_t nl = 0;
        const char *r = s + k;
        size_t rn = n - k;
        if (rn == 2 && r[0] == ' ' && cg_islower((unsigned char)r[1]))
            rn = 0;
        else if (rn == 2 && r[0] == ' ' && cg_isupper((unsigned char)r[1]))
            letters[nl++] = r[1];
        else if (rn == 8 && r[0] == ' ' && cg_isupper((unsigned char)r[1]) && memcmp(r + 2, " and ", 5) == 0 &&
                 cg_isupper((unsigned char)r[7])) {
            letters[nl++] = r[1];
            letters[nl++] = r[7];
        } else if (rn != 0) {
            /* "79/93 A and B 4 December 2024": the next cell on the line */
            char date[16];
            size_t lk = rn > 8 && r[0] == ' ' && cg_isupper((unsigned char)r[1]) &&
                                memcmp(r + 2, " and ", 5) == 0 && cg_isupper((unsigned char)r[7])
                            ? 8 : 0;
            if (rn - lk > 20 || rn - lk < 9 || r[lk] != ' ' || !cg_isdigit((unsigned char)r[lk + 1]) ||
                !parse_date(r + lk, rn - lk, date))
                continue;
            if (lk) {
                letters[nl++] = r[1];
                letters[nl++] = r[7];
            }
        }
        char number[16], id[CG_ID_MAX];
        snprintf(number, sizeof number, "%d/%d", a, b);
        size_t start = (size_t)(s - c->text);
        for (size_t x = 0; x < (nl ? nl : 1); x++)
            if (cg_canon_resolution(id, c->own_body, decision, number, nl ? letters[x] : 0) == 0)
                emit(c, id, decision ? "decision" : "resolution", cg_body_name(c->own_body), start,
                     start + k, (uint32_t)li, "", 0.9);
    }
}

/* A later part of a document split for size: the first part's metadata,
 * copied into this part's arena. */
static void continue_metadata(ctx *c, const cg_docmeta *first)
{
    set_own_id(c, first->id);
    if (cg_body_from_name(first->body) != CG_B_OTHER)
        c->own_body = cg_body_from_name(first->body);
    cg_docmeta *m = &c->doc->meta;
    m->id = dup(c, first->id);
    m->kind = dup(c, first->kind);
    m->body = dup(c, first->body);
    m->title = dup(c, first->title);
    m->date = dup(c, first->date);
    m->path = dup(c, first->path);
    m->year = first->year;
}

static cg_status extract_impl(const char *text, size_t len, size_t base, const cg_docmeta *first,
                              const char *path, const cg_extract_opts *opts, cg_doc **out,
                              cg_error *err);

cg_status cg_extract_text(const char *text, size_t len, const char *path,
                          const cg_extract_opts *opts, cg_doc **out, cg_error *err)
{
    return extract_impl(text, len, 0, NULL, path, opts, out, err);
}

cg_status cg_extract_text_part(const char *text, size_t len, size_t base, const cg_docmeta *first,
                               const char *path, const cg_extract_opts *opts, cg_doc **out,
                               cg_error *err)
{
    return extract_impl(text, len, base, first, path, opts, out, err);
}

static cg_status extract_impl(const char *text, size_t len, size_t base, const cg_docmeta *first,
                              const char *path, const cg_extract_opts *opts, cg_doc **out,
                              cg_error *err)
{
    cg_status rc = CG_OK;
    ctx c;
    memset(&c, 0, sizeof c);
    *out = NULL;
    if (!path)
        path = "-";
    if (len > UINT32_MAX - 16) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: file too large (over 4 GiB of text)", path);
        goto done;
    }
    if (memchr(text, '\0', len)) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: binary file (contains NUL bytes), not a text document", path);
        goto done;
    }
    size_t bad = cg_utf8_invalid_at((const unsigned char *)text, len);
    if (bad < len) {
        rc = cg_error_set(err, CG_ERR_INPUT, "%s: invalid UTF-8 at byte %zu", path, base + bad);
        goto done;
    }
    /* a UTF-8 byte order mark is skipped (spans stay file offsets), so
     * that the header's first line still starts with the symbol */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
        base += 3;
    }
    c.text = text;
    c.len = len;
    c.opts = opts;
    c.doc = cg_doc_new();
    if (!c.doc || cg_scan_lines(&c.sc, text, len) != 0)
        goto oom;
    c.li = calloc(c.sc.n_lines + 1, sizeof *c.li);
    if (!c.li)
        goto oom;
    if (first)
        continue_metadata(&c, first);
    else
        read_metadata(&c, path);
    if (c.oom || cg_scan_tokens(&c.sc) != 0)
        goto oom;
    structure(&c);
    find_own_adopted(&c);
    recognize(&c);
    table_numbers(&c);
    link_footnotes(&c, 0);
    if (c.oom)
        goto oom;
    for (size_t k = 0; k < c.doc->n_mentions; k++) {
        c.doc->mentions[k].start += base;
        c.doc->mentions[k].end += base;
    }
    *out = c.doc;
    c.doc = NULL;
    goto done;
oom:
    rc = cg_error_set(err, CG_ERR_NOMEM, "%s: out of memory", path);
done:
    cg_doc_free(c.doc);
    cg_scan_destroy(&c.sc);
    free(c.li);
    free(c.paras);
    free(c.markers);
    return rc;
}
