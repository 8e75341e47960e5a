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

#define FIXTURE_TMP_TEMPLATE "/tmp/cg_test_export.XXXXXX"
#include "export_fixture.h"

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
