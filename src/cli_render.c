/*
 * cli_render.c - `citegraph render -o FILE [-f FORMAT] INPUT...`: builds
 * the graph of INPUTs and draws it (cg_render, exporters/render.h) as
 * SVG, PNG, PDF or a self-contained interactive HTML page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "citegraph.h"
#include "cli.h"
#include "cli_work.h"
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

int cg_cli_render(int argc, char **argv)
{
    const char *output = NULL, *format = NULL;
    int quiet = 0, jobs = 0, status = 0;
    size_t bad = 0;
    cg_render_opts ro;
    cg_extract_opts ex;
    memset(&ro, 0, sizeof ro);
    memset(&ex, 0, sizeof ex);
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_inputs = 0;
    cg_inputs in;
    cg_inputs_init(&in);
    cg_graph *g = NULL;
    if (!inputs) {
        fprintf(stderr, "citegraph: out of memory\n");
        return 1;
    }
    int only_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            inputs[n_inputs++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage_render(stdout);
            goto done;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && more) {
            output = argv[++i];
        } else if ((strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) && more) {
            format = argv[++i];
        } else if (strcmp(a, "--engine") == 0 && more) {
            const char *e = argv[++i];
            if (strcmp(e, "dot") == 0) {
                ro.engine = CG_ENGINE_DOT;
            } else if (strcmp(e, "sfdp") == 0) {
                ro.engine = CG_ENGINE_SFDP;
            } else {
                fprintf(stderr, "citegraph: unknown engine '%s' (dot, sfdp)\n", e);
                status = 2;
                goto done;
            }
        } else if (strcmp(a, "--no-legend") == 0) {
            ro.no_legend = 1;
        } else if (strcmp(a, "--min-confidence") == 0 && more) {
            char *end;
            ex.min_confidence = strtod(argv[++i], &end);
            if (*end || ex.min_confidence < 0 || ex.min_confidence > 1) {
                fprintf(stderr, "citegraph: --min-confidence takes a number from 0 to 1\n");
                status = 2;
                goto done;
            }
        } else if (strcmp(a, "--input-format") == 0 && more) {
            ex.input_format = cg_input_format_from_name(argv[++i]);
            if (ex.input_format == CG_IN_AUTO) {
                fprintf(stderr, "citegraph: unknown input format '%s' (text, pdf, html, marcxml, akn)\n",
                        argv[i]);
                status = 2;
                goto done;
            }
        } else if (((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && more) ||
                   (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9')) {
            char *end;
            long j = strtol(a[1] == 'j' && a[2] ? a + 2 : argv[++i], &end, 10);
            if (*end || j < 1 || j > 1024) {
                fprintf(stderr, "citegraph: --jobs takes a number from 1 to 1024\n");
                status = 2;
                goto done;
            }
            jobs = (int)j;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = 1;
        } else {
            fprintf(stderr, "citegraph: unknown option or missing value: %s (see --help)\n", a);
            status = 2;
            goto done;
        }
    }
    if (!output || n_inputs == 0) {
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

    bad += cg_work_expand(inputs, n_inputs, &in);
    cg_work_opts wo = { &ex, jobs, !quiet && isatty(2) };
    cg_work_stats ws;
    bad += cg_work_build(&in, &wo, &g, &ws);
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
    if (!quiet && ro.engine == CG_ENGINE_AUTO && nv > CG_RENDER_SFDP_ABOVE)
        fprintf(stderr, "citegraph: %zu nodes: using sfdp; dot would be unreadable\n", nv);
    if (cg_render(g, &ro, output, &ri, &err) != CG_OK) {
        fprintf(stderr, "citegraph: %s\n", err.msg);
        status = 1;
        goto done;
    }
done:
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "citegraph: error writing standard output\n");
        status = status ? status : 1;
    }
    cg_graph_free(g);
    cg_inputs_destroy(&in);
    free(inputs);
    return status ? status : bad ? 1 : 0;
}
