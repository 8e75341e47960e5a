/*
 * csv.c - CSV for neo4j-admin database import: nodes.csv and edges.csv.
 *
 *   nodes.csv  id:ID,label,kind,body,title,date,year:int,cited:int,:LABEL
 *   edges.csv  :START_ID,:END_ID,:TYPE,verb,part,para,locator,weight:int
 *
 * RFC 4180: CRLF record ends, a field is quoted when it contains ',', '"',
 * CR or LF (or starts or ends with a space, which some readers trim), a
 * '"' inside is doubled.  Text is cleaned like XML (CG_CLEAN_XML) first,
 * so it is valid UTF-8 without control characters other than TAB/LF/CR;
 * line breaks stay inside quoted fields (neo4j-admin needs
 * --multiline-fields=true for those).  Empty strings are empty fields,
 * which neo4j-admin imports as "no property".  Ids are the names of
 * cg_exp_node_names (CG_CLEAN_XML), unique.
 *
 * :LABEL is "Document" plus the kind with a capital initial
 * ("Document;Resolution") when the kind is a plain ASCII word, so that a
 * hostile kind can never inject more labels.  :TYPE is CITES.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exporters.h"

/* Appends "," (unless first) and s as one CSV field; tmp is scratch. */
static void field(cg_buf *out, cg_buf *tmp, const char *s, int first)
{
    if (!first)
        cg_buf_putc(out, ',');
    cg_buf_clear(tmp);
    if (cg_exp_clean(tmp, s, CG_CLEAN_XML) < 0) {
        out->oom = 1;
        return;
    }
    const char *t = cg_buf_str(tmp);
    size_t len = strlen(t);
    if (!strpbrk(t, ",\"\r\n") &&
        (len == 0 || (t[0] != ' ' && t[len - 1] != ' '))) {
        cg_buf_append(out, t, len);
        return;
    }
    cg_buf_putc(out, '"');
    for (const char *p = t; *p; p++) {
        if (*p == '"')
            cg_buf_putc(out, '"');
        cg_buf_putc(out, *p);
    }
    cg_buf_putc(out, '"');
}

/* The header of the columns of every attribute from at to the end of
 * its table: ",name", integers typed ",name:int" for neo4j-admin. */
static void header(cg_buf *out, const cg_exp_attr *at)
{
    for (; at->name; at++)
        cg_buf_printf(out, ",%s%s", at->name, at->num ? ":int" : "");
}

/* The fields of every attribute from at to the end of its table, of node
 * or edge i, each after a ','. */
static void fields(cg_buf *out, cg_buf *tmp, const cg_graph *g, size_t i,
                   const cg_exp_attr *at)
{
    for (; at->name; at++) {
        long num;
        const char *s = cg_exp_value(g, at, i, &num);
        if (s)
            field(out, tmp, s, 0);
        else
            cg_buf_printf(out, ",%ld", num);
    }
}

/* nodes (which=0) or edges (which=1) */
static cg_status write_part(const cg_graph *g, FILE *f, int which,
                            cg_error *err)
{
    /* The id is the node's name: the attributes start at its label. */
    const cg_exp_attr *nattrs = cg_exp_node_attrs + CG_NODE_LABEL;
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    const char **names = NULL;
    cg_status st = CG_OK;
    cg_buf out, tmp;
    cg_buf_init(&out);
    cg_buf_init(&tmp);
    cg_arena *a = NULL;
    if ((st = cg_exp_names(g, CG_CLEAN_XML, &a, &names,
                           "out of memory writing CSV", err)) != CG_OK)
        goto done;
    if (which == 0) {
        cg_buf_puts(&out, "id:ID");
        header(&out, nattrs);
        cg_buf_puts(&out, ",:LABEL\r\n");
        for (size_t v = 0; v < n && st == CG_OK; v++) {
            field(&out, &tmp, names[v], 1);
            fields(&out, &tmp, g, v, nattrs);
            cg_buf_puts(&out, ",Document");
            const char *kind = cg_graph_node_str(g, v, CG_NODE_KIND);
            int word = *kind != '\0';
            for (const char *p = kind; *p && word; p++)
                word = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
            if (word)
                cg_buf_printf(&out, ";%c%s", toupper((unsigned char)kind[0]),
                              kind + 1);
            cg_buf_puts(&out, "\r\n");
            st = cg_exp_flush(&out, f, "CSV", err);
        }
    } else {
        cg_buf_puts(&out, ":START_ID,:END_ID,:TYPE");
        header(&out, cg_exp_edge_attrs);
        cg_buf_puts(&out, "\r\n");
        for (size_t e = 0; e < m && st == CG_OK; e++) {
            size_t from, to;
            cg_graph_edge_ends(g, e, &from, &to);
            field(&out, &tmp, names[from], 1);
            field(&out, &tmp, names[to], 0);
            cg_buf_puts(&out, ",CITES");
            fields(&out, &tmp, g, e, cg_exp_edge_attrs);
            cg_buf_puts(&out, "\r\n");
            st = cg_exp_flush(&out, f, "CSV", err);
        }
    }
    if (st == CG_OK)
        st = cg_exp_flush(&out, f, "CSV", err);
done:
    cg_buf_destroy(&out);
    cg_buf_destroy(&tmp);
    free(names);
    cg_arena_free(a);
    return st;
}

cg_status cg_write_csv_nodes(const cg_graph *g, FILE *f, cg_error *err)
{
    return write_part(g, f, 0, err);
}

cg_status cg_write_csv_edges(const cg_graph *g, FILE *f, cg_error *err)
{
    return write_part(g, f, 1, err);
}

cg_status cg_write_csv(const cg_graph *g, FILE *f, cg_error *err)
{
    cg_status st = write_part(g, f, 0, err);
    if (st != CG_OK)
        return st;
    errno = 0;
    if (fputs("\r\n", f) == EOF)
        return cg_error_set(err, CG_ERR_IO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return write_part(g, f, 1, err);
}
