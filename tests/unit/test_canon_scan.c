/*
 * test_canon_scan.c - canonical ids (canon.c) and the lexical layer
 * (scan.c): roman numerals, symbol spelling, page furniture, tokens.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "canon.h"
#include "scan.h"

static void test_roman(void **state)
{
    (void)state;
    assert_int_equal(cg_roman_value("XV", 2), 15);
    assert_int_equal(cg_roman_value("XLVIII", 6), 48);
    assert_int_equal(cg_roman_value("CLXV", 4), 165);
    assert_int_equal(cg_roman_value("IIII", 4), 0);
    assert_int_equal(cg_roman_value("XVID", 4), 0);
    assert_int_equal(cg_roman_value("", 0), 0);
}

static void test_resolution_ids(void **state)
{
    (void)state;
    char id[CG_ID_MAX];
    assert_int_equal(cg_canon_resolution(id, CG_B_GA, 0, "64/293", 0), 0);
    assert_string_equal(id, "A/RES/64/293");
    cg_canon_resolution(id, CG_B_GA, 0, "217(III)", 'A');
    assert_string_equal(id, "A/RES/217(III)[A]");
    cg_canon_resolution(id, CG_B_ECOSOC, 1, "2017/205", 0);
    assert_string_equal(id, "E/DEC/2017/205");
    cg_canon_resolution(id, CG_B_HRC, 0, "32/3", 0);
    assert_string_equal(id, "A/HRC/RES/32/3");
    cg_canon_resolution(id, CG_B_CCPCJ, 0, "27/2", 0);
    assert_string_equal(id, "E/CN.15/RES/27/2");
    cg_canon_resolution(id, CG_B_COP, 1, "4/4", 0);
    assert_string_equal(id, "CTOC/COP/DEC/4/4");
    assert_int_equal(cg_canon_resolution(id, CG_B_SC, 1, "1/1", 0), -1);
}

static void test_symbols(void **state)
{
    (void)state;
    char id[CG_ID_MAX];
    const char *a = "s/3140.";
    assert_int_equal(cg_canon_symbol(id, a, strlen(a)), 0);
    assert_string_equal(id, "S/3140");
    const char *b = "E/2025/70*";
    cg_canon_symbol(id, b, strlen(b));
    assert_string_equal(id, "E/2025/70");
    const char *c = "S/Agenda/1736";
    cg_canon_symbol(id, c, strlen(c));
    assert_string_equal(id, "S/Agenda/1736");
    const char *kind, *body;
    cg_symbol_kind_body("A/HRC/RES/59/25", &kind, &body);
    assert_string_equal(kind, "resolution");
    assert_string_equal(body, "HRC");
    cg_symbol_kind_body("S/PRST/2021/13", &kind, &body);
    assert_string_equal(kind, "statement");
    assert_string_equal(body, "SC");
    cg_canon_treaty(id, 1, 165, 3802);
    assert_string_equal(id, "LNTS/165/3802");
    cg_canon_ilo(id, 'C', 29);
    assert_string_equal(id, "ILO/C029");
    assert_int_equal(cg_ilo_protocol_convention(2014), 29);
}

static void test_lines_and_furniture(void **state)
{
    (void)state;
    const char *t = "Recalling\n19-22333\n15-16933 (E)\n*1516933*\n7/10\n\n_______\n12\nA/RES/1/1\fPlease recycle\r\nend";
    cg_scan s;
    assert_int_equal(cg_scan_lines(&s, t, strlen(t)), 0);
    assert_int_equal(s.n_lines, 11);
    assert_int_equal(s.lines[0].cls, CG_L_TEXT);
    assert_int_equal(s.lines[1].cls, CG_L_NOISE);
    assert_int_equal(s.lines[2].cls, CG_L_NOISE);
    assert_int_equal(s.lines[3].cls, CG_L_NOISE);
    assert_int_equal(s.lines[4].cls, CG_L_NOISE);
    assert_int_equal(s.lines[5].cls, CG_L_BLANK);
    assert_int_equal(s.lines[6].cls, CG_L_SEP);
    assert_int_equal(s.lines[7].cls, CG_L_LONENUM);
    assert_int_equal(s.lines[8].cls, CG_L_TEXT);
    const char *own[] = {"A/RES/1/1"};
    cg_scan_mark_headers(&s, own, 1);
    assert_int_equal(s.lines[8].cls, CG_L_NOISE);
    assert_int_equal(s.lines[9].cls, CG_L_NOISE);
    assert_int_equal(s.lines[9].page_break, 1);
    cg_scan_destroy(&s);
}

static void test_tokens(void **state)
{
    (void)state;
    /* "Crime¹² – “x” 61/180\n(1990)" */
    const char *t = "Crime\xC2\xB9\xC2\xB2 \xE2\x80\x93 \xE2\x80\x9Cx\xE2\x80\x9D 61/180\n(1990)";
    cg_scan s;
    assert_int_equal(cg_scan_lines(&s, t, strlen(t)), 0);
    assert_int_equal(cg_scan_tokens(&s), 0);
    assert_int_equal(s.toks[0].type, CG_T_WORD);
    assert_int_equal(s.toks[1].type, CG_T_SUP);
    assert_int_equal(s.toks[1].val, 12);
    assert_int_equal(s.toks[2].ch, CG_P_DASH);
    assert_int_equal(s.toks[3].ch, CG_P_QUOTE);
    assert_int_equal(s.toks[6].type, CG_T_NUM);
    assert_int_equal(s.toks[6].val, 61);
    assert_int_equal(s.toks[9].ch, '(');
    assert_int_equal(s.toks[9].nl, 1);
    cg_scan_destroy(&s);
}

/* Words of every length around the eight-byte steps of the word scanner,
 * ending at a space, a digit, a slash, an accented letter, a line break
 * and the very end of the text. */
static void test_word_lengths(void **state)
{
    (void)state;
    static const char *const ends[] = { " ", "7", "/", "\xC3\xA9", "\n", "" };
    for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++) {
        /* the letters at the borders of both cases come early */
        static const char letters[] = "zZaAyYbBmMnNqQcCxXdDwWeEvV";
        for (size_t n = 1; n < sizeof letters; n++) {
            char t[64];
            for (size_t k = 0; k < n; k++)
                t[k] = letters[(k + e) % (sizeof letters - 1)];
            strcpy(t + n, ends[e]);
            cg_scan s;
            assert_int_equal(cg_scan_lines(&s, t, strlen(t)), 0);
            assert_int_equal(cg_scan_tokens(&s), 0);
            assert_true(s.n_toks >= 1);
            assert_int_equal(s.toks[0].type, CG_T_WORD);
            assert_int_equal(s.toks[0].start, 0);
            assert_int_equal(s.toks[0].end, n);
            cg_scan_destroy(&s);
        }
    }
    /* '@' '[' '`' '{' border the letters in ASCII and fold onto them */
    const char *t = "ab@cd[ef`gh{ijklmnopq";
    cg_scan s;
    assert_int_equal(cg_scan_lines(&s, t, strlen(t)), 0);
    assert_int_equal(cg_scan_tokens(&s), 0);
    assert_int_equal(s.n_toks, 9);
    assert_int_equal(s.toks[0].end, 2);
    assert_int_equal(s.toks[2].start, 3);
    assert_int_equal(s.toks[2].end, 5);
    assert_int_equal(s.toks[8].start, 12);
    assert_int_equal(s.toks[8].end, strlen(t));
    cg_scan_destroy(&s);
}

/* The candidates the recognizer looks at: trigger words, words before
 * '/' or '-', superscripts and small numbers that follow on their line. */
static void test_candidates(void **state)
{
    (void)state;
    for (int c = 0; c < 256; c++)
        assert_int_equal(cg_scan_is_trigger_first((unsigned char)c),
                         c && strchr(CG_SCAN_TRIGGER_FIRST, c) != NULL);
    const char *t = "Recalling its resolution 61/180 and A/74/127 the Treaty\xC2\xB9 of 2000,\n"
                    "12 Ibid. paragraph 5 and CEDAW-C report\n";
    cg_scan s;
    assert_int_equal(cg_scan_lines(&s, t, strlen(t)), 0);
    assert_int_equal(cg_scan_tokens(&s), 0);
    char got[512] = "";
    for (size_t i = 0; i < s.n_cand; i++) {
        const cg_tok *k = &s.toks[s.cand[i]];
        char one[64];
        snprintf(one, sizeof one, "%s%.*s", i ? "|" : "", (int)(k->end - k->start), t + k->start);
        strcat(got, one);
    }
    /* not "12": a number that opens a line is no marker; not 2000, not
     * "paragraph" */
    assert_string_equal(got, "Recalling|its|resolution|61|180|A|74|127|Treaty|\xC2\xB9|Ibid|5|CEDAW|C|report");
    cg_scan_destroy(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roman),
        cmocka_unit_test(test_resolution_ids),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_lines_and_furniture),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_word_lengths),
        cmocka_unit_test(test_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
