/*
 * cli_render.c - `citegraph render -o FILE [-f FORMAT] INPUT...`: builds
 * the graph of INPUTs and draws it (cg_render, exporters/render.h) as
 * SVG, PNG, PDF or a self-contained interactive HTML page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_graph.h"
#include "render.h"

static void usage_render(FILE *f)
{
    fprintf(f,
            "usage: citegraph render -o FILE [-f FORMAT] [OPTIONS] INPUT...\n"
            "\n"
            "Draws the citation graph of INPUTs with graphviz: node shape by kind,\n"
            "colour by body, a thick outline for documents read; edges solid for\n"
            "recalling/reaffirming, dashed for taking note/welcoming, bold for\n"
            "operative verbs (urges, requests, decides); a legend.  With dot, older\n"
            "documents sit above newer ones, one row per year.  Graphs of more than\n"
            "1000 nodes are laid out with sfdp.\n"
            "\n"
            "  -o, --output FILE       write the diagram to FILE (- for stdout)\n"
            "  -f, --format FORMAT     svg, png, pdf or html (default: from FILE's\n"
            "                          extension); html is one self-contained page\n"
            "                          with the SVG, pan and zoom, search by id and\n"
            "                          click-to-highlight of recall chains\n"
            "      --engine NAME       dot or sfdp (default: dot up to 1000 nodes)\n"
            "      --no-legend         leave the legend out\n"
            "      --min-confidence X  drop citations recognized with confidence < X\n"
            "      --input-format NAME read every INPUT as text, pdf, html, marcxml or akn\n"
            "  -j, --jobs N            extract with N threads (default: one per core)\n"
            "  -q, --quiet             no progress line, no note about the engine\n"
            "  -h, --help              this help\n");
}

/* The options of render alone (cg_cli_opt_fn): ctx is the
 * cg_render_opts. */
static int render_opt(void *ctx, int argc, char **argv, int *i)
{
    cg_render_opts *ro = ctx;
    const char *a = argv[*i];
    if (strcmp(a, "--engine") == 0 && *i + 1 < argc) {
        const char *e = argv[++*i];
        if (strcmp(e, "dot") == 0) {
            ro->engine = CG_ENGINE_DOT;
        } else if (strcmp(e, "sfdp") == 0) {
            ro->engine = CG_ENGINE_SFDP;
        } else {
            fprintf(stderr, "citegraph: unknown engine '%s' (dot, sfdp)\n", e);
            return 2;
        }
    } else if (strcmp(a, "--no-legend") == 0) {
        ro->no_legend = 1;
    } else {
        return 0;
    }
    return 1;
}

int cg_cli_render(int argc, char **argv)
{
    int status = 0;
    size_t bad = 0;
    cg_render_opts ro;
    memset(&ro, 0, sizeof ro);
    cg_graph *g = NULL;
    cg_cli_opts o;
    cg_cli_opts_init(&o, CG_CLI_INPUT_FORMAT | CG_CLI_OUTPUT, usage_render);
    status = cg_cli_parse(&o, argc, argv, render_opt, &ro);
    if (status != CG_CLI_GO_ON)
        goto done;
    status = 0;
    const char *output = o.output, *format = o.format;
    if (!output || o.n_inputs == 0) {
        fprintf(stderr, "citegraph: render needs -o FILE and at least one INPUT (see --help)\n");
        status = 2;
        goto done;
    }
    if (format) {
        if ((ro.format = cg_render_format_from_name(format)) == CG_RENDER_UNKNOWN) {
            fprintf(stderr, "citegraph: unknown diagram format '%s' (svg, png, pdf, html)\n", format);
            status = 2;
            goto done;
        }
    } else if ((ro.format = cg_render_format_from_path(output)) == CG_RENDER_UNKNOWN) {
        fprintf(stderr, "citegraph: %s: cannot tell the format from the extension; use -f svg|png|pdf|html\n",
                output);
        status = 2;
        goto done;
    }

    cg_work_stats ws;
    bad += cg_cli_graph(&o, &g, &ws);
    if (ws.docs == 0) {
        /* Replacing an earlier diagram with an empty one would lose it. */
        fprintf(stderr, "citegraph: no document could be read; %s not written\n", output);
        status = 1;
        goto done;
    }
    if (!g) {
        status = 1;
        goto done;
    }
    cg_render_info ri;
    cg_error err;
    size_t nv = cg_graph_node_count(g);
    if (!o.quiet && ro.engine == CG_ENGINE_AUTO && nv > CG_RENDER_SFDP_ABOVE)
        fprintf(stderr, "citegraph: %zu nodes: using sfdp; dot would be unreadable\n", nv);
    if (cg_render(g, &ro, output, &ri, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        status = 1;
        goto done;
    }
done:
    status = cg_cli_exit(status, bad);
    cg_graph_free(g);
    cg_cli_opts_destroy(&o);
    return status;
}
