/*
 * test_graph.c - cg_builder / cg_graph: node dedup and order, edge merging
 * (weight, ';'-joined lists), attribute merging, self-citations, the cited
 * flag, and independence from the order documents are added.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <igraph.h>

#include "citegraph.h"

/* mkdoc, cite, build (which frees the documents), slurp and the scratch
 * directory come from the exporter tests' fixture.  Test documents point
 * at string literals: cg_doc strings are only read. */
#define FIXTURE_TMP_TEMPLATE "/tmp/cg_test_graph.XXXXXX"
#include "export_fixture.h"

/* cite with the body told from the target: SC for S/..., else GA. */
static void cite_un(cg_doc *d, const char *target, const char *kind,
                    const char *title, const char *verb, const char *part,
                    const char *para, const char *locator, int year)
{
    cite(d, target, kind, strncmp(target, "S/", 2) == 0 ? "SC" : "GA", title,
         verb, part, para, locator, year);
}

/* The graph of docs added in order (indexes into docs); the documents
 * stay the caller's, to be built again in another order. */
static cg_graph *build_ordered(cg_doc **docs, const size_t *order, size_t n)
{
    cg_builder *b = cg_builder_new();
    assert_non_null(b);
    cg_error err = { 0 };
    for (size_t i = 0; i < n; i++)
        assert_int_equal(cg_builder_add_doc(b, docs[order[i]], &err), CG_OK);
    cg_graph *g = NULL;
    assert_int_equal(cg_builder_finish(b, &g, &err), CG_OK);
    cg_builder_free(b);
    assert_non_null(g);
    return g;
}

static long edge_between(const cg_graph *g, const char *a, const char *b)
{
    long va = cg_graph_find(g, a), vb = cg_graph_find(g, b);
    if (va < 0 || vb < 0)
        return -1;
    for (size_t e = 0; e < cg_graph_edge_count(g); e++) {
        size_t f, t;
        cg_graph_edge_ends(g, e, &f, &t);
        if (f == (size_t)va && t == (size_t)vb)
            return (long)e;
    }
    return -1;
}

static void test_dedup_sort_self(void **state)
{
    (void)state;
    cg_doc *d2 = mkdoc("A/RES/2", "a2.txt", "resolution", "GA", "", "", 2001);
    cite_un(d2, "S/RES/5(1990)", "resolution", "", "recalling", "preamble",
            "pp2", "", 1990);
    cite_un(d2, "A/RES/1", "resolution", "", "recalling", "preamble", "pp1",
            "", 0);
    cite_un(d2, "A/RES/2", "resolution", "", "decides", "operative", "op1", "",
            0);
    cite_un(d2, "A/RES/1", "resolution", "", "recalling", "preamble", "pp3",
            "annex", 0);
    cite_un(d2, "", "resolution", "", "x", "", "", "", 0); /* no target */
    cg_doc *d1 = mkdoc("A/RES/1", "a1.txt", "resolution", "GA", "First", "",
                       2000);
    cg_doc *docs[] = { d2, d1 };
    cg_graph *g = build(docs, 2); /* frees d1 and d2 */

    assert_int_equal(cg_graph_node_count(g), 3);
    assert_string_equal(cg_graph_node_str(g, 0, CG_NODE_ID), "A/RES/1");
    assert_string_equal(cg_graph_node_str(g, 1, CG_NODE_ID), "A/RES/2");
    assert_string_equal(cg_graph_node_str(g, 2, CG_NODE_ID), "S/RES/5(1990)");
    assert_string_equal(cg_graph_node_str(g, 2, CG_NODE_LABEL),
                        "S/RES/5(1990)");
    assert_int_equal(cg_graph_self_citations(g), 1);
    assert_int_equal(cg_graph_edge_count(g), 2);

    /* Edges sorted by (source id, target id). */
    size_t f, t;
    cg_graph_edge_ends(g, 0, &f, &t);
    assert_int_equal(f, 1);
    assert_int_equal(t, 0);
    cg_graph_edge_ends(g, 1, &f, &t);
    assert_int_equal(f, 1);
    assert_int_equal(t, 2);
    assert_int_equal(cg_graph_edge_weight(g, 0), 2);
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_VERB), "recalling");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_PARA), "pp1;pp3");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_PART), "preamble");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_LOCATOR), "annex");
    assert_int_equal(cg_graph_edge_weight(g, 1), 1);

    /* cited: read documents 0, only-cited 1. */
    assert_int_equal(cg_graph_node_cited(g, 0), 0);
    assert_int_equal(cg_graph_node_cited(g, 1), 0);
    assert_int_equal(cg_graph_node_cited(g, 2), 1);
    assert_int_equal(cg_graph_node_year(g, 2), 1990);
    assert_string_equal(cg_graph_node_str(g, 2, CG_NODE_BODY), "SC");

    assert_int_equal(cg_graph_find(g, "A/RES/2"), 1);
    assert_int_equal(cg_graph_find(g, "A/RES/3"), -1);
    assert_int_equal(cg_graph_find(g, ""), -1);

    /* The igraph inside holds the attributes too. */
    const igraph_t *ig = cg_graph_igraph(g);
    assert_non_null(ig);
    assert_int_equal(igraph_vcount(ig), 3);
    assert_int_equal(igraph_ecount(ig), 2);
    assert_true(igraph_is_directed(ig));
    assert_string_equal(VAS(ig, "id", 2), "S/RES/5(1990)");
    assert_true(EAN(ig, "weight", 0) == 2.0);
    assert_string_equal(EAS(ig, "para", 0), "pp1;pp3");

    /* Out of range accessors are harmless. */
    assert_string_equal(cg_graph_node_str(g, 99, CG_NODE_ID), "");
    assert_string_equal(cg_graph_edge_str(g, 99, CG_EDGE_VERB), "");
    assert_int_equal(cg_graph_edge_weight(g, 99), 0);

    cg_graph_free(g);
}

static void test_merge_lists(void **state)
{
    (void)state;
    cg_doc *d = mkdoc("A/RES/9", "a9.txt", "resolution", "GA", "", "", 0);
    cite_un(d, "A/RES/1", "resolution", "", "recalling", "preamble", "pp1", "",
            0);
    cite_un(d, "A/RES/1", "resolution", "", "reaffirming", "preamble", "pp2",
            "para. 26", 0);
    cite_un(d, "A/RES/1", "resolution", "", "recalling", "preamble", "pp1",
            "", 0);
    cite_un(d, "A/RES/1", "resolution", "", "", "footnote", "fn3",
            "para. 26", 0);
    cite_un(d, "A/RES/1", "resolution", "", "requests", "operative", "op4(b)",
            "chap. V, sect. A", 0);
    cg_doc *docs[] = { d };
    cg_graph *g = build(docs, 1); /* frees d */
    assert_int_equal(cg_graph_edge_count(g), 1);
    assert_int_equal(cg_graph_edge_weight(g, 0), 5);
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_VERB),
                        "recalling;reaffirming;requests");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_PART),
                        "preamble;footnote;operative");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_PARA),
                        "pp1;pp2;fn3;op4(b)");
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_LOCATOR),
                        "para. 26;chap. V, sect. A");
    cg_graph_free(g);
}

static void test_attr_merge(void **state)
{
    (void)state;
    /* X is read (title "Own", no year); Y and Z cite X and T. */
    cg_doc *x = mkdoc("A/RES/50", "x.txt", "resolution", "GA", "Own",
                      "1995-12-01", 0);
    cg_doc *y = mkdoc("A/RES/60", "y.txt", "resolution", "GA", "", "", 0);
    cite_un(y, "A/RES/50", "decision", "Cited title", "recalling", "", "", "",
            1995);
    cite_un(y, "A/RES/40", "", "From Y", "recalling", "", "", "", 0);
    cg_doc *z = mkdoc("A/RES/55", "z.txt", "resolution", "GA", "", "", 0);
    cite_un(z, "A/RES/40", "resolution", "From Z", "noting", "", "", "", 1985);
    cite_un(z, "A/RES/40", "report", "From Z again", "noting", "", "", "",
            1986);

    cg_doc *docs[] = { x, y, z };
    const size_t orders[][3] = { { 0, 1, 2 }, { 2, 1, 0 }, { 1, 2, 0 } };
    for (size_t o = 0; o < 3; o++) {
        cg_graph *g = build_ordered(docs, orders[o], 3);
        long vx = cg_graph_find(g, "A/RES/50");
        long vt = cg_graph_find(g, "A/RES/40");
        assert_true(vx >= 0 && vt >= 0);
        /* The read document's own metadata wins... */
        assert_string_equal(cg_graph_node_str(g, vx, CG_NODE_TITLE), "Own");
        assert_string_equal(cg_graph_node_str(g, vx, CG_NODE_KIND),
                            "resolution");
        assert_string_equal(cg_graph_node_str(g, vx, CG_NODE_DATE),
                            "1995-12-01");
        /* ...but a value it lacks comes from a citation. */
        assert_int_equal(cg_graph_node_year(g, vx), 1995);
        assert_int_equal(cg_graph_node_cited(g, vx), 0);
        /* Only cited: first non-empty value by (source id, path, index):
         * A/RES/55 < A/RES/60. */
        assert_string_equal(cg_graph_node_str(g, vt, CG_NODE_TITLE),
                            "From Z");
        assert_string_equal(cg_graph_node_str(g, vt, CG_NODE_KIND),
                            "resolution");
        assert_int_equal(cg_graph_node_year(g, vt), 1985);
        assert_int_equal(cg_graph_node_cited(g, vt), 1);
        assert_string_equal(cg_graph_node_str(g, vt, CG_NODE_DATE), "");
        cg_graph_free(g);
    }
    cg_doc_free(x);
    cg_doc_free(y);
    cg_doc_free(z);
}

static void test_order_independence(void **state)
{
    (void)state;
    /* The same id read from two files, a cited node described differently
     * by several documents, edges with several mentions. */
    cg_doc *a = mkdoc("A/RES/70/1", "a.txt", "resolution", "GA",
                      "Transforming our world", "2015-09-25", 2015);
    cite_un(a, "A/RES/66/288", "resolution", "The future we want", "recalling",
            "preamble", "pp3", "annex", 2012);
    cite_un(a, "A/RES/66/288", "resolution", "", "reaffirming", "preamble",
            "pp7", "", 2012);
    cite_un(a, "S/RES/1325(2000)", "resolution", "", "noting", "preamble",
            "pp9", "", 2000);
    cg_doc *a2 = mkdoc("A/RES/70/1", "a-copy.txt", "resolution", "GA",
                       "Transforming our world (copy)", "", 2015);
    cite_un(a2, "A/RES/66/288", "resolution", "Copy title", "welcoming",
            "preamble", "pp1", "", 2012);
    cg_doc *b = mkdoc("A/RES/71/1", "b.txt", "resolution", "GA", "", "",
                      2016);
    cite_un(b, "A/RES/70/1", "resolution", "2030 Agenda", "recalling",
            "preamble", "pp1", "", 2015);
    cite_un(b, "A/RES/66/288", "", "Future", "recalling", "preamble", "pp2",
            "para. 26", 0);
    cite_un(b, "A/RES/71/1", "resolution", "", "decides", "operative", "op1",
            "", 0);
    cg_doc *c = mkdoc("S/RES/2000(2011)", "c.txt", "resolution", "SC", "",
                      "", 2011);
    cite_un(c, "S/RES/1325(2000)", "resolution", "Women, peace", "recalling",
            "preamble", "pp1", "", 2000);
    cite_un(c, "A/RES/70/1", "", "", "", "", "", "", 0);

    cg_doc *docs[] = { a, a2, b, c };
    const size_t orders[][4] = {
        { 0, 1, 2, 3 }, { 3, 2, 1, 0 }, { 1, 3, 0, 2 }, { 2, 0, 3, 1 }
    };
    const cg_format fmts[] = { CG_FMT_GRAPHML, CG_FMT_DOT, CG_FMT_ADJ };
    assert_int_equal(setup_dir(NULL), 0);
    char *ref[3] = { NULL, NULL, NULL };
    size_t reflen[3] = { 0, 0, 0 };
    for (size_t o = 0; o < 4; o++) {
        cg_graph *g = build_ordered(docs, orders[o], 4);
        assert_int_equal(cg_graph_self_citations(g), 1);
        long v = cg_graph_find(g, "A/RES/70/1");
        assert_string_equal(cg_graph_node_str(g, v, CG_NODE_TITLE),
                            "Transforming our world (copy)"); /* a-copy < a */
        long e = edge_between(g, "A/RES/70/1", "A/RES/66/288");
        assert_true(e >= 0);
        assert_int_equal(cg_graph_edge_weight(g, e), 3);
        /* reading order: a-copy.txt before a.txt */
        assert_string_equal(cg_graph_edge_str(g, e, CG_EDGE_VERB),
                            "welcoming;recalling;reaffirming");
        for (size_t k = 0; k < 3; k++) {
            char path[128];
            cg_error err = { 0 };
            snprintf(path, sizeof path, "%s/out%zu", tmpdir, k);
            assert_int_equal(cg_export(g, fmts[k], path, &err), CG_OK);
            size_t len = 0;
            char *got = slurp(path, &len);
            assert_non_null(got);
            unlink(path);
            if (!ref[k]) {
                ref[k] = got;
                reflen[k] = len;
            } else {
                assert_int_equal(len, reflen[k]);
                assert_memory_equal(got, ref[k], len);
                free(got);
            }
        }
        cg_graph_free(g);
    }
    for (size_t k = 0; k < 3; k++)
        free(ref[k]);
    teardown_dir(NULL);
    cg_doc_free(a);
    cg_doc_free(a2);
    cg_doc_free(b);
    cg_doc_free(c);
}

static void test_empty_and_errors(void **state)
{
    (void)state;
    cg_graph *g = build(NULL, 0);
    assert_int_equal(cg_graph_node_count(g), 0);
    assert_int_equal(cg_graph_edge_count(g), 0);
    assert_int_equal(cg_graph_find(g, "x"), -1);
    cg_graph_free(g);

    cg_builder *b = cg_builder_new();
    cg_error err = { 0 };
    cg_doc *d = mkdoc("", "noid.txt", "", "", "", "", 0);
    assert_int_equal(cg_builder_add_doc(b, d, &err), CG_ERR_INPUT);
    assert_int_equal(err.code, CG_ERR_INPUT);
    assert_non_null(strstr(err.msg, "noid.txt"));
    assert_int_equal(cg_builder_add_doc(b, NULL, &err), CG_ERR_USAGE);
    assert_int_equal(cg_builder_add_doc(NULL, d, NULL), CG_ERR_USAGE);
    assert_int_equal(cg_builder_finish(b, NULL, &err), CG_ERR_USAGE);
    cg_builder_free(b);
    cg_builder_free(NULL);
    cg_graph_free(NULL);
    cg_doc_free(d);
    assert_int_equal(cg_graph_node_count(NULL), 0);
    assert_null(cg_graph_igraph(NULL));
}

/* igraph errors come back as return values, silently (no print, no abort). */
static void test_igraph_errors_silent(void **state)
{
    (void)state;
    cg_igraph_setup();
    cg_igraph_setup(); /* idempotent */
    cg_graph *g = build(NULL, 0);
    const igraph_t *ig = cg_graph_igraph(g);
    char path[] = "/tmp/cg_test_stderr.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    assert_true(saved >= 0 && dup2(fd, 2) == 2);
    igraph_vector_int_t res;
    igraph_vector_int_init(&res, 0);
    /* vertex 5 does not exist: an igraph error */
    igraph_error_t rc = igraph_neighbors(ig, &res, 5, IGRAPH_OUT);
    igraph_vector_int_destroy(&res);
    const char *s = VAS(ig, "no-such-attribute", 0);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    struct stat sb;
    assert_int_equal(fstat(fd, &sb), 0);
    close(fd);
    unlink(path);
    assert_int_not_equal(rc, IGRAPH_SUCCESS);
    assert_true(s == NULL || *s == '\0');
    assert_int_equal(sb.st_size, 0);
    cg_graph_free(g);
}

static void test_builder_reuse(void **state)
{
    (void)state;
    /* finish uses the builder up (its tables are freed as the graph is
     * made): adding or finishing again is a usage error, freeing is fine */
    cg_builder *b = cg_builder_new();
    cg_error err = { 0 };
    cg_doc *d1 = mkdoc("A/RES/2", "2.txt", "resolution", "GA", "", "", 0);
    cite_un(d1, "A/RES/1", "resolution", "", "recalling", "", "", "", 0);
    cg_doc *d2 = mkdoc("A/RES/3", "3.txt", "resolution", "GA", "", "", 0);
    cite_un(d2, "A/RES/1", "resolution", "", "recalling", "", "", "", 0);
    assert_int_equal(cg_builder_add_doc(b, d1, &err), CG_OK);
    cg_doc_free(d1); /* the builder keeps copies */
    cg_graph *g1 = NULL, *g2 = NULL;
    assert_int_equal(cg_builder_finish(b, &g1, &err), CG_OK);
    assert_int_equal(cg_builder_add_doc(b, d2, &err), CG_ERR_USAGE);
    assert_non_null(strstr(err.msg, "finished"));
    assert_int_equal(cg_builder_finish(b, &g2, &err), CG_ERR_USAGE);
    assert_null(g2);
    cg_builder_free(b);
    cg_doc_free(d2);
    assert_int_equal(cg_graph_node_count(g1), 2);
    assert_int_equal(cg_graph_edge_count(g1), 1);
    assert_string_equal(cg_graph_node_str(g1, 1, CG_NODE_ID), "A/RES/2");
    assert_string_equal(cg_graph_edge_str(g1, 0, CG_EDGE_VERB), "recalling");
    cg_graph_free(g1);
}

/* Above the edge-string limit igraph holds edge strings as factor codes;
 * what the accessors and the exporters give does not change. */
static void test_coded_edge_strings(void **state)
{
    (void)state;
    char *out[2] = {NULL, NULL};
    size_t len[2] = {0, 0};
    for (int pass = 0; pass < 2; pass++) {
        cg_doc *d = mkdoc("A/RES/2", "a2.txt", "resolution", "GA", "", "", 2001);
        cite_un(d, "S/RES/5(1990)", "resolution", "", "recalling", "preamble", "pp2", "", 1990);
        cite_un(d, "A/RES/1", "resolution", "", "urges", "operative", "op1", "annex", 0);
        cite_un(d, "A/RES/1", "resolution", "", "recalling", "preamble", "pp3", "", 0);
        cg_builder *b = cg_builder_new();
        assert_non_null(b);
        if (pass)
            cg_builder_set_edge_string_limit(b, 0);
        cg_error err;
        assert_int_equal(cg_builder_add_doc(b, d, &err), CG_OK);
        cg_doc_free(d);
        cg_graph *g = NULL;
        assert_int_equal(cg_builder_finish(b, &g, &err), CG_OK);
        cg_builder_free(b);
        const igraph_t *ig = cg_graph_igraph(g);
        if (pass) {
            /* "urges;recalling" and "recalling": levels sorted by bytes */
            assert_string_equal(GAS(ig, "verb_levels"), "recalling\nurges;recalling");
            assert_true(EAN(ig, "verb_code", 0) == 1.0);
            assert_true(EAN(ig, "verb_code", 1) == 0.0);
        } else {
            assert_string_equal(EAS(ig, "verb", 0), "urges;recalling");
        }
        assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_PARA), "op1;pp3");
        char path[] = "/tmp/cg_test_coded.XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        close(fd);
        assert_int_equal(cg_export(g, CG_FMT_GRAPHML, path, &err), CG_OK);
        out[pass] = slurp(path, &len[pass]);
        unlink(path);
        cg_graph_free(g);
    }
    assert_int_equal(len[0], len[1]);
    assert_memory_equal(out[0], out[1], len[0]);
    free(out[0]);
    free(out[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dedup_sort_self),
        cmocka_unit_test(test_merge_lists),
        cmocka_unit_test(test_attr_merge),
        cmocka_unit_test(test_order_independence),
        cmocka_unit_test(test_empty_and_errors),
        cmocka_unit_test(test_builder_reuse),
        cmocka_unit_test(test_igraph_errors_silent),
        cmocka_unit_test(test_coded_edge_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) != 0;
}
