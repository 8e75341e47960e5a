/*
 * test_read.c - reading inputs: large texts extracted in parts give the
 * same citations as whole, with file offsets; a file that disappears
 * between the directory walk and its reading is one clear error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "citegraph.h"
#include "read.h"

static char *slurp_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static int has_pair(cg_doc **docs, size_t n, const char *target)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < docs[i]->n_mentions; k++)
            if (strcmp(docs[i]->mentions[k].target, target) == 0)
                return 1;
    return 0;
}

static void test_parts_match_whole(void **state)
{
    (void)state;
    size_t len;
    char *text = slurp_file("examples/A_RES_72_195.txt", &len);
    cg_doc *whole = NULL;
    cg_error err;
    assert_int_equal(cg_extract_text(text, len, "x.txt", NULL, &whole, &err), CG_OK);
    cg_doc **parts = NULL;
    size_t n = 0;
    /* parts of 400 bytes: many cuts, each at a line break or a space */
    assert_int_equal(cg_extract_parts(text, len, 400, "x.txt", NULL, &parts, &n, &err), CG_OK);
    assert_true(n > 3);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(parts[i]->meta.id, whole->meta.id);
        for (size_t k = 0; k < parts[i]->n_mentions; k++) {
            const cg_mention *m = &parts[i]->mentions[k];
            /* spans are offsets in the whole file */
            assert_true(m->end <= len);
            assert_memory_equal(text + m->start, m->text, m->end - m->start);
        }
    }
    /* every symbol and resolution of the whole is found in the parts
     * (footnote links may differ across cuts, the pairs of these do not) */
    for (size_t k = 0; k < whole->n_mentions; k++) {
        const char *t = whole->mentions[k].target;
        if (strncmp(t, "A/RES/", 6) == 0 || strncmp(t, "S/RES/", 6) == 0)
            assert_true(has_pair(parts, n, t));
    }
    for (size_t i = 0; i < n; i++)
        cg_doc_free(parts[i]);
    free(parts);
    cg_doc_free(whole);
    free(text);
}

static void test_file_disappears(void **state)
{
    (void)state;
    char dir[] = "/tmp/cg_test_read.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64];
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    FILE *f = fopen(a, "w");
    fputs("Recalling resolution 1325 (2000),\n", f);
    fclose(f);
    f = fopen(b, "w");
    fputs("Recalling resolution 2250 (2015),\n", f);
    fclose(f);
    cg_inputs in;
    cg_inputs_init(&in);
    cg_error err;
    assert_int_equal(cg_inputs_add(&in, dir, &err), CG_OK);
    assert_int_equal(in.n, 2);
    unlink(a); /* gone between the walk and the read */
    cg_doc **docs = NULL;
    size_t n = 0;
    assert_int_equal(cg_extract_file(in.paths[0], NULL, &docs, &n, &err), CG_ERR_IO);
    assert_non_null(strstr(err.msg, "a.txt"));
    assert_non_null(strstr(err.msg, "No such file"));
    assert_int_equal(n, 0);
    assert_int_equal(cg_extract_file(in.paths[1], NULL, &docs, &n, &err), CG_OK);
    assert_int_equal(n, 1);
    cg_doc_free(docs[0]);
    free(docs);
    cg_inputs_destroy(&in);
    unlink(b);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts_match_whole),
        cmocka_unit_test(test_file_disappears),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
