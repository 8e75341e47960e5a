/*
 * cli_series.c - `citegraph series INPUT...`: the resolution series of
 * the graph (resolutions of one body whose titles match once normalized,
 * see cg_graph_series), each ordered by year and date, and every member
 * checked for citing its predecessor: a member that does not is a break
 * of the recall chain ("break: A/RES/70/179 does not cite A/RES/68/192").
 * A member whose text was not read cannot be checked and is marked so.
 * Breaks are findings, not errors: the exit status stays 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "cli_work.h"

static void usage_series(FILE *f)
{
    fprintf(f,
            "usage: citegraph series [OPTIONS] INPUT...\n"
            "\n"
            "Finds resolution series: resolutions of the same body whose titles are\n"
            "the same once normalized (lower case, without punctuation, spaces and\n"
            "leading session numbers).  Each series is listed by year and date, and\n"
            "each member is checked for citing its predecessor; one that does not\n"
            "is reported as a break.\n"
            "\n"
            CG_CLI_COMMON_HELP
            CG_CLI_SRC_HELP
            CG_CLI_FILTER_HELP("      --ego-depth N       ")
            "(with filters, the series are those of the filtered graph)\n");
}

/* 1 when g has the edge from -> to. */
static int has_edge(const cg_graph *g, size_t from, size_t to)
{
    size_t ne = cg_graph_edge_count(g);
    for (size_t e = 0; e < ne; e++) {
        size_t f, t;
        cg_graph_edge_ends(g, e, &f, &t);
        if (f == from && t == to)
            return 1;
    }
    return 0;
}

static void print_when(const cg_graph *g, size_t v)
{
    const char *date = cg_graph_node_str(g, v, CG_NODE_DATE);
    int y = cg_graph_node_year(g, v);
    if (*date)
        printf("  %-10s  ", date);
    else if (y)
        printf("  %-10d  ", y);
    else
        printf("  %-10s  ", "?");
}

int cg_cli_series(int argc, char **argv)
{
    int status = 0;
    size_t bad = 0, ns = 0;
    cg_graph *g = NULL;
    cg_series *series = NULL;
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_SRC_OPTS, usage_series);
    cg_work_stats ws;
    status = cg_cli_filtered_graph(&o, argc, argv, &g, &ws, &bad);
    if (status != CG_CLI_GO_ON)
        goto done;
    status = 0;
    cg_error err;
    if (cg_graph_series(g, &series, &ns, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        status = 1;
        goto done;
    }
    size_t members = 0, breaks = 0, unchecked = 0;
    for (size_t i = 0; i < ns; i++) {
        const cg_series *s = &series[i];
        size_t v0 = s->members[0];
        int y0 = cg_graph_node_year(g, v0), y1 = cg_graph_node_year(g, s->members[s->n - 1]);
        const char *body = cg_graph_node_str(g, v0, CG_NODE_BODY);
        printf("series %zu: %s, %zu resolutions", i + 1, *body ? body : "(unknown body)", s->n);
        if (y0 && y1)
            printf(", %d-%d", y0, y1);
        /* The longest title: a shorter one may have been cut short. */
        const char *title = "";
        for (size_t k = 0; k < s->n; k++) {
            const char *t = cg_graph_node_str(g, s->members[k], CG_NODE_TITLE);
            if (strlen(t) > strlen(title))
                title = t;
        }
        printf(": %s\n", title);
        for (size_t k = 0; k < s->n; k++) {
            size_t v = s->members[k];
            print_when(g, v);
            printf("%s", cg_graph_node_str(g, v, CG_NODE_ID));
            if (k == 0)
                printf("  first of the series");
            else if (cg_graph_node_cited(g, v))
                printf("  not read: cannot check that it cites %s",
                       cg_graph_node_str(g, s->members[k - 1], CG_NODE_ID));
            else if (has_edge(g, v, s->members[k - 1]))
                printf("  cites %s", cg_graph_node_str(g, s->members[k - 1], CG_NODE_ID));
            else
                printf("  BREAK");
            printf("\n");
        }
        for (size_t k = 1; k < s->n; k++) {
            size_t v = s->members[k], p = s->members[k - 1];
            if (cg_graph_node_cited(g, v)) {
                unchecked++;
            } else if (!has_edge(g, v, p)) {
                printf("  break: %s does not cite %s\n", cg_graph_node_str(g, v, CG_NODE_ID),
                       cg_graph_node_str(g, p, CG_NODE_ID));
                breaks++;
            }
        }
        members += s->n;
    }
    printf("%zu series, %zu resolutions, %zu break%s, %zu unchecked (not read).\n", ns,
           members, breaks, breaks == 1 ? "" : "s", unchecked);
done:
    status = cg_cli_exit(status, bad);
    cg_series_free(series, ns);
    cg_graph_free(g);
    cg_cli_opts_destroy(&o);
    return status;
}
