/*
 * test_filter.c - filters (cg_graph_filter), the transitive reduction on
 * a DAG and with cycles, citation records (cg_doc_tsv and
 * cg_builder_add_records, with escapes and documents without citations),
 * GraphML read back, and series keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph.h"

static cg_doc *mkdoc(const char *id, const char *kind, const char *body, int year)
{
    cg_doc *d = cg_doc_new();
    assert_non_null(d);
    d->meta.id = id;
    d->meta.kind = kind;
    d->meta.body = body;
    d->meta.year = year;
    d->meta.path = "t.txt";
    return d;
}

static void cite(cg_doc *d, const char *target, const char *verb)
{
    cg_mention *m = cg_doc_add_mention(d);
    assert_non_null(m);
    m->target = target;
    m->kind = "resolution";
    m->verb = verb;
}

/* Builds from docs (freed). */
static cg_graph *build(cg_doc **docs, size_t n)
{
    cg_builder *b = cg_builder_new();
    cg_error err;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(cg_builder_add_doc(b, docs[i], &err), CG_OK);
        cg_doc_free(docs[i]);
    }
    cg_graph *g = NULL;
    assert_int_equal(cg_builder_finish(b, &g, &err), CG_OK);
    cg_builder_free(b);
    return g;
}

static int has_edge(const cg_graph *g, const char *a, const char *b)
{
    long u = cg_graph_find(g, a), v = cg_graph_find(g, b);
    for (size_t e = 0; e < cg_graph_edge_count(g); e++) {
        size_t f, t;
        cg_graph_edge_ends(g, e, &f, &t);
        if ((long)f == u && (long)t == v)
            return 1;
    }
    return 0;
}

static void test_reduction_dag(void **state)
{
    (void)state;
    cg_doc *d[3];
    d[0] = mkdoc("A", "resolution", "GA", 2003);
    cite(d[0], "B", "recalling");
    cite(d[0], "C", "recalling");
    cite(d[0], "C", "noting");     /* weight 2 */
    cite(d[0], "D", "recalling");
    d[1] = mkdoc("B", "resolution", "GA", 2002);
    cite(d[1], "C", "recalling");
    d[2] = mkdoc("C", "resolution", "GA", 2001);
    cite(d[2], "D", "recalling");
    cg_graph *g = build(d, 3), *r = NULL;
    cg_error err;
    size_t removed = 0;
    assert_int_equal(cg_graph_transitive_reduction(g, &r, &removed, &err), CG_OK);
    assert_int_equal(removed, 2);
    assert_int_equal(cg_graph_edge_count(r), 3);
    assert_true(has_edge(r, "A", "B"));
    assert_true(has_edge(r, "B", "C"));
    assert_true(has_edge(r, "C", "D"));
    assert_false(has_edge(r, "A", "C"));
    assert_int_equal(cg_graph_node_count(r), 4);
    /* D was only cited: it stays so, with its attributes. */
    long dv = cg_graph_find(r, "D");
    assert_true(dv >= 0);
    assert_int_equal(cg_graph_node_cited(r, (size_t)dv), 1);
    assert_string_equal(cg_graph_node_str(r, (size_t)dv, CG_NODE_KIND), "resolution");
    cg_graph_free(r);
    cg_graph_free(g);
}

static void test_reduction_cycle(void **state)
{
    (void)state;
    cg_doc *d[3];
    d[0] = mkdoc("A", "resolution", "GA", 2001);
    cite(d[0], "B", "recalling");
    cite(d[0], "C", "recalling");
    d[1] = mkdoc("B", "resolution", "GA", 2001);
    cite(d[1], "A", "recalling");
    cite(d[1], "C", "recalling");
    d[2] = mkdoc("D", "resolution", "GA", 2002);
    cite(d[2], "A", "recalling");
    cite(d[2], "C", "recalling");
    cg_graph *g = build(d, 3), *r = NULL;
    cg_error err;
    size_t removed = 0;
    assert_int_equal(cg_graph_transitive_reduction(g, &r, &removed, &err), CG_OK);
    /* The cycle A<->B stays; A->C and B->C both stay (one step from the
     * component {A,B}); D->C goes (D->{A,B}->C). */
    assert_int_equal(removed, 1);
    assert_true(has_edge(r, "A", "B"));
    assert_true(has_edge(r, "B", "A"));
    assert_true(has_edge(r, "A", "C"));
    assert_true(has_edge(r, "B", "C"));
    assert_true(has_edge(r, "D", "A"));
    assert_false(has_edge(r, "D", "C"));
    cg_graph_free(r);
    cg_graph_free(g);
}

static void test_filters(void **state)
{
    (void)state;
    cg_doc *d[3];
    d[0] = mkdoc("A", "resolution", "GA", 2010);
    cite(d[0], "B", "recalling");
    d[1] = mkdoc("B", "resolution", "SC", 2005);
    cite(d[1], "C", "recalling");
    d[2] = mkdoc("E", "decision", "GA", 0);
    cite(d[2], "A", "noting");
    cg_graph *g = build(d, 3), *f = NULL;
    cg_error err;
    cg_filter fl;
    cg_filter_init(&fl);
    assert_false(cg_filter_active(&fl));
    fl.body = "GA,ECOSOC";
    assert_int_equal(cg_graph_filter(g, &fl, &f, &err), CG_OK);
    assert_int_equal(cg_graph_node_count(f), 2); /* A, E */
    assert_int_equal(cg_graph_edge_count(f), 1);
    cg_graph_free(f);
    cg_filter_init(&fl);
    fl.since = 2006; /* unknown years go */
    assert_int_equal(cg_graph_filter(g, &fl, &f, &err), CG_OK);
    assert_int_equal(cg_graph_node_count(f), 1);
    cg_graph_free(f);
    cg_filter_init(&fl);
    fl.ego = "B";
    assert_int_equal(cg_graph_filter(g, &fl, &f, &err), CG_OK);
    assert_int_equal(cg_graph_node_count(f), 3); /* A, B, C */
    cg_graph_free(f);
    fl.ego_depth = -1;
    assert_int_equal(cg_graph_filter(g, &fl, &f, &err), CG_OK);
    assert_int_equal(cg_graph_node_count(f), 4);
    cg_graph_free(f);
    fl.ego = "Z";
    assert_int_equal(cg_graph_filter(g, &fl, &f, &err), CG_ERR_USAGE);
    assert_null(f);
    assert_non_null(strstr(err.msg, "'Z'"));
    cg_graph_free(g);
}

static void test_records_roundtrip(void **state)
{
    (void)state;
    cg_doc *d = mkdoc("A/RES/1", "resolution", "GA", 2001);
    d->meta.title = "Tab\there, line\nbreak, back\\slash";
    cite(d, "A/RES/0", "recalling");
    cite(d, "", "");               /* no target: padding on the way back */
    cite(d, "A/RES/0", "noting");
    cg_doc *z = mkdoc("A/RES/2", "resolution", "GA", 2002); /* no citations */
    char *t1 = cg_doc_tsv(d), *t2 = cg_doc_tsv(z);
    assert_non_null(t1);
    assert_non_null(t2);
    assert_non_null(strstr(t1, "Tab\\there, line\\nbreak, back\\\\slash"));
    char path[] = "/tmp/cg-test-records-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(t2, f);
    fputs(t1, f);
    assert_int_equal(fclose(f), 0);
    cg_builder *b = cg_builder_new();
    size_t docs = 0, recs = 0;
    cg_error err;
    assert_int_equal(cg_builder_add_records(b, path, &docs, &recs, &err), CG_OK);
    assert_int_equal(docs, 2);
    assert_int_equal(recs, 4);
    cg_graph *g = NULL, *ref = NULL;
    assert_int_equal(cg_builder_finish(b, &g, &err), CG_OK);
    cg_builder_free(b);
    cg_doc *docs2[2] = { d, z };
    ref = build(docs2, 2);
    assert_int_equal(cg_graph_node_count(g), 3);
    assert_int_equal(cg_graph_edge_count(g), 1);
    assert_int_equal(cg_graph_edge_weight(g, 0), 2);
    assert_string_equal(cg_graph_edge_str(g, 0, CG_EDGE_VERB),
                        cg_graph_edge_str(ref, 0, CG_EDGE_VERB));
    long v = cg_graph_find(g, "A/RES/1");
    assert_string_equal(cg_graph_node_str(g, (size_t)v, CG_NODE_TITLE),
                        "Tab\there, line\nbreak, back\\slash");
    assert_int_equal(cg_graph_node_cited(g, (size_t)cg_graph_find(g, "A/RES/2")), 0);
    /* A bad line names file and line. */
    f = fopen(path, "w");
    fputs(t2, f);
    fputs("x\ty\n", f);
    assert_int_equal(fclose(f), 0);
    b = cg_builder_new();
    assert_int_equal(cg_builder_add_records(b, path, &docs, &recs, &err), CG_ERR_INPUT);
    assert_non_null(strstr(err.msg, ":2: not a citation record"));
    cg_builder_free(b);
    unlink(path);
    free(t1);
    free(t2);
    cg_graph_free(g);
    cg_graph_free(ref);
}

static void test_graphml_roundtrip(void **state)
{
    (void)state;
    cg_doc *d[2];
    d[0] = mkdoc("A", "resolution", "GA", 2003);
    d[0]->meta.title = "T <&> \"q\"";
    d[0]->meta.date = "2003-01-02";
    cite(d[0], "B", "recalling");
    cite(d[0], "B", "noting");
    cite(d[0], "C", "");
    d[1] = mkdoc("B", "", "", 0);
    cg_graph *g = build(d, 2), *h = NULL;
    char p1[] = "/tmp/cg-test-gml-XXXXXX", p2[] = "/tmp/cg-test-gml2-XXXXXX";
    int f1 = mkstemp(p1), f2 = mkstemp(p2);
    assert_true(f1 >= 0 && f2 >= 0);
    close(f1);
    close(f2);
    cg_error err;
    assert_int_equal(cg_export(g, CG_FMT_GRAPHML, p1, &err), CG_OK);
    assert_int_equal(cg_graph_read_graphml(p1, &h, &err), CG_OK);
    assert_int_equal(cg_export(h, CG_FMT_GRAPHML, p2, &err), CG_OK);
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    FILE *fa = fopen(p1, "r"), *fb = fopen(p2, "r");
    assert_true(getdelim(&a, &la, '\0', fa) > 0);
    assert_true(getdelim(&b, &lb, '\0', fb) > 0);
    fclose(fa);
    fclose(fb);
    assert_string_equal(a, b);
    free(a);
    free(b);
    /* Not GraphML. */
    cg_graph *x = NULL;
    fa = fopen(p1, "w");
    fputs("hello", fa);
    fclose(fa);
    assert_int_equal(cg_graph_read_graphml(p1, &x, &err), CG_ERR_INPUT);
    assert_null(x);
    assert_non_null(strstr(err.msg, "not a GraphML file"));
    unlink(p1);
    unlink(p2);
    cg_graph_free(g);
    cg_graph_free(h);
}

static void test_series_key(void **state)
{
    (void)state;
    char *k = cg_series_key("61/180. Improving the Coordination of Efforts, against trafficking");
    assert_string_equal(k, "improvingthecoordinationofeffortsagainsttrafficking");
    free(k);
    k = cg_series_key("\xe2\x80\x9cQuestion\xe2\x80\x9d of\xc2\xa0Tokelau");
    assert_string_equal(k, "questionoftokelau");
    free(k);
    k = cg_series_key("  70/179 \xe2\x80\x93 Question of Tokelau");
    assert_string_equal(k, "questionoftokelau");
    free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reduction_dag),
        cmocka_unit_test(test_reduction_cycle),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_records_roundtrip),
        cmocka_unit_test(test_graphml_roundtrip),
        cmocka_unit_test(test_series_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
