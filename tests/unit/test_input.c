/*
 * test_input.c - the input formats: detection by content, HTML (footnotes,
 * spans back into the file), MARCXML, Akoma Ntoso, PDF, and the safety of
 * the XML readers (external entities, billion laughs, truncation, deep
 * nesting) and of the PDF reader (not a PDF, corrupt, encrypted).
 *
 * Run from the project root: fixtures are read from tests/fixtures/, real
 * documents from ../shared/corpus/ (those tests skip, saying so, when the
 * corpus is absent).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "citegraph.h"
#include "input.h"
#include "read.h"

#define FIX "tests/fixtures/"
#define CORPUS "../shared/corpus"

/* ---- helpers ------------------------------------------------------ */

typedef struct docs {
    cg_doc **d;
    size_t n;
    cg_status st;
    cg_error err;
} docs;

static docs run(const char *path, cg_input_format f)
{
    docs r;
    memset(&r, 0, sizeof r);
    cg_extract_opts o;
    memset(&o, 0, sizeof o);
    o.input_format = f;
    r.st = cg_extract_file(path, &o, &r.d, &r.n, &r.err);
    return r;
}

static void docs_free(docs *r)
{
    for (size_t i = 0; i < r->n; i++)
        cg_doc_free(r->d[i]);
    free(r->d);
    memset(r, 0, sizeof *r);
}

static const cg_mention *find_target(const cg_doc *d, const char *target)
{
    for (size_t i = 0; i < d->n_mentions; i++)
        if (strcmp(d->mentions[i].target, target) == 0)
            return &d->mentions[i];
    return NULL;
}

static char *slurp(const char *path, size_t *len)
{
    char *data = NULL;
    cg_error err;
    if (cg_read_all(path, &data, len, &err) != CG_OK)
        return NULL;
    char *z = realloc(data, *len + 1);
    if (!z) {
        free(data);
        return NULL;
    }
    z[*len] = '\0';
    return z;
}

/* A failure must be one line that names the file. */
static void assert_fails(const char *path, cg_input_format f, cg_status want)
{
    docs r = run(path, f);
    assert_int_equal(r.st, want);
    assert_non_null(strstr(r.err.msg, path));
    assert_null(strchr(r.err.msg, '\n'));
    docs_free(&r);
}

/* Every string the extraction of path produces, JSON Lines and metadata. */
static char *all_output(const char *path, cg_status *st)
{
    docs r = run(path, CG_IN_AUTO);
    size_t cap = 1 << 16, len = 0;
    char *all = calloc(cap, 1);
    assert_non_null(all);
    *st = r.st;
    for (size_t i = 0; i < r.n; i++) {
        char *js = cg_doc_jsonl(r.d[i]);
        assert_non_null(js);
        const char *parts[] = {js, r.d[i]->meta.id, r.d[i]->meta.title, r.d[i]->meta.date};
        for (int k = 0; k < 4; k++) {
            size_t l = strlen(parts[k]);
            while (len + l + 2 > cap) {
                cap *= 2;
                all = realloc(all, cap);
                assert_non_null(all);
            }
            memcpy(all + len, parts[k], l);
            len += l;
            all[len++] = '\n';
            all[len] = '\0';
        }
        free(js);
    }
    size_t l = strlen(r.err.msg);
    if (len + l + 1 < cap)
        memcpy(all + len, r.err.msg, l + 1);
    docs_free(&r);
    return all;
}

static int have_corpus(const char *sub)
{
    char p[256];
    snprintf(p, sizeof p, CORPUS "/%s", sub);
    struct stat st;
    if (stat(p, &st) != 0) {
        printf("skip: %s absent: corpus tests not run\n", p);
        return 0;
    }
    return 1;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- detection ------------------------------------------------------ */

static void test_detect(void **state)
{
    (void)state;
    static const struct { const char *data, *path; cg_input_format want; } cases[] = {
        {"%PDF-1.7\n...", "x.txt", CG_IN_PDF},
        {"\xEF\xBB\xBF%PDF-1.4", "x", CG_IN_PDF},
        {"<?xml version=\"1.0\"?>\n<!-- n: 94 -->\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">",
         "x.txt", CG_IN_MARCXML},
        {"<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">", "x", CG_IN_MARCXML},
        {"<collection xmlns=\"urn:other\"><record/></collection>", "x.xml", CG_IN_TEXT},
        {"<?xml version=\"1.0\"?><!DOCTYPE akomaNtoso [ <!ENTITY a \"<b>\"> ]>\n<akomaNtoso>", "x.xml", CG_IN_AKN},
        {"<an:akomaNtoso xmlns:an=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">", "x", CG_IN_AKN},
        {"  <!DOCTYPE html>\n<html><body>", "x.txt", CG_IN_HTML},
        {"<HTML><BODY>resolution 64/293</BODY></HTML>", "x", CG_IN_HTML},
        {"<p>a fragment</p>", "x.htm", CG_IN_HTML},
        {"Resolution 64/293 of 30 July 2010", "x.pdf", CG_IN_PDF}, /* says "not a PDF" */
        {"Resolution 64/293 of 30 July 2010", "x.html", CG_IN_HTML},
        {"Resolution 64/293 of 30 July 2010", "x.xml", CG_IN_TEXT},
        {"Resolution 64/293 of 30 July 2010", "x.txt", CG_IN_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_input_format got = cg_input_detect(cases[i].data, strlen(cases[i].data), cases[i].path);
        if (got != cases[i].want)
            fail_msg("case %zu (%s): got %d, want %d", i, cases[i].path, got, cases[i].want);
    }
}

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(cg_input_format_from_name("text"), CG_IN_TEXT);
    assert_int_equal(cg_input_format_from_name("PDF"), CG_IN_PDF);
    assert_int_equal(cg_input_format_from_name("html"), CG_IN_HTML);
    assert_int_equal(cg_input_format_from_name("marcxml"), CG_IN_MARCXML);
    assert_int_equal(cg_input_format_from_name("akn"), CG_IN_AKN);
    assert_int_equal(cg_input_format_from_name("docx"), CG_IN_AUTO);
    assert_int_equal(cg_input_format_from_name(NULL), CG_IN_AUTO);
}

static void test_symbols(void **state)
{
    (void)state;
    char id[160];
    assert_int_equal(cg_input_canon_symbol(id, "S/RES/2771 (2025)", 17), 0);
    assert_string_equal(id, "S/RES/2771(2025)");
    assert_int_equal(cg_input_canon_symbol(id, " A/C.3/78/L.49/Rev.1* ", 22), 0);
    assert_string_equal(id, "A/C.3/78/L.49/Rev.1");
    const char *url = "https://undocs.org/Home/Mobile?FinalSymbol=A/74/235&Language=E";
    assert_int_equal(cg_input_find_symbol(id, url, strlen(url)), 0);
    assert_string_equal(id, "A/74/235");
    const char *t = "see (S/RES/2331 (2016)),";
    assert_int_equal(cg_input_find_symbol(id, t, strlen(t)), 0);
    assert_string_equal(id, "S/RES/2331(2016)");
    assert_int_equal(cg_input_find_symbol(id, "the report", 10), -1);
    assert_int_equal(cg_input_year_of_id("S/RES/2771(2025)"), 2025);
    assert_int_equal(cg_input_year_of_id("E/2025/65"), 2025);
    assert_int_equal(cg_input_year_of_id("A/RES/78/213"), 0);
}

/* ---- HTML ------------------------------------------------------------ */

static void test_html_footnotes(void **state)
{
    (void)state;
    const char *path = FIX "input/footnotes.html";
    size_t len;
    char *src = slurp(path, &len);
    assert_non_null(src);
    docs r = run(path, CG_IN_AUTO);
    assert_int_equal(r.st, CG_OK);
    assert_int_equal(r.n, 1);
    const cg_doc *d = r.d[0];
    assert_string_equal(d->meta.id, "A/RES/74/176");
    /* script and style are not text */
    assert_null(find_target(d, "A/RES/1/1"));
    assert_null(find_target(d, "A/RES/2/2"));
    const cg_mention *m = find_target(d, "A/RES/64/293");
    assert_non_null(m);
    assert_string_equal(m->part, "preamble");
    assert_string_equal(m->verb, "recalling");
    /* spans point into the HTML file itself */
    assert_true(m->end <= len && m->start < m->end);
    assert_memory_equal(src + m->start, "64/293", 6);
    /* after "&amp;" and "&#8220;" the map still holds */
    m = find_target(d, "A/RES/72/195");
    assert_non_null(m);
    assert_memory_equal(src + m->start, "72/195", 6);
    /* <ol> items are numbered: operative paragraphs */
    m = find_target(d, "A/74/235");
    assert_non_null(m);
    assert_string_equal(m->part, "operative");
    assert_string_equal(m->para, "op1");
    assert_memory_equal(src + m->start, "A/74/235", 8);
    /* footnote 1 (an <a href="#fn1"><sup>1</sup></a> marker and an
     * <li id="fn1"> note) belongs to pp1; footnote 2 (a bare <sup>) to pp2 */
    m = find_target(d, "A/RES/71/1");
    assert_non_null(m);
    assert_string_equal(m->part, "footnote");
    assert_int_equal(m->footnote, 1);
    assert_string_equal(m->para, "pp1");
    assert_memory_equal(src + m->start, "71/1", 4);
    m = find_target(d, "UNTS/2225/39574");
    assert_non_null(m);
    assert_int_equal(m->footnote, 2);
    assert_string_equal(m->para, "pp2");
    docs_free(&r);
    free(src);
}

static void test_html_deep(void **state)
{
    (void)state;
    char path[] = "/tmp/cg_deep_html_XXXXXX"; /* HTML by its doctype */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("<!DOCTYPE html><html><body>", f);
    for (int i = 0; i < 400; i++)
        fputs("<div>", f);
    fputs("resolution 64/293", f);
    assert_int_equal(fclose(f), 0);
    docs r = run(path, CG_IN_AUTO);
    assert_int_equal(r.st, CG_ERR_INPUT);
    assert_non_null(strstr(r.err.msg, path));
    docs_free(&r);
    unlink(path);
}

/* ---- MARCXML --------------------------------------------------------- */

static void test_marc_fixture(void **state)
{
    (void)state;
    const char *path = FIX "marc/two_records.xml";
    size_t len;
    char *src = slurp(path, &len);
    assert_non_null(src);
    docs r = run(path, CG_IN_AUTO);
    assert_int_equal(r.st, CG_OK);
    assert_int_equal(r.n, 2); /* the record without a 191 is skipped */
    const cg_doc *d = r.d[0];
    assert_string_equal(d->meta.id, "A/C.3/78/L.49/Rev.1");
    assert_string_equal(d->meta.title,
                        "Promotion and protection of human rights in the context of digital technologies"
                        " : revised draft resolution");
    assert_string_equal(d->meta.date, "2023-11-08");
    assert_int_equal(d->meta.year, 2023);
    assert_string_equal(d->meta.body, "GA");
    assert_int_equal(d->n_mentions, 3);
    const cg_mention *m = find_target(d, "A/RES/78/213");
    assert_non_null(m);
    assert_string_equal(m->verb, "related");
    assert_string_equal(m->part, "body");
    assert_string_equal(m->kind, "resolution");
    assert_memory_equal(src + m->start, "A/RES/78/213", 12);
    m = find_target(d, "S/RES/2771(2025)");
    assert_non_null(m);
    assert_string_equal(m->body, "SC");
    assert_int_equal(m->year, 2025);
    assert_non_null(find_target(d, "A/78/481/Add.2"));
    assert_string_equal(r.d[1]->meta.id, "A/C.3/78/L.4");
    assert_string_equal(r.d[1]->meta.date, "");
    assert_int_equal(r.d[1]->meta.year, 2023);
    docs_free(&r);
    free(src);
}

static void test_marc_corpus(void **state)
{
    (void)state;
    if (!have_corpus("undl-marc"))
        return;
    const char *path = CORPUS "/undl-marc/session_78_committee_3_drafts.xml";
    double t0 = now();
    docs r = run(path, CG_IN_AUTO);
    double dt = now() - t0;
    assert_int_equal(r.st, CG_OK);
    assert_int_equal(r.n, 94);
    size_t links = 0;
    for (size_t i = 0; i < r.n; i++) {
        assert_true(strchr(r.d[i]->meta.id, '/') != NULL);
        assert_null(strchr(r.d[i]->meta.id, ' '));
        links += r.d[i]->n_mentions;
    }
    assert_string_equal(r.d[0]->meta.id, "A/C.3/78/L.49/Rev.1");
    assert_string_equal(r.d[0]->meta.date, "2023-11-08");
    assert_non_null(find_target(r.d[0], "A/RES/78/213"));
    assert_true(links > 94);
    printf("# MARCXML: %zu records, %zu related links in %.3f s (%.0f records/s)\n", r.n, links, dt,
           dt > 0 ? (double)r.n / dt : 0.0);
    docs_free(&r);
}

/* ---- Akoma Ntoso ----------------------------------------------------- */

static void test_akn_sample(void **state)
{
    (void)state;
    docs r = run(FIX "akn/A_RES_74_176.xml", CG_IN_AUTO);
    assert_int_equal(r.st, CG_OK);
    assert_int_equal(r.n, 1);
    const cg_doc *d = r.d[0];
    assert_string_equal(d->meta.id, "A/RES/74/176");
    assert_string_equal(d->meta.date, "2019-12-18");
    assert_string_equal(d->meta.title, "Improving the coordination of efforts against trafficking in persons");
    static const char *const want[] = {"A/74/400", "A/RES/64/293", "A/RES/55/25", "S/RES/2331(2016)",
                                       "S/RES/2388(2017)", "A/74/235", "A/RES/72/195", "UNTS/2225/39574"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!find_target(d, want[i]))
            fail_msg("missing %s", want[i]);
    /* each target once: the link and the text scan do not both count */
    for (size_t i = 0; i < d->n_mentions; i++)
        for (size_t k = i + 1; k < d->n_mentions; k++)
            assert_string_not_equal(d->mentions[i].target, d->mentions[k].target);
    const cg_mention *m = find_target(d, "A/74/235"); /* a link reading "the report" */
    assert_string_equal(m->part, "operative");
    assert_string_equal(m->verb, "takes note");
    m = find_target(d, "UNTS/2225/39574");
    assert_string_equal(m->part, "footnote");
    assert_string_equal(m->para, "pp2");
    assert_null(find_target(d, "A/RES/74/176"));
    docs_free(&r);
}

/* ---- XML safety ------------------------------------------------------ */

/* The external entity's content must never reach the output. */
static void check_no_leak(const char *path, const char *secret)
{
    cg_status st;
    char *all = all_output(path, &st);
    if (strstr(all, secret))
        fail_msg("%s: content of the external entity leaked into the output", path);
    free(all);
}

static void test_xxe_hostname(void **state)
{
    (void)state;
    size_t len = 0;
    char *host = slurp("/etc/hostname", &len);
    while (host && len && (host[len - 1] == '\n' || host[len - 1] == ' '))
        host[--len] = '\0';
    if (!host || len < 4) {
        /* a short name ("vm") also occurs by chance: the test below uses a
         * unique secret instead */
        printf("skip: /etc/hostname too short to search for; see test_xxe_secret\n");
        free(host);
        return;
    }
    check_no_leak(FIX "input/xxe_akn.xml", host);
    check_no_leak(FIX "input/xxe_marc.xml", host);
    check_no_leak(FIX "input/xxe.html", host);
    free(host);
}

static void test_xxe_secret(void **state)
{
    (void)state;
    char secret_path[] = "/tmp/cg_secret_XXXXXX";
    int fd = mkstemp(secret_path);
    assert_true(fd >= 0);
    char secret[64];
    snprintf(secret, sizeof secret, "CGSECRET%ldX%ld", (long)getpid(), (long)time(NULL));
    assert_true(write(fd, secret, strlen(secret)) == (ssize_t)strlen(secret));
    close(fd);
    static const char *const tmpl[] = {
        "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [ <!ENTITY s SYSTEM \"file://%s\"> ]>\n"
        "<akomaNtoso><statement><mainBody><p>A/RES/74/176</p><p>Recalling &s; resolution 64/293</p>"
        "<p><ref href=\"file://%s\">&s;</ref></p></mainBody></statement></akomaNtoso>\n",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [ <!ENTITY s SYSTEM \"file://%s\"> ]>\n"
        "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><datafield tag=\"191\">"
        "<subfield code=\"a\">A/1&s;</subfield></datafield><datafield tag=\"245\"><subfield code=\"a\">&s;"
        "</subfield></datafield><datafield tag=\"993\"><subfield code=\"a\">&s;</subfield></datafield>"
        "</record></collection>\n<!-- %s -->\n",
        "<!DOCTYPE html [ <!ENTITY s SYSTEM \"file://%s\"> ]><html><body><p>&s; resolution 64/293</p>"
        "<iframe src=\"file://%s\"></iframe></body></html>\n",
    };
    static const char *const ext[] = {".xml", ".xml", ".html"};
    for (int i = 0; i < 3; i++) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/cg_xxe_%ld_%d%s", (long)getpid(), i, ext[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, tmpl[i], secret_path, secret_path);
        assert_int_equal(fclose(f), 0);
        check_no_leak(path, secret);
        unlink(path);
    }
    unlink(secret_path);
}

static void test_billion_laughs(void **state)
{
    (void)state;
    const char *files[] = {FIX "input/billion_laughs.xml", FIX "input/billion_laughs_marc.xml"};
    for (int i = 0; i < 2; i++) {
        double t0 = now();
        assert_fails(files[i], CG_IN_AUTO, CG_ERR_INPUT);
        assert_true(now() - t0 < 2.0);
    }
}

static void test_truncated_xml(void **state)
{
    (void)state;
    assert_fails(FIX "input/truncated_marc.xml", CG_IN_AUTO, CG_ERR_INPUT);
    assert_fails(FIX "input/truncated_akn.xml", CG_IN_AUTO, CG_ERR_INPUT);
}

static void test_xml_deep(void **state)
{
    (void)state;
    static const char *const open[] = {
        "<akomaNtoso><statement><mainBody>",
        "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><datafield tag=\"191\">"};
    for (int k = 0; k < 2; k++) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/cg_deep_%ld_%d.xml", (long)getpid(), k);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(open[k], f);
        for (int i = 0; i < 300; i++)
            fputs("<x>", f);
        for (int i = 0; i < 300; i++)
            fputs("</x>", f);
        fputs(k ? "</datafield></record></collection>\n" : "</mainBody></statement></akomaNtoso>\n", f);
        assert_int_equal(fclose(f), 0);
        assert_fails(path, CG_IN_AUTO, CG_ERR_INPUT);
        unlink(path);
    }
}

/* ---- PDF ------------------------------------------------------------- */

static void test_pdf_bad(void **state)
{
    (void)state;
    assert_fails(FIX "input/not_a_pdf.pdf", CG_IN_AUTO, CG_ERR_INPUT);
    assert_fails(FIX "input/corrupt.pdf", CG_IN_AUTO, CG_ERR_INPUT);
    docs r = run(FIX "input/encrypted.pdf", CG_IN_AUTO);
    assert_int_equal(r.st, CG_ERR_INPUT);
    assert_non_null(strstr(r.err.msg, "encrypted"));
    assert_non_null(strstr(r.err.msg, FIX "input/encrypted.pdf"));
    docs_free(&r);
    /* forcing a format overrides detection */
    assert_fails(FIX "input/footnotes.html", CG_IN_PDF, CG_ERR_INPUT);
}

static void test_pdf_truncated_corpus(void **state)
{
    (void)state;
    if (!have_corpus("pdf"))
        return;
    size_t len;
    char *pdf = slurp(CORPUS "/pdf/S_2025_258.pdf", &len);
    assert_non_null(pdf);
    char path[64];
    snprintf(path, sizeof path, "/tmp/cg_trunc_%ld.pdf", (long)getpid());
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(pdf, 1, 5000, f), 5000);
    assert_int_equal(fclose(f), 0);
    assert_fails(path, CG_IN_AUTO, CG_ERR_INPUT);
    unlink(path);
    free(pdf);
}

static void test_pdf_corpus(void **state)
{
    (void)state;
    if (!have_corpus("pdf") || !have_corpus("un-docs-2025"))
        return;
    static const char *const stems[] = {"A_79_898", "A_80_159", "A_HRC_RES_59_25", "A_RES_78_323",
                                        "E_2025_65", "E_CN.5_2025_5", "S_2025_258", "S_RES_2771_2025"};
    double t = 0;
    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++) {
        char pp[256], tp[256];
        snprintf(pp, sizeof pp, CORPUS "/pdf/%s.pdf", stems[i]);
        snprintf(tp, sizeof tp, CORPUS "/un-docs-2025/%s.txt", stems[i]);
        double t0 = now();
        docs a = run(pp, CG_IN_AUTO);
        t += now() - t0;
        docs b = run(tp, CG_IN_AUTO);
        assert_int_equal(a.st, CG_OK);
        assert_int_equal(b.st, CG_OK);
        assert_string_equal(a.d[0]->meta.id, b.d[0]->meta.id);
        /* the same targets as pdftotext's text of the same PDF */
        for (size_t k = 0; k < b.d[0]->n_mentions; k++)
            if (!find_target(a.d[0], b.d[0]->mentions[k].target))
                fail_msg("%s: PDF misses %s", stems[i], b.d[0]->mentions[k].target);
        for (size_t k = 0; k < a.d[0]->n_mentions; k++)
            if (!find_target(b.d[0], a.d[0]->mentions[k].target))
                fail_msg("%s: PDF adds %s", stems[i], a.d[0]->mentions[k].target);
        docs_free(&a);
        docs_free(&b);
    }
    printf("# PDF: 8 files (97 pages) read and extracted in %.3f s\n", t);
}

/* The JSON line of a mention: escapes, numbers and the confidence as
 * "%.2f" prints it, for the values the recognizer gives and others. */
static void test_jsonl_format(void **state)
{
    (void)state;
    cg_doc *d = cg_doc_new();
    assert_non_null(d);
    d->meta.id = "A/RES/1/1";
    d->meta.path = "p";
    static const double conf[] = { 1.0, 0.9, 0.5, 0.0, 0.125, 0.994, 0.995, 0.33333 };
    for (size_t k = 0; k < sizeof conf / sizeof conf[0]; k++) {
        cg_mention *m = cg_doc_add_mention(d);
        assert_non_null(m);
        m->target = "S/RES/242(1967)";
        m->text = k ? "plain" : "q\"b\\ \x01\t\xC3\xA9";
        m->start = 1234567;
        m->end = k;
        m->footnote = (int)k * 10;
        m->confidence = conf[k];
    }
    char *js = cg_doc_jsonl(d);
    assert_non_null(js);
    char want[64];
    for (size_t k = 0; k < sizeof conf / sizeof conf[0]; k++) {
        snprintf(want, sizeof want, "\"span\":[1234567,%zu],\"confidence\":%.2f,", k, conf[k]);
        assert_non_null(strstr(js, want));
        if (k) {
            snprintf(want, sizeof want, "\"footnote\":%zu,", k * 10);
            assert_non_null(strstr(js, want));
        }
    }
    assert_non_null(strstr(js, "\"footnote\":null,"));
    assert_non_null(strstr(js, "\"text\":\"q\\\"b\\\\ \\u0001\\t\xC3\xA9\"}"));
    free(js);
    d->meta.id = NULL;
    d->meta.path = NULL;
    for (size_t k = 0; k < d->n_mentions; k++)
        d->mentions[k].target = d->mentions[k].text = "";
    cg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_html_footnotes),
        cmocka_unit_test(test_html_deep),
        cmocka_unit_test(test_marc_fixture),
        cmocka_unit_test(test_marc_corpus),
        cmocka_unit_test(test_akn_sample),
        cmocka_unit_test(test_xxe_hostname),
        cmocka_unit_test(test_xxe_secret),
        cmocka_unit_test(test_billion_laughs),
        cmocka_unit_test(test_truncated_xml),
        cmocka_unit_test(test_xml_deep),
        cmocka_unit_test(test_pdf_bad),
        cmocka_unit_test(test_pdf_truncated_corpus),
        cmocka_unit_test(test_pdf_corpus),
        cmocka_unit_test(test_jsonl_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
