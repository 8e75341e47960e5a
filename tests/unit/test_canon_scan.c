/*
 * test_canon_scan.c - canonical ids (canon.c) and the lexical layer
 * (scan.c): roman numerals, symbol spelling, page furniture, tokens.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roman),
        cmocka_unit_test(test_resolution_ids),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_lines_and_furniture),
        cmocka_unit_test(test_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
