/*
 * scan.h - the lexical layer of the recognizer: lines and tokens.
 *
 * One linear pass classifies the lines of a document (blank, page
 * furniture, footnote separator, lone number) and cuts the remaining text
 * into tokens.  Page furniture ("19-22333", "*1516933*", "7/10", the
 * document's own symbol repeated as a running header) never reaches the
 * token stream, so a citation broken by a page break reads as one.
 *
 * Offsets are byte offsets into the caller's text, which must outlive the
 * cg_scan.  Nothing here allocates except the three arrays it owns.
 */
#ifndef CG_SCAN_H
#define CG_SCAN_H

#include <stddef.h>
#include <stdint.h>

enum cg_line_class {
    CG_L_TEXT = 0,
    CG_L_BLANK,
    CG_L_NOISE,   /* page header/footer: never scanned */
    CG_L_SEP,     /* "______" before a footnote block */
    CG_L_LONENUM  /* a line holding only a small number */
};

typedef struct cg_line {
    uint32_t start, end;  /* [start, end) without the line break */
    uint8_t cls;
    uint8_t page_break;   /* a form feed precedes this line */
} cg_line;

enum cg_tok_type { CG_T_WORD = 1, CG_T_NUM, CG_T_SUP, CG_T_PUNCT };

/* Punctuation codes beyond plain ASCII. */
#define CG_P_DASH 1   /* - – — ‑ */
#define CG_P_QUOTE 2  /* " “ ” ‘ ’ ' */

typedef struct cg_tok {
    uint32_t start, end;
    uint32_t line;        /* index into lines */
    uint8_t type;
    uint8_t nl;           /* line breaks since the previous token (capped) */
    uint8_t sp;           /* white space precedes the token */
    uint8_t ch;           /* CG_T_PUNCT: the ASCII char or CG_P_* */
    int32_t val;          /* CG_T_NUM / CG_T_SUP: value (capped) */
} cg_tok;

typedef struct cg_scan {
    const char *text;
    size_t len;
    cg_line *lines;
    size_t n_lines;
    cg_tok *toks;
    size_t n_toks;
    /* Indexes of the tokens that may start something for the recognizer,
     * in order: words that begin with one of CG_SCAN_TRIGGER_FIRST or are
     * followed by '/', '-' or '.' and a digit (symbols: "GEGN.2/2025/1"),
     * superscript digits, and numbers
     * 1-999 on the line of the token before them (footnote markers).  The
     * recognizer skips the other four tokens in five without looking at
     * them; a rule that starts on another token must widen this set. */
    uint32_t *cand;
    size_t n_cand;
} cg_scan;

/* First letters of the trigger words: resolution(s), decision(s),
 * Treaty, Ibid, Convention, Recommendation, Protocol. */
#define CG_SCAN_TRIGGER_FIRST "rRdDTIiCP"
/* 1 when c is one of CG_SCAN_TRIGGER_FIRST (the scanner's own table). */
int cg_scan_is_trigger_first(unsigned char c);

/* Splits text into lines and classifies them; `own_ids` (may be NULL) are
 * symbols whose lone occurrence on a line is a running header.  Returns 0,
 * or -1 on OOM. */
int cg_scan_lines(cg_scan *s, const char *text, size_t len);
void cg_scan_mark_headers(cg_scan *s, const char *const *own_ids, size_t n);
/* Tokenizes every TEXT and LONENUM line and lists the candidate tokens.
 * 0, or -1 on OOM. */
int cg_scan_tokens(cg_scan *s);
void cg_scan_destroy(cg_scan *s);  /* NULL-safe */

/* Decodes one UTF-8 superscript digit at p (up to end): its value 0-9
 * and byte length, or -1. */
int cg_superscript_digit(const unsigned char *p, const unsigned char *end,
                         int *nbytes);

#endif
