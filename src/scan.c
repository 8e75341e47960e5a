/*
 * scan.c - lines and tokens: one pass over the bytes, no backtracking.
 * Must never read past `len`: inputs are not NUL-terminated.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cg_util.h"
#include "scan.h"

int cg_superscript_digit(const unsigned char *p, const unsigned char *end,
                         int *nbytes)
{
    if (end - p >= 2 && p[0] == 0xC2) {
        *nbytes = 2;
        if (p[1] == 0xB9) return 1;
        if (p[1] == 0xB2) return 2;
        if (p[1] == 0xB3) return 3;
    }
    if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x81) {
        *nbytes = 3;
        if (p[2] == 0xB0) return 0;
        if (p[2] >= 0xB4 && p[2] <= 0xB9) return p[2] - 0xB0;
    }
    return -1;
}

static int all_in(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]))
            return 0;
    return n > 0;
}

/* Page furniture as pdftotext and ODS print it. */
static int is_noise(const char *s, size_t n)
{
    /* Every kind below starts, after any '*', with a digit or the P of
     * "Please recycle": most short lines are out at once. */
    size_t f = 0;
    while (f < n && s[f] == '*')
        f++;
    if (f == n || !(cg_isdigit((unsigned char)s[f]) || s[f] == 'P'))
        return 0;
    /* strip markdown bold the seed's converter left: "**7/10**" */
    char buf[96];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof buf - 1; i++)
        if (s[i] != '*' || (i == 0 && n > 2 && cg_isdigit((unsigned char)s[1]) && s[n - 1] == '*'))
            buf[m++] = s[i];
    if (n >= sizeof buf)
        return 0;
    buf[m] = '\0';
    if (n >= 9 && s[0] == '*' && s[n - 1] == '*' && all_in(s + 1, n - 2, "0123456789"))
        return 1; /* *1516933* bar code */
    if (strcmp(buf, "Please recycle") == 0)
        return 1;
    /* job number "19-22333", "15-16933 (E)", optionally "19-22333 7/10" */
    size_t i = 0;
    const char *b = buf;
    if (m >= 8 && cg_isdigit((unsigned char)b[0]) && cg_isdigit((unsigned char)b[1]) && b[2] == '-') {
        i = 3;
        size_t d = 0;
        while (i < m && cg_isdigit((unsigned char)b[i])) {
            i++;
            d++;
        }
        if (d >= 4 && d <= 6) {
            const char *rest = b + i;
            while (*rest == ' ')
                rest++;
            if (strncmp(rest, "(E)", 3) == 0)
                rest += 3;
            while (*rest == ' ')
                rest++;
            if (!*rest)
                return 1;
            /* page number after the job number */
            size_t rl = strlen(rest);
            if (all_in(rest, rl, "0123456789/") && strchr(rest, '/'))
                return 1;
            if (all_in(rest, rl, "0123456789"))
                return 1;
        }
    }
    /* "7/10" page of pages, "120525" date stamp */
    if (m >= 3 && m <= 7 && all_in(b, m, "0123456789/") && strchr(b, '/') &&
        b[0] != '/' && b[m - 1] != '/') {
        /* a page of pages counts up to its total: "2024/15" alone on a
         * line is a resolution number in a table, not page 2024 of 15 */
        const char *sl = strchr(b, '/');
        if (!strchr(sl + 1, '/') && atoi(b) <= atoi(sl + 1) && atoi(sl + 1) < 2000)
            return 1;
    }
    if (m == 6 && all_in(b, m, "0123456789"))
        return 1;
    return 0;
}

static int is_sep(const char *s, size_t n)
{
    return n >= 5 && all_in(s, n, "_");
}

static int byte_is_word_start(unsigned char c)
{
    return cg_isalnum(c) || c >= 0x80;
}

static int push_line(cg_scan *s, size_t *cap, uint32_t st, uint32_t en,
                     int pb)
{
    if (s->n_lines == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        cg_line *nl = realloc(s->lines, nc * sizeof *nl);
        if (!nl)
            return -1;
        s->lines = nl;
        *cap = nc;
    }
    const char *t = s->text;
    cg_line *fast = &s->lines[s->n_lines];
    /* most lines are prose: long, starting with a letter or digit */
    if (en - st > 48 && byte_is_word_start((unsigned char)t[st])) {
        fast->start = st;
        fast->end = en;
        fast->page_break = (uint8_t)pb;
        fast->cls = CG_L_TEXT;
        s->n_lines++;
        return 0;
    }
    uint32_t a = st, b = en;
    while (a < b && (t[a] == ' ' || t[a] == '\t'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
        b--;
    cg_line *l = &s->lines[s->n_lines++];
    l->start = st;
    l->end = en;
    l->page_break = (uint8_t)pb;
    if (b - a > 40 && t[a] != '_')
        l->cls = CG_L_TEXT; /* furniture lines are all short */
    else if (a == b)
        l->cls = CG_L_BLANK;
    else if (is_sep(t + a, b - a))
        l->cls = CG_L_SEP;
    else if (is_noise(t + a, b - a))
        l->cls = CG_L_NOISE;
    else if (b - a <= 3 && all_in(t + a, b - a, "0123456789"))
        l->cls = CG_L_LONENUM;
    else
        l->cls = CG_L_TEXT;
    return 0;
}

/* Offset of the first byte b in text[from, len), or len. */
static size_t find_byte(const char *text, size_t len, size_t from, char b)
{
    const char *q = memchr(text + from, b, len - from);
    return q ? (size_t)(q - text) : len;
}

int cg_scan_lines(cg_scan *s, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = len;
    size_t cap = len / 40 + 16;
    s->lines = malloc(cap * sizeof *s->lines);
    if (!s->lines)
        return -1;
    uint32_t st = 0;
    int pb = 0;
    size_t i = 0;
    /* The next CR and form feed are looked up once and again only after
     * they are passed: most lines end in LF alone. */
    size_t next_cr = find_byte(text, len, 0, '\r'), next_ff = find_byte(text, len, 0, '\f');
    while (i < len) {
        if (next_cr < i)
            next_cr = find_byte(text, len, i, '\r');
        if (next_ff < i)
            next_ff = find_byte(text, len, i, '\f');
        size_t brk = find_byte(text, len, i, '\n');
        if (next_cr < brk)
            brk = next_cr;
        if (next_ff < brk)
            brk = next_ff;
        if (brk >= len)
            break;
        char c = text[brk];
        if (push_line(s, &cap, st, (uint32_t)brk, pb) != 0)
            return -1;
        pb = (c == '\f');
        if (c == '\r' && brk + 1 < len && text[brk + 1] == '\n')
            brk++;
        i = brk + 1;
        st = (uint32_t)i;
    }
    if (st < len && push_line(s, &cap, st, (uint32_t)len, pb) != 0)
        return -1;
    return 0;
}

/* 1 when line starts with the il bytes of id, letting OCR read a digit
 * of id as a letter ("A/39/36r" heading the pages of A/39/361): a letter
 * inside a symbol's number names no other document. */
static int header_prefix(const char *line, const char *id, size_t il)
{
    for (size_t k = 0; k < il; k++)
        if (line[k] != id[k] &&
            !(cg_isdigit((unsigned char)id[k]) && cg_isalpha((unsigned char)line[k])))
            return 0;
    return 1;
}

void cg_scan_mark_headers(cg_scan *s, const char *const *own_ids, size_t n)
{
    size_t longest = 0;
    uint8_t first[256] = { 0 }; /* first bytes of the ids */
    for (size_t j = 0; j < n; j++) {
        if (strlen(own_ids[j]) > longest)
            longest = strlen(own_ids[j]);
        first[(unsigned char)own_ids[j][0]] = 1;
    }
    for (size_t i = 0; i < s->n_lines; i++) {
        cg_line *l = &s->lines[i];
        if (l->cls != CG_L_TEXT || l->end - l->start > longest + 24)
            continue;
        /* a running header starts with the series letters */
        uint32_t f = l->start;
        while (f < l->end && (s->text[f] == ' ' || s->text[f] == '*'))
            f++;
        if (f >= l->end || s->text[f] < 'A' || s->text[f] > 'Z' ||
            !first[(unsigned char)s->text[f]])
            continue;
        /* The line without spaces, markdown asterisks and page numbers. */
        char buf[200];
        size_t m = 0;
        for (uint32_t k = l->start; k < l->end && m < sizeof buf - 1; k++) {
            char c = s->text[k];
            if (c != ' ' && c != '\t' && c != '*')
                buf[m++] = c;
        }
        buf[m] = '\0';
        if (l->end - l->start >= sizeof buf - 1)
            continue;
        for (size_t j = 0; j < n; j++) {
            size_t il = strlen(own_ids[j]);
            if (il == 0 || m < il || !header_prefix(buf, own_ids[j], il))
                continue;
            /* own symbol alone, or followed by a page "2/10" */
            const char *rest = buf + il;
            if (!*rest || all_in(rest, strlen(rest), "0123456789/")) {
                l->cls = CG_L_NOISE;
                break;
            }
            /* "S/RES/2771 (2025)" header: own id has the year glued */
        }
    }
}

static int seq_len(unsigned char c)
{
    return (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
}


/* Byte classes for the tokenizer: 1 blank, 2 digit, 3 ASCII letter,
 * 4 byte of a multi-byte UTF-8 sequence, 5 ASCII punctuation, 6 line break. */
enum { K_SP = 1, K_DIG, K_ALPHA, K_HIGH, K_PUN, K_BRK };
static const uint8_t byte_class[256] = {
    5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 6, 5, 6, 6, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5, 5, 5,
    5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5,
    5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

/* Multi-byte sequences: dashes and quotes are punctuation, superscript
 * digits a marker, C2/E2 symbols punctuation, the rest (accented letters,
 * other scripts) part of a word.  Fills t and returns the end. */
static const unsigned char *scan_multibyte(const unsigned char *p, const unsigned char *end, cg_tok *t)
{
    unsigned char c = *p;
    int nb = 0, sd = cg_superscript_digit(p, end, &nb);
    if (sd >= 0) {
        long v = 0;
        while (p < end && (sd = cg_superscript_digit(p, end, &nb)) >= 0) {
            if (v < 100000)
                v = v * 10 + sd;
            p += nb;
        }
        t->type = CG_T_SUP;
        t->val = (int32_t)v;
        return p;
    }
    if (c == 0xE2 && p + 2 < end && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95) {
        t->type = CG_T_PUNCT;
        t->ch = CG_P_DASH;
        return p + 3;
    }
    if (c == 0xE2 && p + 2 < end && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9F) {
        t->type = CG_T_PUNCT;
        t->ch = CG_P_QUOTE;
        return p + 3;
    }
    if (c < 0xC3 || c == 0xE2 || c >= 0xF5) {
        int n = seq_len(c);
        t->type = CG_T_PUNCT;
        t->ch = '?';
        return p + ((p + n > end) ? (int)(end - p) : n);
    }
    while (p < end) {
        if (cg_isalpha(*p)) {
            p++;
        } else if (*p >= 0xC3 && *p != 0xE2 && *p < 0xF5) {
            int n = seq_len(*p);
            p += (p + n > end) ? (int)(end - p) : n;
        } else {
            break;
        }
    }
    t->type = CG_T_WORD;
    return p;
}

/* 1 for the bytes of CG_SCAN_TRIGGER_FIRST (test_canon_scan checks that
 * the two agree). */
static const uint8_t trigger_first[256] = {
    ['r'] = 1, ['R'] = 1, ['d'] = 1, ['D'] = 1, ['T'] = 1, ['I'] = 1,
    ['i'] = 1, ['C'] = 1, ['P'] = 1,
};

int cg_scan_is_trigger_first(unsigned char c)
{
    return trigger_first[c];
}

/* The end of the run of ASCII letters at p (p <= end).  Eight bytes at
 * a time where it can: the end of a word is a branch the processor
 * cannot predict, taken once per word this way instead of once per
 * letter. */
static const unsigned char *skip_letters(const unsigned char *p,
                                         const unsigned char *end)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        /* fold case, then a byte is a letter when 'a' <= y <= 'z' and
         * the byte was ASCII; no sum carries into the next byte */
        uint64_t y = (w | ones * 0x20) & ones * 0x7F;
        uint64_t letter = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)) & ~w & high;
        uint64_t other = ~letter & high;
        if (other)
            return p + (__builtin_ctzll(other) >> 3);
        p += 8;
    }
#endif
    while (p < end && byte_class[*p] == K_ALPHA)
        p++;
    return p;
}

int cg_scan_tokens(cg_scan *s)
{
    /* About one token per five bytes of prose: one allocation, mostly.
     * The candidates get room for every token, so that a token's index
     * is written whether or not it is one and the count alone says so:
     * a branch on "candidate?" is one the processor mostly gets wrong. */
    size_t cap = s->len / 5 + 16;
    s->toks = malloc(cap * sizeof *s->toks);
    s->cand = malloc(cap * sizeof *s->cand);
    if (!s->toks || !s->cand)
        return -1;
    int nl = 0, sp = 0;
    const unsigned char *text = (const unsigned char *)s->text;
    const unsigned char *text_end = text + s->len;
    for (size_t li = 0; li < s->n_lines; li++) {
        const cg_line *l = &s->lines[li];
        if (l->cls == CG_L_BLANK) {
            nl = 2;
            continue;
        }
        if (l->cls != CG_L_TEXT && l->cls != CG_L_LONENUM)
            continue; /* furniture: as if it were not there */
        const unsigned char *p = text + l->start, *end = text + l->end;
        while (p < end) {
            unsigned k = byte_class[*p];
            if (k == K_SP) {
                sp = 1;
                p++;
                continue;
            }
            if (*p == 0xC2 && p + 1 < end && p[1] == 0xA0) { /* NBSP */
                sp = 1;
                p += 2;
                continue;
            }
            if (s->n_toks == cap) {
                size_t nc = cap * 2;
                cg_tok *nt = realloc(s->toks, nc * sizeof *nt);
                if (!nt)
                    return -1;
                s->toks = nt;
                uint32_t *nca = realloc(s->cand, nc * sizeof *nca);
                if (!nca)
                    return -1;
                s->cand = nca;
                cap = nc;
            }
            cg_tok *t = &s->toks[s->n_toks];
            const unsigned char *first = p;
            int cand = 0;
            t->start = (uint32_t)(p - text);
            t->line = (uint32_t)li;
            t->nl = (uint8_t)nl;
            t->sp = (uint8_t)(sp || nl);
            t->ch = 0;
            t->val = 0;
            if (k == K_ALPHA) {
                p = skip_letters(p + 1, text_end);
                if (p > end)
                    p = end; /* not reached: a line ends at a break byte */
                t->type = CG_T_WORD;
            } else if (k == K_DIG) {
                long v = 0;
                while (p < end && cg_isdigit(*p)) {
                    if (v < 100000000)
                        v = v * 10 + (*p - '0');
                    p++;
                }
                t->type = CG_T_NUM;
                t->val = (int32_t)v;
            } else if (k == K_HIGH) {
                p = scan_multibyte(p, end, t);
            } else {
                unsigned char c = *p++;
                t->type = CG_T_PUNCT;
                t->ch = (c == '-') ? CG_P_DASH : (c == '"' || c == '\'') ? CG_P_QUOTE : c;
            }
            if (t->type == CG_T_WORD)
                cand = trigger_first[*first] ||
                       (p < text_end && (*p == '/' || *p == '-' ||
                                         (*p == '.' && p + 1 < text_end && cg_isdigit(p[1]))));
            else if (t->type == CG_T_NUM)
                cand = !nl && t->val > 0 && t->val < 1000;
            else
                cand = t->type == CG_T_SUP;
            t->end = (uint32_t)(p - text);
            s->cand[s->n_cand] = (uint32_t)s->n_toks;
            s->n_cand += (size_t)cand;
            s->n_toks++;
            nl = 0;
            sp = 0;
        }
        if (nl < 1)
            nl = 1;
    }
    return 0;
}

void cg_scan_destroy(cg_scan *s)
{
    if (!s)
        return;
    free(s->lines);
    free(s->toks);
    free(s->cand);
    s->lines = NULL;
    s->toks = NULL;
    s->cand = NULL;
    s->n_lines = s->n_toks = s->n_cand = 0;
}
