/*
 * test_export.c - the exporters: format names, each format against the
 * golden files in tests/golden/export/ (run from the project root; set
 * CG_UPDATE_GOLDEN=1 to rewrite them), hostile strings that must still
 * give parseable files, and failures that must leave nothing behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <graphviz/cgraph.h>
#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "citegraph.h"

#define GOLDEN_DIR "tests/golden/export"

/* ---- helpers ------------------------------------------------------ */

static cg_doc *mkdoc(const char *id, const char *path, const char *kind,
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

static void cite(cg_doc *d, const char *target, const char *kind,
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

static cg_graph *build(cg_doc **docs, size_t n)
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
static cg_graph *small_graph(void)
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

static char *slurp(const char *path, size_t *len)
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

static int setup_dir(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/cg_test_export.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

/* Number of entries in tmpdir (minus . and ..). */
static int dir_entries(void)
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

static int teardown_dir(void **state)
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

static void check_golden(const char *got_path, const char *name)
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

/* ---- tests -------------------------------------------------------- */

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(cg_format_from_name("graphml"), CG_FMT_GRAPHML);
    assert_int_equal(cg_format_from_name("DOT"), CG_FMT_DOT);
    assert_int_equal(cg_format_from_name("adj"), CG_FMT_ADJ);
    assert_int_equal(cg_format_from_name("svg"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_name(NULL), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path("out/c.graphml"), CG_FMT_GRAPHML);
    assert_int_equal(cg_format_from_path("c.GraphML"), CG_FMT_GRAPHML);
    assert_int_equal(cg_format_from_path("c.dot"), CG_FMT_DOT);
    assert_int_equal(cg_format_from_path("c.gv"), CG_FMT_DOT);
    assert_int_equal(cg_format_from_path("/x/y.adj"), CG_FMT_ADJ);
    assert_int_equal(cg_format_from_path("c.txt"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path("graphml"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path("dir.dot/file"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path(".dot"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path(NULL), CG_FMT_UNKNOWN);
}

static void test_golden(void **state)
{
    (void)state;
    static const struct { cg_format fmt; const char *name; } F[] = {
        { CG_FMT_GRAPHML, "small.graphml" },
        { CG_FMT_DOT, "small.dot" },
        { CG_FMT_ADJ, "small.adj" },
    };
    cg_graph *g = small_graph();
    for (size_t i = 0; i < 3; i++) {
        char path[256];
        cg_error err = { 0 };
        snprintf(path, sizeof path, "%s/%s", tmpdir, F[i].name);
        assert_int_equal(cg_export(g, F[i].fmt, path, &err), CG_OK);
        check_golden(path, F[i].name);
        unlink(path);
    }
    assert_int_equal(dir_entries(), 0); /* no temporary left over */
    cg_graph_free(g);
}

static void test_stdout(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    char path[256];
    cg_error err = { 0 };
    snprintf(path, sizeof path, "%s/stdout.adj", tmpdir);
    fflush(stdout);
    int saved = dup(1);
    assert_true(saved >= 0);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_true(dup2(fd, 1) == 1);
    close(fd);
    cg_status st = cg_export(g, CG_FMT_ADJ, "-", &err);
    fflush(stdout);
    assert_true(dup2(saved, 1) == 1);
    close(saved);
    assert_int_equal(st, CG_OK);
    check_golden(path, "small.adj");
    unlink(path);
    cg_graph_free(g);
}

/* Ids and labels no exporter may choke on. */
#define HOSTILE_1 "A/RES/1\"q\\"
#define HOSTILE_2 "x\ny\\\\z <&]]> ' \" \x01\x1f\x7f end\xff\xfe \xc3\x28 \xef\xbf\xbe"
#define HOSTILE_3 "tab\there\r\n"

static cg_graph *hostile_graph(void)
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

static void test_hostile_graphml(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    cg_error err = { 0 };
    snprintf(path, sizeof path, "%s/h.graphml", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_GRAPHML, path, &err), CG_OK);

    /* libxml2, strict: no recovery, errors fail the test. */
    size_t len;
    char *xml = slurp(path, &len);
    assert_non_null(xml);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "h.graphml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    assert_non_null(doc);
    size_t nodes = 0, edges = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "graph"))
            continue;
        for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE)
                continue;
            nodes += !strcmp((const char *)k->name, "node");
            edges += !strcmp((const char *)k->name, "edge");
        }
    }
    xmlFreeDoc(doc);
    free(xml);
    assert_int_equal(nodes, 5);
    assert_int_equal(edges, 5);

    /* igraph's own reader. */
    igraph_t ig;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    igraph_error_t rc = igraph_read_graph_graphml(&ig, f, 0);
    fclose(f);
    assert_int_equal(rc, IGRAPH_SUCCESS);
    assert_int_equal(igraph_vcount(&ig), 5);
    assert_int_equal(igraph_ecount(&ig), 5);
    assert_true(igraph_is_directed(&ig));
    /* The label of the first node survives byte for byte. */
    long v = cg_graph_find(g, HOSTILE_1);
    assert_true(v >= 0);
    assert_string_equal(VAS(&ig, "label", v), HOSTILE_1);
    assert_true(EAN(&ig, "weight", 0) >= 1.0);
    igraph_destroy(&ig);
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_dot(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    cg_error err = { 0 };
    snprintf(path, sizeof path, "%s/h.dot", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_DOT, path, &err), CG_OK);
    size_t len;
    char *dot = slurp(path, &len);
    assert_non_null(dot);
    Agraph_t *dg = agmemread(dot);
    assert_non_null(dg);
    assert_int_equal(agnnodes(dg), 5);
    assert_int_equal(agnedges(dg), 5);
    assert_true(agisdirected(dg));
    agclose(dg);
    free(dot);
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_adj(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    cg_error err = { 0 };
    snprintf(path, sizeof path, "%s/h.adj", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_ADJ, path, &err), CG_OK);
    size_t len;
    char *adj = slurp(path, &len);
    assert_non_null(adj);
    /* one line per node, no CR, and all first fields distinct */
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += adj[i] == '\n';
    assert_int_equal(lines, 5);
    assert_null(memchr(adj, '\r', len));
    assert_true(len > 0 && adj[len - 1] == '\n');
    char *first[5];
    size_t k = 0;
    for (char *p = adj; *p && k < 5; k++) {
        char *eol = strchr(p, '\n');
        *eol = '\0';
        char *tab = strchr(p, '\t');
        if (tab)
            *tab = '\0';
        first[k] = p;
        p = eol + 1;
    }
    assert_int_equal(k, 5);
    for (size_t i = 0; i < 5; i++)
        for (size_t j = i + 1; j < 5; j++)
            assert_string_not_equal(first[i], first[j]);
    free(adj);
    unlink(path);
    cg_graph_free(g);
}

static void test_failures_leave_nothing(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    cg_error err = { 0 };
    char path[256];

    /* nonexistent directory */
    snprintf(path, sizeof path, "%s/no/such/dir/out.graphml", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_GRAPHML, path, &err), CG_ERR_IO);
    assert_int_equal(err.code, CG_ERR_IO);
    assert_non_null(strstr(err.msg, "out.graphml"));
    assert_int_equal(dir_entries(), 0);

    /* a directory as destination */
    assert_int_equal(cg_export(g, CG_FMT_ADJ, tmpdir, &err), CG_ERR_IO);

    /* bad arguments */
    assert_int_equal(cg_export(g, CG_FMT_UNKNOWN, "x.txt", &err),
                     CG_ERR_USAGE);
    assert_int_equal(cg_export(NULL, CG_FMT_ADJ, "x.adj", &err),
                     CG_ERR_USAGE);
    assert_int_equal(cg_export(g, CG_FMT_ADJ, NULL, &err), CG_ERR_USAGE);
    assert_int_equal(cg_export(g, CG_FMT_ADJ, "", NULL), CG_ERR_USAGE);

    /* /dev/full: the write fails, and the device is still a device */
    static const cg_format fmts[] = { CG_FMT_GRAPHML, CG_FMT_DOT, CG_FMT_ADJ };
    for (size_t i = 0; i < 3; i++) {
        memset(&err, 0, sizeof err);
        assert_int_equal(cg_export(g, fmts[i], "/dev/full", &err), CG_ERR_IO);
        assert_non_null(strstr(err.msg, "/dev/full"));
        struct stat sb;
        assert_int_equal(stat("/dev/full", &sb), 0);
        assert_true(S_ISCHR(sb.st_mode));
    }

    /* A write that fails half way (file size limit): the old file stays,
     * and no temporary file is left behind. */
    snprintf(path, sizeof path, "%s/keep.graphml", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = 100;
    void (*oldsig)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    cg_status st1 = cg_export(g, CG_FMT_GRAPHML, path, &err);
    cg_status st2 = cg_export(g, CG_FMT_DOT, path, &err);
    cg_status st3 = cg_export(g, CG_FMT_ADJ, path, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, oldsig);
    assert_int_equal(st1, CG_ERR_IO);
    assert_int_equal(st2, CG_ERR_IO);
    assert_int_equal(st3, CG_ERR_IO);
    assert_int_equal(dir_entries(), 1);
    size_t len;
    char *kept = slurp(path, &len);
    assert_string_equal(kept, "old\n");
    free(kept);
    unlink(path);
    cg_graph_free(g);
}

static void test_mode_and_symlink(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    cg_error err = { 0 };
    char path[256], link[256];
    snprintf(path, sizeof path, "%s/m.adj", tmpdir);
    snprintf(link, sizeof link, "%s/link.adj", tmpdir);

    /* a new file: 0666 minus the umask */
    mode_t um = umask(022);
    assert_int_equal(cg_export(g, CG_FMT_ADJ, path, &err), CG_OK);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0644);
    /* an existing file keeps its mode */
    assert_int_equal(chmod(path, 0640), 0);
    assert_int_equal(cg_export(g, CG_FMT_ADJ, path, &err), CG_OK);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0640);
    umask(um);

    /* through a symlink: the link stays a link, the target is replaced */
    assert_int_equal(symlink("m.adj", link), 0);
    assert_int_equal(cg_export(g, CG_FMT_GRAPHML, link, &err), CG_OK);
    assert_int_equal(lstat(link, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    size_t len;
    char *txt = slurp(path, &len);
    assert_non_null(strstr(txt, "<graphml"));
    free(txt);
    assert_int_equal(dir_entries(), 2);
    unlink(link);
    unlink(path);
    cg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    cg_graph *g = build(NULL, 0);
    static const cg_format fmts[] = { CG_FMT_GRAPHML, CG_FMT_DOT, CG_FMT_ADJ };
    for (size_t i = 0; i < 3; i++) {
        char path[256];
        cg_error err = { 0 };
        snprintf(path, sizeof path, "%s/empty%zu", tmpdir, i);
        assert_int_equal(cg_export(g, fmts[i], path, &err), CG_OK);
        size_t len;
        char *txt = slurp(path, &len);
        assert_non_null(txt);
        if (fmts[i] == CG_FMT_ADJ)
            assert_int_equal(len, 0);
        free(txt);
        unlink(path);
    }
    cg_graph_free(g);
}

int main(void)
{
    cg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_stdout),
        cmocka_unit_test(test_hostile_graphml),
        cmocka_unit_test(test_hostile_dot),
        cmocka_unit_test(test_hostile_adj),
        cmocka_unit_test(test_failures_leave_nothing),
        cmocka_unit_test(test_mode_and_symlink),
        cmocka_unit_test(test_empty_graph),
    };
    int failed = cmocka_run_group_tests(tests, setup_dir, teardown_dir);
    xmlCleanupParser();
    return failed != 0;
}
