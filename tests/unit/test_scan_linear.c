/*
 * test_scan_linear.c - resource bounds of cg_extract_text: adversarial
 * inputs (runs of "resolution", digits and slashes, a wall of '/',
 * parentheses, "and Add.1" chains, superscript markers, one endless
 * sentence of symbols) must cost about what an ordinary document of the
 * same size costs.  Each case asserts a ratio of times, never an absolute
 * time, so that a slow machine or a sanitizer build passes alike; a
 * quadratic pass anywhere in the scanner, recognizer or footnote linker
 * shows as a ratio in the hundreds at this size.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "citegraph.h"

#ifndef SIZE
#define SIZE (2u << 20)   /* 2 MiB per input */
#endif
#define MAX_RATIO 5.0
#define RUNS 3            /* best of RUNS: noise only ever adds time */

/* An ordinary resolution: header, preamble with citations and footnote
 * markers, operative paragraphs, a footnote block. */
static const char NORMAL[] =
    "United Nations A/RES/64/178\n\nGeneral Assembly\n\n"
    "Distr.: General 26 March 2010\n\nSixty-fourth session\nAgenda item 104\n\n"
    "Resolution adopted by the General Assembly on 18 December 2009\n\n"
    "[on the report of the Third Committee (A/64/440 and Corr.1)]\n\n"
    "64/178. Improving the coordination of efforts against trafficking in persons\n\n"
    "The General Assembly,\n\n"
    "Recalling its resolutions 55/25 of 15 November 2000, 58/137 of 22 December 2003 "
    "and 61/180 of 20 December 2006, and Security Council resolution 1325 (2000),\n\n"
    "Reaffirming the United Nations Convention against Transnational Organized Crime\xc2\xb9 "
    "and the Protocol thereto,\xc2\xb2\n\n"
    "Welcoming Economic and Social Council resolution 2008/33 of 25 July 2008,\n\n"
    "1. Urges Member States to ratify the instruments referred to above, as "
    "recommended in the report of the Secretary-General (A/64/290, para. 26);\n\n"
    "2. Requests the Secretary-General to report to it at its sixty-sixth session "
    "(see S/2009/1 and Add.1);\n\n"
    "______\n\xc2\xb9 United Nations, Treaty Series, vol. 2225, No. 39574.\n"
    "\xc2\xb2 Ibid., vol. 2237, No. 39574.\n\n";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A SIZE-byte buffer of `unit` repeated (cut at a UTF-8 boundary). */
static char *repeat(const char *unit, size_t *len)
{
    size_t ul = strlen(unit);
    char *b = malloc(SIZE);
    assert_non_null(b);
    size_t n = 0;
    while (n + ul <= SIZE) {
        memcpy(b + n, unit, ul);
        n += ul;
    }
    *len = n;
    return b;
}

/* Best-of-RUNS seconds of cg_extract_text on text[0..len). */
static double time_extract(const char *text, size_t len)
{
    double best = 1e30;
    for (int r = 0; r < RUNS; r++) {
        cg_doc *d = NULL;
        cg_error err;
        double t0 = now();
        cg_status st = cg_extract_text(text, len, "adversarial.txt", NULL, &d, &err);
        double t = now() - t0;
        if (st != CG_OK)
            fail_msg("cg_extract_text failed: %s", err.msg);
        cg_doc_free(d);
        if (t < best)
            best = t;
    }
    return best;
}

static char *normal_text;
static size_t normal_len;
static double normal_time;

static int setup(void **state)
{
    (void)state;
    normal_text = repeat(NORMAL, &normal_len);
    normal_time = time_extract(normal_text, normal_len);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(normal_text);
    return 0;
}

/* Takes text (frees it).  A ratio over the bound is measured once more,
 * the ordinary document too, before failing: a busy machine can stall one
 * measurement, a quadratic pass fails both. */
static void check(const char *name, char *text, size_t len)
{
    double t = time_extract(text, len);
    double ratio = normal_time > 0 ? t / normal_time : 0;
    if (ratio >= MAX_RATIO) {
        double n2 = time_extract(normal_text, normal_len);
        if (n2 > normal_time)
            normal_time = n2;
        double t2 = time_extract(text, len);
        if (t2 < t)
            t = t2;
        ratio = normal_time > 0 ? t / normal_time : 0;
    }
    free(text);
    printf("# %-28s %7.3f s vs %7.3f s ordinary: ratio %.2f\n", name, t, normal_time, ratio);
    if (ratio >= MAX_RATIO)
        fail_msg("%s: %.2f times slower than an ordinary document of the same size", name, ratio);
}

static void test_resolution_runs(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("resolution resolution 1/1/1/1 ((( ", &n);
    check("resolution runs", b, n);
}

static void test_resolution_runs_lines(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("resolution resolution 1/1/1/1 (((\n", &n);
    check("resolution runs, lines", b, n);
}

static void test_digits_slashes(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("12345/678/9/0/1111111/22/", &n);
    check("digits and slashes", b, n);
}

static void test_slashes(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("/", &n);
    check("a wall of '/'", b, n);
}

static void test_digits(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("1234567890", &n);
    check("one endless number", b, n);
}

static void test_parens(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("resolution 1 (((((((((( 2000 ", &n);
    check("parentheses", b, n);
}

static void test_add_chain(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat(" and Add.1", &n);
    memcpy(b, "See A/64/1", 10);
    check("'and Add.1' chain", b, n);
}

static void test_symbol_list(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("resolutions 61/180, S/RES/1325 (2000), A/64/440/Rev.1/Corr.2, ", &n);
    check("one sentence of symbols", b, n);
}

static void test_superscripts(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("Recalling\xc2\xb9\xc2\xb2\xc2\xb3 resolution 1/1,\xe2\x81\xb4\n", &n);
    check("superscript markers", b, n);
}

static void test_footnote_block(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("1 Ibid., para. 2.\n", &n);
    memcpy(b, "______\n", 7);
    check("one long footnote block", b, n);
}

static void test_blank_lines(void **state)
{
    (void)state;
    size_t n;
    char *b = repeat("\n", &n);
    b[0] = 'x';
    check("blank lines", b, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resolution_runs),
        cmocka_unit_test(test_resolution_runs_lines),
        cmocka_unit_test(test_digits_slashes),
        cmocka_unit_test(test_slashes),
        cmocka_unit_test(test_digits),
        cmocka_unit_test(test_parens),
        cmocka_unit_test(test_add_chain),
        cmocka_unit_test(test_symbol_list),
        cmocka_unit_test(test_superscripts),
        cmocka_unit_test(test_footnote_block),
        cmocka_unit_test(test_blank_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
