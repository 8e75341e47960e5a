/*
 * export_fixture.h - helpers shared by the exporter tests (test_export.c,
 * test_export_formats.c): small documents and graphs, a scratch
 * directory, and golden-file comparison (CG_UPDATE_GOLDEN=1 rewrites).
 *
 * Included by one test file each; FIXTURE_TMP_TEMPLATE names the scratch
 * directory template.  Functions are static: each test binary has its own.
 */
#ifndef CG_EXPORT_FIXTURE_H
#define CG_EXPORT_FIXTURE_H

#ifndef GOLDEN_DIR
#define GOLDEN_DIR "tests/golden/export"
#endif
#define FIXTURE_FN static __attribute__((unused))

FIXTURE_FN cg_doc *mkdoc(const char *id, const char *path, const char *kind,
                     const char *body, const char *title, const char *date,
                     int year)
{
    cg_doc *d = cg_doc_new();
    assert_non_null(d);
    d->meta.id = id;
    d->meta.path = path;
    d->meta.kind = kind;
    d->meta.body = body;
    d->meta.title = title;
    d->meta.date = date;
    d->meta.year = year;
    return d;
}

FIXTURE_FN void cite(cg_doc *d, const char *target, const char *kind,
                 const char *body, const char *title, const char *verb,
                 const char *part, const char *para, const char *locator,
                 int year)
{
    cg_mention *m = cg_doc_add_mention(d);
    assert_non_null(m);
    m->target = target;
    m->kind = kind;
    m->body = body;
    m->title = title;
    m->verb = verb;
    m->part = part;
    m->para = para;
    m->locator = locator;
    m->year = year;
}

FIXTURE_FN cg_graph *build(cg_doc **docs, size_t n)
{
    cg_builder *b = cg_builder_new();
    assert_non_null(b);
    cg_error err = { 0 };
    for (size_t i = 0; i < n; i++)
        assert_int_equal(cg_builder_add_doc(b, docs[i], &err), CG_OK);
    cg_graph *g = NULL;
    assert_int_equal(cg_builder_finish(b, &g, &err), CG_OK);
    cg_builder_free(b);
    for (size_t i = 0; i < n; i++)
        cg_doc_free(docs[i]);
    return g;
}

/* The small graph of the golden files. */
FIXTURE_FN cg_graph *small_graph(void)
{
    cg_doc *a = mkdoc("A/RES/74/176", "seed.txt", "resolution", "GA",
                      "Improving the coordination of efforts against "
                      "trafficking in persons", "2019-12-18", 2019);
    cite(a, "A/RES/64/293", "resolution", "GA",
         "United Nations Global Plan of Action to Combat Trafficking in "
         "Persons", "recalling", "preamble", "pp2", "", 2010);
    cite(a, "UNTS/2237/39574", "treaty", "UNTS",
         "Protocol to Prevent, Suppress & Punish \"Trafficking\" <Palermo>",
         "reaffirming", "preamble", "pp3", "", 0);
    cite(a, "S/RES/2331(2016)", "resolution", "SC", "", "welcoming",
         "preamble", "pp5", "", 2016);
    cite(a, "A/RES/64/293", "resolution", "GA", "", "requests", "operative",
         "op3", "para. 26", 2010);
    cite(a, "A/RES/74/176", "resolution", "GA", "", "decides", "operative",
         "op9", "", 0);
    cg_doc *b = mkdoc("A/RES/64/293", "64_293.txt", "resolution", "GA",
                      "United Nations Global Plan of Action to Combat "
                      "Trafficking in Persons", "2010-07-30", 2010);
    cite(b, "A/RES/55/25", "resolution", "GA", "", "recalling", "preamble",
         "pp1", "annex I", 2000);
    cg_doc *docs[] = { a, b };
    cg_graph *g = build(docs, 2);
    assert_int_equal(cg_graph_node_count(g), 5);
    assert_int_equal(cg_graph_edge_count(g), 4);
    return g;
}

FIXTURE_FN char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 1 >= cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static char tmpdir[64];

FIXTURE_FN int setup_dir(void **state)
{
    (void)state;
    strcpy(tmpdir, FIXTURE_TMP_TEMPLATE);
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* Number of entries in tmpdir (minus . and ..). */
FIXTURE_FN int dir_entries(void)
{
    DIR *d = opendir(tmpdir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

FIXTURE_FN int teardown_dir(void **state)
{
    (void)state;
    DIR *d = opendir(tmpdir);
    if (d) {
        struct dirent *de;
        char p[512];
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                continue;
            snprintf(p, sizeof p, "%s/%s", tmpdir, de->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(tmpdir);
    return 0;
}

FIXTURE_FN void check_golden(const char *got_path, const char *name)
{
    char gpath[256];
    snprintf(gpath, sizeof gpath, "%s/%s", GOLDEN_DIR, name);
    size_t glen = 0, len = 0;
    char *got = slurp(got_path, &len);
    assert_non_null(got);
    const char *upd = getenv("CG_UPDATE_GOLDEN");
    if (upd && *upd == '1') {
        FILE *f = fopen(gpath, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(got, 1, len, f), len);
        assert_int_equal(fclose(f), 0);
    }
    char *want = slurp(gpath, &glen);
    if (!want)
        fail_msg("missing golden file %s (run from the project root)", gpath);
    if (glen != len || memcmp(got, want, len) != 0) {
        free(got);
        free(want);
        fail_msg("%s differs from %s", got_path, gpath);
    }
    free(got);
    free(want);
}

/* Ids and labels no exporter may choke on. */
#define HOSTILE_1 "A/RES/1\"q\\"
#define HOSTILE_2 "x\ny\\\\z <&]]> ' \" \x01\x1f\x7f end\xff\xfe \xc3\x28 \xef\xbf\xbe"
#define HOSTILE_3 "tab\there\r\n"

FIXTURE_FN cg_graph *hostile_graph(void)
{
    cg_doc *a = mkdoc(HOSTILE_1, "h1.txt", "resolution", "GA",
                      "Title \"quoted\" & <tagged> ]]> \\ \x02",
                      "2001-01-01", 2001);
    cite(a, HOSTILE_2, "kind\x03", "body\xff", "title\n\x1b[31m",
         "verb\"\\", "part<", "para&", "loc]]>", 0);
    cite(a, HOSTILE_3, "report", "GA", "", "v", "", "", "", 0);
    cite(a, "tab here  ", "report", "GA", "", "v", "", "", "", 0);
    cite(a, "trailing\\", "report", "GA", "", "v\\", "", "", "", 0);
    cg_doc *b = mkdoc(HOSTILE_2, "h2.txt", "", "", "", "", 0);
    cite(b, HOSTILE_1, "resolution", "GA", "", "recalling", "", "", "", 0);
    cg_doc *docs[] = { a, b };
    cg_graph *g = build(docs, 2);
    assert_int_equal(cg_graph_node_count(g), 5);
    assert_int_equal(cg_graph_edge_count(g), 5);
    return g;
}

#endif
