/*
 * test_export_formats.c - the visualization formats (GEXF, GML, Pajek,
 * node-link JSON, Cytoscape.js JSON, neo4j CSV, yEd GraphML): format names,
 * golden files in tests/golden/export/ for the small graph and the hostile
 * graph of test_export.c (run from the project root; CG_UPDATE_GOLDEN=1
 * rewrites them), real parsers on hostile labels (libxml2, igraph's GML,
 * Pajek and GraphML readers, a strict JSON checker, an RFC 4180 reader),
 * and the CSV directory rules.  Helpers are copied from test_export.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "citegraph.h"

#define GOLDEN_DIR "tests/golden/export"

/* ---- helpers ------------------------------------------------------ */

#define FIXTURE_TMP_TEMPLATE "/tmp/cg_test_fmts.XXXXXX"
#include "export_fixture.h"


/* ---- parsers for the checks -------------------------------------- */

/* A strict JSON checker (RFC 8259): returns the end of the value at p,
 * NULL on a syntax error.  Strings must be valid UTF-8 without raw
 * control characters.  *count_objs counts objects with an "id" or
 * "source" key at any depth (nodes and links). */
static const char *json_value(const char *p, int depth, size_t *ids);

/* cg_utf8_invalid_at is internal (cg_util.h): a local copy of the check.
 * Returns the offset of the first invalid sequence, or n. */
static size_t utf8_invalid_at(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], len, min;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        unsigned cp = c & (0xFF >> (len + 1));
        for (unsigned k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}

static const char *json_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

static const char *json_string(const char *p, char *key, size_t keycap)
{
    if (*p != '"')
        return NULL;
    const char *s = ++p;
    size_t kl = 0;
    while (*p != '"') {
        unsigned char c = (unsigned char)*p;
        if (c == '\0' || c < 0x20)
            return NULL;
        if (c == '\\') {
            p++;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
                        return NULL;
                p += 5;
                continue;
            }
            if (!*p || !strchr("\"\\/bfnrt", *p))
                return NULL;
        }
        if (key && kl + 1 < keycap)
            key[kl++] = (char)c;
        p++;
    }
    if (key)
        key[kl] = '\0';
    size_t n = (size_t)(p - s);
    if (utf8_invalid_at((const unsigned char *)s, n) != n)
        return NULL;
    return p + 1;
}

static const char *json_value(const char *p, int depth, size_t *ids)
{
    p = json_ws(p);
    if (depth > 64)
        return NULL;
    if (*p == '{') {
        p = json_ws(p + 1);
        if (*p == '}')
            return p + 1;
        for (;;) {
            char key[16];
            p = json_string(json_ws(p), key, sizeof key);
            if (!p)
                return NULL;
            if (!strcmp(key, "id") || !strcmp(key, "source"))
                (*ids)++;
            p = json_ws(p);
            if (*p++ != ':')
                return NULL;
            if (!(p = json_value(p, depth + 1, ids)))
                return NULL;
            p = json_ws(p);
            if (*p == '}')
                return p + 1;
            if (*p++ != ',')
                return NULL;
        }
    }
    if (*p == '[') {
        p = json_ws(p + 1);
        if (*p == ']')
            return p + 1;
        for (;;) {
            if (!(p = json_value(p, depth + 1, ids)))
                return NULL;
            p = json_ws(p);
            if (*p == ']')
                return p + 1;
            if (*p++ != ',')
                return NULL;
        }
    }
    if (*p == '"')
        return json_string(p, NULL, 0);
    if (!strncmp(p, "true", 4))
        return p + 4;
    if (!strncmp(p, "false", 5))
        return p + 5;
    if (!strncmp(p, "null", 4))
        return p + 4;
    if (*p == '-' || (*p >= '0' && *p <= '9')) {
        char *end;
        strtod(p, &end);
        return end > p ? end : NULL;
    }
    return NULL;
}

/* Checks that the file is one JSON value; returns the "id"/"source" key
 * count. */
static size_t check_json(const char *path)
{
    size_t len, ids = 0;
    char *txt = slurp(path, &len);
    assert_non_null(txt);
    assert_int_equal(strlen(txt), len); /* no NUL inside */
    const char *end = json_value(txt, 0, &ids);
    if (!end)
        fail_msg("%s is not valid JSON", path);
    assert_int_equal(*json_ws(end), '\0');
    free(txt);
    return ids;
}

/* RFC 4180 reader: returns the number of records; every record must have
 * `fields` fields.  Quotes only open at the start of a field. */
static size_t check_csv(const char *path, size_t fields)
{
    size_t len, records = 0, nf = 1;
    char *txt = slurp(path, &len);
    assert_non_null(txt);
    size_t i = 0;
    int at_start = 1;
    while (i < len) {
        char c = txt[i];
        if (at_start && c == '"') {
            for (i++;; i++) {
                assert_true(i < len); /* unterminated quote */
                if (txt[i] == '"') {
                    if (i + 1 < len && txt[i + 1] == '"') {
                        i++;
                        continue;
                    }
                    break;
                }
            }
            i++;
            assert_true(i >= len || txt[i] == ',' || txt[i] == '\r');
            at_start = 0;
            continue;
        }
        at_start = 0;
        if (c == '"')
            fail_msg("%s: bare quote inside a field at byte %zu", path, i);
        if (c == '\n')
            fail_msg("%s: bare LF at byte %zu", path, i);
        if (c == ',') {
            nf++;
            at_start = 1;
        } else if (c == '\r') {
            assert_true(i + 1 < len && txt[i + 1] == '\n');
            assert_int_equal(nf, fields);
            records++;
            nf = 1;
            at_start = 1;
            i++;
        }
        i++;
    }
    free(txt);
    return records;
}

static void export_ok(const cg_graph *g, cg_format fmt, const char *path)
{
    cg_error err = { 0 };
    cg_status st = cg_export(g, fmt, path, &err);
    if (st != CG_OK)
        fail_msg("export to %s: %s", path, err.msg);
}

/* ---- tests -------------------------------------------------------- */

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(cg_format_from_name("gexf"), CG_FMT_GEXF);
    assert_int_equal(cg_format_from_name("GML"), CG_FMT_GML);
    assert_int_equal(cg_format_from_name("pajek"), CG_FMT_PAJEK);
    assert_int_equal(cg_format_from_name("net"), CG_FMT_PAJEK);
    assert_int_equal(cg_format_from_name("json"), CG_FMT_JSON);
    assert_int_equal(cg_format_from_name("cyjs"), CG_FMT_CYJS);
    assert_int_equal(cg_format_from_name("csv"), CG_FMT_CSV);
    assert_int_equal(cg_format_from_name("graphml"), CG_FMT_GRAPHML);
    assert_int_equal(cg_format_from_name("xml"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path("g.gexf"), CG_FMT_GEXF);
    assert_int_equal(cg_format_from_path("d/g.GML"), CG_FMT_GML);
    assert_int_equal(cg_format_from_path("g.net"), CG_FMT_PAJEK);
    assert_int_equal(cg_format_from_path("g.paj"), CG_FMT_PAJEK);
    assert_int_equal(cg_format_from_path("g.json"), CG_FMT_JSON);
    assert_int_equal(cg_format_from_path("g.cyjs"), CG_FMT_CYJS);
    /* a directory is never guessed from a name */
    assert_int_equal(cg_format_from_path("g.csv"), CG_FMT_UNKNOWN);
    assert_int_equal(cg_format_from_path("neo4j"), CG_FMT_UNKNOWN);
}

static const struct { cg_format fmt; const char *ext; } FILE_FMTS[] = {
    { CG_FMT_GEXF, "gexf" }, { CG_FMT_GML, "gml" }, { CG_FMT_PAJEK, "net" },
    { CG_FMT_JSON, "json" }, { CG_FMT_CYJS, "cyjs" },
};
#define N_FILE_FMTS (sizeof FILE_FMTS / sizeof FILE_FMTS[0])

/* Writes g in every format and compares with <stem>.<ext> goldens. */
static void golden_all(cg_graph *g, const char *stem)
{
    char path[256], name[64];
    cg_error err = { 0 };
    for (size_t i = 0; i < N_FILE_FMTS; i++) {
        snprintf(name, sizeof name, "%s.%s", stem, FILE_FMTS[i].ext);
        snprintf(path, sizeof path, "%s/%s", tmpdir, name);
        export_ok(g, FILE_FMTS[i].fmt, path);
        check_golden(path, name);
        unlink(path);
    }
    snprintf(name, sizeof name, "%s.yed.graphml", stem);
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    assert_int_equal(cg_export_yed(g, path, &err), CG_OK);
    check_golden(path, name);
    unlink(path);

    char dir[128];
    snprintf(dir, sizeof dir, "%s/csv", tmpdir);
    export_ok(g, CG_FMT_CSV, dir);
    static const char *const parts[] = { "nodes", "edges" };
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s.csv", dir, parts[i]);
        snprintf(name, sizeof name, "%s.%s.csv", stem, parts[i]);
        check_golden(path, name);
        unlink(path);
    }
    assert_int_equal(rmdir(dir), 0); /* nothing else, no temporary */
    assert_int_equal(dir_entries(), 0);
}

static void test_golden_small(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    golden_all(g, "small");
    cg_graph_free(g);
}

static void test_golden_hostile(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    golden_all(g, "hostile");
    cg_graph_free(g);
}

/* Counts the element children named name of the first element named
 * parent under root (depth-first). */
static size_t count_children(xmlNodePtr root, const char *parent,
                             const char *name)
{
    for (xmlNodePtr c = root; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)c->name, parent)) {
            size_t n = 0;
            for (xmlNodePtr k = c->children; k; k = k->next)
                n += k->type == XML_ELEMENT_NODE &&
                     !strcmp((const char *)k->name, name);
            return n;
        }
        size_t n = count_children(c->children, parent, name);
        if (n)
            return n;
    }
    return 0;
}

static xmlDocPtr parse_xml_strict(const char *path)
{
    size_t len;
    char *xml = slurp(path, &len);
    assert_non_null(xml);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    free(xml);
    if (!doc)
        fail_msg("%s is not well-formed XML", path);
    return doc;
}

static void test_hostile_gexf(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    snprintf(path, sizeof path, "%s/h.gexf", tmpdir);
    export_ok(g, CG_FMT_GEXF, path);
    xmlDocPtr doc = parse_xml_strict(path);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "gexf");
    assert_int_equal(count_children(root, "nodes", "node"), 5);
    assert_int_equal(count_children(root, "edges", "edge"), 5);
    /* the node of HOSTILE_1 keeps its label byte for byte */
    int found = 0;
    for (xmlNodePtr c = root->children; c; c = c->next)
        for (xmlNodePtr ns = c->children; c->type == XML_ELEMENT_NODE && ns;
             ns = ns->next)
            for (xmlNodePtr nd = ns->children; ns->type == XML_ELEMENT_NODE &&
                 !strcmp((const char *)ns->name, "nodes") && nd; nd = nd->next) {
                if (nd->type != XML_ELEMENT_NODE)
                    continue;
                xmlChar *label = xmlGetProp(nd, (const xmlChar *)"label");
                xmlChar *start = xmlGetProp(nd, (const xmlChar *)"start");
                if (label && !strcmp((const char *)label, HOSTILE_1)) {
                    found = 1;
                    assert_non_null(start);
                    assert_string_equal((const char *)start, "2001");
                }
                xmlFree(label);
                xmlFree(start);
            }
    assert_true(found);
    xmlFreeDoc(doc);
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_yed(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    cg_error err = { 0 };
    snprintf(path, sizeof path, "%s/h.graphml", tmpdir);
    assert_int_equal(cg_export_yed(g, path, &err), CG_OK);
    xmlDocPtr doc = parse_xml_strict(path);
    xmlFreeDoc(doc);
    igraph_t ig;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), 5);
    assert_int_equal(igraph_ecount(&ig), 5);
    long v = cg_graph_find(g, HOSTILE_1);
    assert_string_equal(VAS(&ig, "label", v), HOSTILE_1);
    igraph_destroy(&ig);
    unlink(path);
    cg_graph_free(g);
}

/* igraph reads GraphML and GML of the small graph with every attribute. */
static void test_igraph_reads_small(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    static const cg_format fmts[] = { CG_FMT_GRAPHML, CG_FMT_GML };
    for (size_t i = 0; i < 2; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/s%zu", tmpdir, i);
        export_ok(g, fmts[i], path);
        igraph_t ig;
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        igraph_error_t rc = fmts[i] == CG_FMT_GML
                                ? igraph_read_graph_gml(&ig, f)
                                : igraph_read_graph_graphml(&ig, f, 0);
        fclose(f);
        assert_int_equal(rc, IGRAPH_SUCCESS);
        assert_true(igraph_is_directed(&ig));
        assert_int_equal(igraph_vcount(&ig), 5);
        assert_int_equal(igraph_ecount(&ig), 4);
        for (size_t v = 0; v < 5; v++) {
            assert_string_equal(VAS(&ig, "label", v),
                                cg_graph_node_str(g, v, CG_NODE_LABEL));
            assert_string_equal(VAS(&ig, "kind", v),
                                cg_graph_node_str(g, v, CG_NODE_KIND));
            assert_string_equal(VAS(&ig, "title", v),
                                cg_graph_node_str(g, v, CG_NODE_TITLE));
            assert_int_equal((int)VAN(&ig, "year", v),
                             cg_graph_node_year(g, v));
            assert_int_equal((int)VAN(&ig, "cited", v),
                             cg_graph_node_cited(g, v));
        }
        for (size_t e = 0; e < 4; e++) {
            igraph_integer_t from, to;
            size_t cf, ct;
            assert_int_equal(igraph_edge(&ig, e, &from, &to), IGRAPH_SUCCESS);
            cg_graph_edge_ends(g, e, &cf, &ct);
            assert_int_equal(from, cf);
            assert_int_equal(to, ct);
            assert_string_equal(EAS(&ig, "verb", e),
                                cg_graph_edge_str(g, e, CG_EDGE_VERB));
            assert_string_equal(EAS(&ig, "locator", e),
                                cg_graph_edge_str(g, e, CG_EDGE_LOCATOR));
            assert_int_equal((long)EAN(&ig, "weight", e),
                             cg_graph_edge_weight(g, e));
        }
        igraph_destroy(&ig);
        unlink(path);
    }
    cg_graph_free(g);
}

static void test_hostile_gml(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    snprintf(path, sizeof path, "%s/h.gml", tmpdir);
    export_ok(g, CG_FMT_GML, path);
    size_t len;
    char *txt = slurp(path, &len);
    for (size_t i = 0; i < len; i++) /* networkx wants pure ASCII */
        assert_true((unsigned char)txt[i] < 0x80);
    free(txt);
    igraph_t ig;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_int_equal(igraph_read_graph_gml(&ig, f), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), 5);
    assert_int_equal(igraph_ecount(&ig), 5);
    /* ASCII text with quotes and backslashes comes back exactly; igraph
     * 0.10 keeps numeric references (here U+FFFD) as they are */
    long v = cg_graph_find(g, HOSTILE_1);
    assert_string_equal(VAS(&ig, "label", v), HOSTILE_1);
    assert_string_equal(VAS(&ig, "title", v),
                        "Title \"quoted\" & <tagged> ]]> \\ &#65533;");
    igraph_destroy(&ig);
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_pajek(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    snprintf(path, sizeof path, "%s/h.net", tmpdir);
    export_ok(g, CG_FMT_PAJEK, path);
    igraph_t ig;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_int_equal(igraph_read_graph_pajek(&ig, f), IGRAPH_SUCCESS);
    fclose(f);
    assert_true(igraph_is_directed(&ig));
    assert_int_equal(igraph_vcount(&ig), 5);
    assert_int_equal(igraph_ecount(&ig), 5);
    long v = cg_graph_find(g, HOSTILE_1);
    assert_string_equal(VAS(&ig, "id", v), "A/RES/1'q\\");
    for (size_t e = 0; e < 5; e++) {
        igraph_integer_t from, to;
        size_t cf, ct;
        assert_int_equal(igraph_edge(&ig, e, &from, &to), IGRAPH_SUCCESS);
        cg_graph_edge_ends(g, e, &cf, &ct);
        assert_int_equal(from, cf);
        assert_int_equal(to, ct);
        assert_int_equal((long)EAN(&ig, "weight", e),
                         cg_graph_edge_weight(g, e));
    }
    /* distinct labels, and none broken across lines */
    for (size_t a = 0; a < 5; a++)
        for (size_t b = a + 1; b < 5; b++)
            assert_string_not_equal(VAS(&ig, "id", a), VAS(&ig, "id", b));
    igraph_destroy(&ig);
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_json(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char path[256];
    snprintf(path, sizeof path, "%s/h.json", tmpdir);
    export_ok(g, CG_FMT_JSON, path);
    assert_int_equal(check_json(path), 5 + 5); /* node ids, link sources */
    unlink(path);
    snprintf(path, sizeof path, "%s/h.cyjs", tmpdir);
    export_ok(g, CG_FMT_CYJS, path);
    assert_int_equal(check_json(path), 5 + 5 * 2); /* edges: id + source */
    unlink(path);
    cg_graph_free(g);
}

static void test_hostile_csv(void **state)
{
    (void)state;
    cg_graph *g = hostile_graph();
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/neo", tmpdir);
    export_ok(g, CG_FMT_CSV, dir);
    snprintf(path, sizeof path, "%s/nodes.csv", dir);
    assert_int_equal(check_csv(path, 9), 6);
    unlink(path);
    snprintf(path, sizeof path, "%s/edges.csv", dir);
    assert_int_equal(check_csv(path, 8), 6);
    unlink(path);
    assert_int_equal(rmdir(dir), 0);
    cg_graph_free(g);
}

static void test_csv_directory(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    cg_error err = { 0 };
    char dir[256], path[300];

    assert_int_equal(cg_export(g, CG_FMT_CSV, "-", &err), CG_ERR_USAGE);
    assert_int_equal(cg_export(g, CG_FMT_CSV, NULL, &err), CG_ERR_USAGE);

    /* an existing directory (with a trailing slash) is reused */
    snprintf(dir, sizeof dir, "%s/out/", tmpdir);
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%snodes.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    export_ok(g, CG_FMT_CSV, dir);
    check_golden(path, "small.nodes.csv");
    unlink(path);
    snprintf(path, sizeof path, "%sedges.csv", dir);
    check_golden(path, "small.edges.csv");
    unlink(path);
    assert_int_equal(rmdir(dir), 0);

    /* a regular file in the way, or a missing parent: an error naming it */
    snprintf(path, sizeof path, "%s/file", tmpdir);
    f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(cg_export(g, CG_FMT_CSV, path, &err), CG_ERR_IO);
    assert_non_null(strstr(err.msg, "file"));
    unlink(path);
    snprintf(path, sizeof path, "%s/no/such", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_CSV, path, &err), CG_ERR_IO);
    assert_int_equal(dir_entries(), 0);
    cg_graph_free(g);
}

static void test_write_errors(void **state)
{
    (void)state;
    cg_graph *g = small_graph();
    for (size_t i = 0; i < N_FILE_FMTS; i++) {
        cg_error err = { 0 };
        assert_int_equal(cg_export(g, FILE_FMTS[i].fmt, "/dev/full", &err),
                         CG_ERR_IO);
        assert_non_null(strstr(err.msg, "/dev/full"));
    }
    cg_error err = { 0 };
    assert_int_equal(cg_export_yed(g, "/dev/full", &err), CG_ERR_IO);
    char path[256];
    snprintf(path, sizeof path, "%s/no/dir/x.gexf", tmpdir);
    assert_int_equal(cg_export(g, CG_FMT_GEXF, path, &err), CG_ERR_IO);
    assert_int_equal(dir_entries(), 0);
    cg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    cg_graph *g = build(NULL, 0);
    char path[256];
    snprintf(path, sizeof path, "%s/e.json", tmpdir);
    export_ok(g, CG_FMT_JSON, path);
    assert_int_equal(check_json(path), 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/e.cyjs", tmpdir);
    export_ok(g, CG_FMT_CYJS, path);
    assert_int_equal(check_json(path), 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/e.gexf", tmpdir);
    export_ok(g, CG_FMT_GEXF, path);
    xmlFreeDoc(parse_xml_strict(path));
    unlink(path);
    static const cg_format ig_fmts[] = { CG_FMT_GML, CG_FMT_PAJEK };
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/e%zu", tmpdir, i);
        export_ok(g, ig_fmts[i], path);
        igraph_t ig;
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        igraph_error_t rc = i == 0 ? igraph_read_graph_gml(&ig, f)
                                   : igraph_read_graph_pajek(&ig, f);
        fclose(f);
        assert_int_equal(rc, IGRAPH_SUCCESS);
        assert_int_equal(igraph_vcount(&ig), 0);
        igraph_destroy(&ig);
        unlink(path);
    }
    cg_graph_free(g);
}

int main(void)
{
    cg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_golden_small),
        cmocka_unit_test(test_golden_hostile),
        cmocka_unit_test(test_hostile_gexf),
        cmocka_unit_test(test_hostile_yed),
        cmocka_unit_test(test_igraph_reads_small),
        cmocka_unit_test(test_hostile_gml),
        cmocka_unit_test(test_hostile_pajek),
        cmocka_unit_test(test_hostile_json),
        cmocka_unit_test(test_hostile_csv),
        cmocka_unit_test(test_csv_directory),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_empty_graph),
    };
    int failed = cmocka_run_group_tests(tests, setup_dir, teardown_dir);
    xmlCleanupParser();
    return failed != 0;
}
