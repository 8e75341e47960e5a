/*
 * render.c - citation diagrams: what the drawing shows, and the
 * interactive HTML page around it.  No graphviz here: render_gvc.c lays
 * the cg_drawing out (see render.h for the split).
 *
 * What the diagram encodes, so that it reads without a manual:
 *   - node shape by kind (resolution rounded box, decision box with cut
 *     corners, statement hexagon, report note, document folder, treaty
 *     cylinder, ILO instrument octagon) and fill colour by body, from a
 *     fixed palette so that the same body has the same colour in every
 *     diagram; documents whose text was read have a thick outline, those
 *     only known from citations a thin one;
 *   - edge style by the family of its verbs: recalling, reaffirming,
 *     bearing in mind, having considered and the like solid; taking note,
 *     noting, welcoming dashed; operative verbs (urges, requests,
 *     decides, calls upon, ...) bold.  An edge whose mentions mix
 *     families, or that has no verb, is solid;
 *   - a legend with one sample per kind, body and edge family present;
 *   - with dot, one rank per year, oldest at the top.
 *
 * The HTML page is self-contained (no network): the SVG inline, CSS and
 * JavaScript inline, and the graph as JSON in a <script
 * type="application/json"> block: {"nodes": [[name, kind, body, year,
 * title, read], ...], "edges": [[citing, cited, verbs], ...]} with node
 * indexes; edge k is the SVG element with id "e<k>", node i the
 * <g class="node"> whose <title> is its name.  The script pans and zooms
 * by rewriting the SVG viewBox, finds ids (exact, then prefix), and on a
 * click marks the node (class cg-sel), its recall chain up (cg-up: what
 * it cites, transitively) and down (cg-down: what cites it).  A URL
 * fragment #select=ID does the same on load.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exporters.h"
#include "render.h"

cg_render_format cg_render_format_from_name(const char *name)
{
    if (!name)
        return CG_RENDER_UNKNOWN;
    if (strcasecmp(name, "svg") == 0)
        return CG_RENDER_SVG;
    if (strcasecmp(name, "png") == 0)
        return CG_RENDER_PNG;
    if (strcasecmp(name, "pdf") == 0)
        return CG_RENDER_PDF;
    if (strcasecmp(name, "html") == 0 || strcasecmp(name, "htm") == 0)
        return CG_RENDER_HTML;
    return CG_RENDER_UNKNOWN;
}

cg_render_format cg_render_format_from_path(const char *path)
{
    if (!path)
        return CG_RENDER_UNKNOWN;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return CG_RENDER_UNKNOWN;
    return cg_render_format_from_name(dot + 1);
}

/* ------------------------------------------------------------------ */
/* Styles                                                              */

typedef struct kind_style {
    const char *kind, *shape, *style;
} kind_style;

/* In legend order; the last row is for any other kind. */
static const kind_style KINDS[] = {
    { "resolution", "box", "rounded,filled" },
    { "decision", "box", "filled,diagonals" },
    { "statement", "hexagon", "filled" },
    { "report", "note", "filled" },
    { "document", "folder", "filled" },
    { "treaty", "cylinder", "filled" },
    { "ilo", "octagon", "filled" },
    { "other kind", "ellipse", "filled" },
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

typedef struct body_style {
    const char *body, *fill;
} body_style;

/* A fixed palette (light enough for black text), in legend order; the
 * last row is for any other or unknown body. */
static const body_style BODIES[] = {
    { "GA", "#a6cee3" },     { "SC", "#fb9a99" },    { "ECOSOC", "#b2df8a" },
    { "HRC", "#fdbf6f" },    { "CHR", "#fee0b6" },   { "CCPCJ", "#cab2d6" },
    { "CSW", "#f4cae4" },    { "CND", "#8dd3c7" },   { "CPD", "#bebada" },
    { "CSocD", "#fccde5" },  { "UNTS", "#d9d9d9" },  { "LNTS", "#bdbdbd" },
    { "ILO", "#ffff99" },    { "other body", "#f7f7f7" },
};
#define N_BODIES (sizeof BODIES / sizeof BODIES[0])

static size_t kind_index(const char *kind)
{
    for (size_t i = 0; i + 1 < N_KINDS; i++)
        if (strcmp(kind, KINDS[i].kind) == 0)
            return i;
    return N_KINDS - 1;
}

static size_t body_index(const char *body)
{
    for (size_t i = 0; i + 1 < N_BODIES; i++)
        if (strcmp(body, BODIES[i].body) == 0)
            return i;
    return N_BODIES - 1;
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The family of one verb [v, v+n) (lower-case, as extracted). */
static int one_family(const char *v, size_t n)
{
    char w[64];
    if (n >= sizeof w)
        n = sizeof w - 1;
    memcpy(w, v, n);
    w[n] = '\0';
    static const char *const note[] = {
        "taking note", "takes note", "take note", "noting", "notes", "note ",
        "welcoming", "welcomes", "acknowledging", "acknowledges",
    };
    static const char *const recall[] = {
        "recall", "reaffirm", "bearing in mind", "bears in mind", "having",
        "considering", "recogniz", "recognis", "affirm", "reiterat", "guided",
        "mindful", "taking into account", "takes into account", "renewing",
        "reconfirm", "referring", "in accordance", "pursuant", "further recall",
    };
    for (size_t i = 0; i < sizeof note / sizeof note[0]; i++)
        if (starts(w, note[i]) || strcmp(w, "note") == 0)
            return CG_FAM_NOTE;
    for (size_t i = 0; i < sizeof recall / sizeof recall[0]; i++)
        if (starts(w, recall[i]))
            return CG_FAM_RECALL;
    /* Operative paragraphs open with a verb in the third person
     * ("urges", "requests", "decides", "calls upon"): a first word of
     * four letters or more ending in a single s. */
    size_t fw = strcspn(w, " ");
    if (fw >= 4 && w[fw - 1] == 's' && w[fw - 2] != 's')
        return CG_FAM_OPERATIVE;
    return -1; /* unknown: does not count in a mix */
}

/* The family of an edge's verbs ("a;b;c"): the common family of the
 * known ones; recall (solid) when they mix or none is known. */
static cg_verb_family verb_family(const char *verbs)
{
    int fam = -1;
    const char *p = verbs;
    while (*p) {
        size_t n = strcspn(p, ";");
        int f = one_family(p, n);
        if (f >= 0) {
            if (fam >= 0 && f != fam)
                return CG_FAM_RECALL;
            fam = f;
        }
        p += n;
        if (*p == ';')
            p++;
    }
    return fam < 0 ? CG_FAM_RECALL : (cg_verb_family)fam;
}

static const char *const FAM_LABEL[CG_FAM_N] = {
    "recalling, reaffirming, bearing in mind, ... (or mixed)",
    "taking note, noting, welcoming",
    "operative: urges, requests, decides, ...",
};

/* ------------------------------------------------------------------ */
/* The drawing                                                         */

typedef struct drawing_store {
    cg_drawing d;
    cg_draw_node *nodes;
    cg_draw_edge *edges;
    cg_draw_legend legend[N_KINDS + N_BODIES + 2 + CG_FAM_N];
    const char **names;   /* node names (CG_CLEAN_XML), into g or arena */
    cg_arena *arena;      /* every composed string */
} drawing_store;

static void store_destroy(drawing_store *s)
{
    free(s->nodes);
    free(s->edges);
    free(s->names);
    cg_arena_free(s->arena);
}

/* value cleaned for a graphviz escString (label, tooltip), in the arena;
 * NULL on OOM. */
static const char *esc(drawing_store *s, cg_buf *b, const char *value)
{
    cg_buf_clear(b);
    if (cg_exp_clean(b, value, CG_CLEAN_DOT) < 0)
        return NULL;
    return cg_arena_strdup(s->arena, cg_buf_str(b));
}

/* Fills s from g (s zeroed by the caller; store_destroy frees it). */
static cg_status build_drawing(drawing_store *s, const cg_graph *g,
                               const char *engine, int legend, cg_error *err)
{
    cg_status st = CG_OK;
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    int kind_seen[N_KINDS] = { 0 }, body_seen[N_BODIES] = { 0 };
    int fam_seen[CG_FAM_N] = { 0 }, read_seen[2] = { 0 };
    cg_buf b;
    cg_buf_init(&b);
    if (!(s->arena = cg_arena_new()))
        goto nomem;
    if ((st = cg_exp_node_names(g, CG_CLEAN_XML, s->arena, &s->names, err)) != CG_OK)
        goto done;
    s->nodes = calloc(n ? n : 1, sizeof *s->nodes);
    s->edges = calloc(m ? m : 1, sizeof *s->edges);
    if (!s->nodes || !s->edges)
        goto nomem;
    for (size_t v = 0; v < n; v++) {
        cg_draw_node *dn = &s->nodes[v];
        const char *kind = cg_graph_node_str(g, v, CG_NODE_KIND);
        const char *body = cg_graph_node_str(g, v, CG_NODE_BODY);
        const char *title = cg_graph_node_str(g, v, CG_NODE_TITLE);
        int year = cg_graph_node_year(g, v), read = !cg_graph_node_cited(g, v);
        size_t ki = kind_index(kind), bi = body_index(body);
        kind_seen[ki] = body_seen[bi] = 1;
        read_seen[read] = 1;
        dn->name = s->names[v];
        dn->shape = KINDS[ki].shape;
        dn->style = KINDS[ki].style;
        dn->fill = BODIES[bi].fill;
        dn->penwidth = read ? 2.2 : 1.0;
        dn->year = year;
        /* tooltip: "A/RES/61/180 (2006, GA resolution, read): title" */
        cg_buf_clear(&b);
        cg_buf_printf(&b, "%s (", cg_graph_node_str(g, v, CG_NODE_ID));
        if (year)
            cg_buf_printf(&b, "%d, ", year);
        cg_buf_printf(&b, "%s%s%s, %s)%s%s", body, *body ? " " : "", *kind ? kind : "document",
                      read ? "read" : "only cited", *title ? ": " : "", title);
        if (b.oom)
            goto nomem;
        char *tip = cg_arena_strdup(s->arena, cg_buf_str(&b));
        /* SVG classes for style sheets: "k-resolution b-GA read" */
        cg_buf_clear(&b);
        cg_buf_printf(&b, "k-%s b-%s %s", KINDS[ki].kind, BODIES[bi].body,
                      read ? "read" : "cited");
        for (size_t i = 0; i + 1 < b.len; i++) /* "other kind" -> "other-kind" */
            if (b.data[i] == ' ' && (starts(b.data + i + 1, "kind") || starts(b.data + i + 1, "body")))
                b.data[i] = '-';
        if (b.oom || !tip)
            goto nomem;
        if (!(dn->cls = cg_arena_strdup(s->arena, cg_buf_str(&b))) ||
            !(dn->label = esc(s, &b, cg_graph_node_str(g, v, CG_NODE_LABEL))) ||
            !(dn->tooltip = esc(s, &b, tip)))
            goto nomem;
    }
    for (size_t e = 0; e < m; e++) {
        cg_draw_edge *de = &s->edges[e];
        char id[32];
        cg_graph_edge_ends(g, e, &de->from, &de->to);
        const char *verbs = cg_graph_edge_str(g, e, CG_EDGE_VERB);
        de->fam = verb_family(verbs);
        fam_seen[de->fam] = 1;
        snprintf(id, sizeof id, "e%zu", e);
        cg_buf_clear(&b);
        cg_buf_printf(&b, "%s cites %s%s%s", cg_graph_node_str(g, de->from, CG_NODE_ID),
                      cg_graph_node_str(g, de->to, CG_NODE_ID), *verbs ? ": " : "", verbs);
        if (b.oom)
            goto nomem;
        char *tip = cg_arena_strdup(s->arena, cg_buf_str(&b));
        if (!tip || !(de->id = cg_arena_strdup(s->arena, id)) ||
            !(de->tooltip = esc(s, &b, tip)))
            goto nomem;
    }
    size_t nl = 0;
    for (size_t i = 0; legend && i < N_KINDS; i++)
        if (kind_seen[i])
            s->legend[nl++] = (cg_draw_legend){ KINDS[i].kind, KINDS[i].shape,
                                                KINDS[i].style, "#ffffff", -1, 0 };
    for (size_t i = 0; legend && i < N_BODIES; i++)
        if (body_seen[i])
            s->legend[nl++] = (cg_draw_legend){ BODIES[i].body, "box", "filled",
                                                BODIES[i].fill, -1, 1 };
    if (legend && read_seen[1])
        s->legend[nl++] = (cg_draw_legend){ "text read", "box", "rounded,filled,bold",
                                            "#ffffff", -1, 2 };
    if (legend && read_seen[0])
        s->legend[nl++] = (cg_draw_legend){ "only cited", "box", "rounded,filled",
                                            "#ffffff", -1, 2 };
    for (int f = 0; legend && m && f < CG_FAM_N; f++)
        if (fam_seen[f])
            s->legend[nl++] = (cg_draw_legend){ FAM_LABEL[f], "plaintext", "", "", f, 3 };
    s->d.nodes = s->nodes;
    s->d.n_nodes = n;
    s->d.edges = s->edges;
    s->d.n_edges = m;
    s->d.legend = nl ? s->legend : NULL;
    s->d.n_legend = nl;
    s->d.engine = engine;
    goto done;
nomem:
    st = cg_error_set(err, CG_ERR_NOMEM, "out of memory drawing the graph");
done:
    cg_buf_destroy(&b);
    return st;
}

/* ------------------------------------------------------------------ */
/* The HTML page                                                       */

static const char HTML_HEAD[] =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"citegraph " CG_VERSION "\">\n"
    "<title>Citation graph</title>\n"
    "<style>\n"
    "html,body{margin:0;height:100%;font:14px Helvetica,Arial,sans-serif;color:#222}\n"
    "body{display:flex;flex-direction:column}\n"
    "#cg-bar{display:flex;gap:.6em;align-items:center;padding:.4em .7em;"
    "background:#f3f3f3;border-bottom:1px solid #ccc;flex-wrap:wrap}\n"
    "#cg-bar input{font:inherit;width:18em;padding:.15em .3em}\n"
    "#cg-bar button{font:inherit}\n"
    "#cg-info{flex:1;min-width:12em;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}\n"
    "#cg-view{flex:1;position:relative;overflow:hidden;background:#fff;cursor:grab}\n"
    "#cg-view.cg-drag{cursor:grabbing}\n"
    "#cg-view>svg{position:absolute;left:0;top:0;width:100%;height:100%}\n"
    "g.node{cursor:pointer}\n"
    "svg.cg-on g.node:not(.cg-sel):not(.cg-up):not(.cg-down):not(.legend):not(.year){opacity:.18}\n"
    "svg.cg-on g.edge:not(.cg-up):not(.cg-down):not(.legend){opacity:.07}\n"
    "g.node.cg-up polygon,g.node.cg-up path,g.node.cg-up ellipse,g.node.cg-up polyline"
    "{stroke:#1f5fbf;stroke-width:3}\n"
    "g.node.cg-down polygon,g.node.cg-down path,g.node.cg-down ellipse,g.node.cg-down polyline"
    "{stroke:#d7301f;stroke-width:3}\n"
    "g.node.cg-sel polygon,g.node.cg-sel path,g.node.cg-sel ellipse,g.node.cg-sel polyline"
    "{stroke:#000;stroke-width:5}\n"
    "g.edge.cg-up path{stroke:#1f5fbf;stroke-width:2.5}g.edge.cg-up polygon{stroke:#1f5fbf;fill:#1f5fbf}\n"
    "g.edge.cg-down path{stroke:#d7301f;stroke-width:2.5}g.edge.cg-down polygon{stroke:#d7301f;fill:#d7301f}\n"
    ".cg-key-up{color:#1f5fbf;font-weight:bold}.cg-key-down{color:#d7301f;font-weight:bold}\n"
    "</style>\n</head>\n<body>\n"
    "<div id=\"cg-bar\">\n"
    "<label>Find <input id=\"cg-search\" list=\"cg-ids\" placeholder=\"id or prefix, e.g. A/RES/70\" "
    "autocomplete=\"off\" spellcheck=\"false\"></label>\n"
    "<button id=\"cg-fit\" type=\"button\" title=\"show the whole graph\">Fit</button>\n"
    "<button id=\"cg-clear\" type=\"button\" title=\"clear the selection\">Clear</button>\n"
    "<span><span class=\"cg-key-up\">&#9650; cites</span> "
    "<span class=\"cg-key-down\">&#9660; cited by</span></span>\n"
    "<span id=\"cg-info\" role=\"status\">Click a document to see its recall chain; "
    "wheel to zoom, drag to pan.</span>\n"
    "</div>\n"
    "<div id=\"cg-view\">\n";

static const char HTML_SCRIPT[] =
    "<script>\n"
    "(function () {\n"
    "'use strict';\n"
    "var data = JSON.parse(document.getElementById('cg-data').textContent);\n"
    "var view = document.getElementById('cg-view');\n"
    "var svg = view.querySelector('svg');\n"
    "var info = document.getElementById('cg-info');\n"
    "var search = document.getElementById('cg-search');\n"
    "var N = data.nodes.length, idx = {}, gNode = [], gEdge = [], up = [], down = [], i;\n"
    "for (i = 0; i < N; i++) { idx[data.nodes[i][0]] = i; up.push([]); down.push([]); }\n"
    "data.edges.forEach(function (e, k) {\n"
    "  up[e[0]].push(k); down[e[1]].push(k); gEdge[k] = document.getElementById('e' + k);\n"
    "});\n"
    "Array.prototype.forEach.call(svg.querySelectorAll('g.node'), function (g) {\n"
    "  var t = g.querySelector('title');\n"
    "  if (t && idx.hasOwnProperty(t.textContent)) {\n"
    "    var v = idx[t.textContent];\n"
    "    gNode[v] = g;\n"
    "    g.addEventListener('click', function (ev) {\n"
    "      if (moved) return;\n"
    "      ev.stopPropagation(); select(v, false);\n"
    "    });\n"
    "  }\n"
    "});\n"
    "var sorted = data.nodes.map(function (n) { return n[0]; }).sort();\n"
    "var dl = document.createElement('datalist');\n"
    "dl.id = 'cg-ids';\n"
    "sorted.forEach(function (s) { var o = document.createElement('option'); o.value = s; dl.appendChild(o); });\n"
    "document.body.appendChild(dl);\n"
    "svg.removeAttribute('width'); svg.removeAttribute('height');\n"
    "svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');\n"
    "var vb0 = svg.getAttribute('viewBox').split(/[\\s,]+/).map(Number), vb = vb0.slice();\n"
    "function setVB() { svg.setAttribute('viewBox', vb.join(' ')); }\n"
    "function toSvg(cx, cy) {\n"
    "  var p = svg.createSVGPoint(), m = svg.getScreenCTM();\n"
    "  p.x = cx; p.y = cy;\n"
    "  return m ? p.matrixTransform(m.inverse()) : p;\n"
    "}\n"
    "view.addEventListener('wheel', function (ev) {\n"
    "  ev.preventDefault();\n"
    "  var f = Math.exp((ev.deltaMode ? ev.deltaY * 33 : ev.deltaY) * 0.0015);\n"
    "  var p = toSvg(ev.clientX, ev.clientY);\n"
    "  var w = vb[2] * f, h = vb[3] * f;\n"
    "  if (w < 20 || w > vb0[2] * 20) return;\n"
    "  vb = [p.x - (p.x - vb[0]) * f, p.y - (p.y - vb[1]) * f, w, h]; setVB();\n"
    "}, { passive: false });\n"
    "var drag = null, moved = false;\n"
    "view.addEventListener('mousedown', function (ev) {\n"
    "  if (ev.button !== 0) return;\n"
    "  var m = svg.getScreenCTM();\n"
    "  drag = { x: ev.clientX, y: ev.clientY, vb: vb.slice(), s: m ? 1 / m.a : 1 };\n"
    "  moved = false;\n"
    "});\n"
    "window.addEventListener('mousemove', function (ev) {\n"
    "  if (!drag) return;\n"
    "  var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;\n"
    "  if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;\n"
    "  moved = true; view.classList.add('cg-drag');\n"
    "  vb = [drag.vb[0] - dx * drag.s, drag.vb[1] - dy * drag.s, vb[2], vb[3]]; setVB();\n"
    "});\n"
    "window.addEventListener('mouseup', function () {\n"
    "  drag = null; view.classList.remove('cg-drag');\n"
    "  setTimeout(function () { moved = false; }, 0);\n"
    "});\n"
    "view.addEventListener('click', function () { if (!moved) clear(); });\n"
    "var marks = ['cg-sel', 'cg-up', 'cg-down'];\n"
    "function clear() {\n"
    "  gNode.concat(gEdge).forEach(function (g) { if (g) g.classList.remove.apply(g.classList, marks); });\n"
    "  svg.classList.remove('cg-on');\n"
    "  document.body.removeAttribute('data-selected');\n"
    "  info.textContent = 'Click a document to see its recall chain; wheel to zoom, drag to pan.';\n"
    "}\n"
    "/* Marks every node reachable from v through adj (edge lists), with\n"
    " * cls on the nodes and edges met; returns how many nodes. */\n"
    "function walk(v, adj, end, cls) {\n"
    "  var seen = {}, queue = [v], count = 0;\n"
    "  seen[v] = 1;\n"
    "  while (queue.length) {\n"
    "    var u = queue.shift();\n"
    "    adj[u].forEach(function (k) {\n"
    "      var w = data.edges[k][end];\n"
    "      if (gEdge[k]) gEdge[k].classList.add(cls);\n"
    "      if (seen[w]) return;\n"
    "      seen[w] = 1; count++; queue.push(w);\n"
    "      if (gNode[w]) gNode[w].classList.add(cls);\n"
    "    });\n"
    "  }\n"
    "  return count;\n"
    "}\n"
    "function centre(v) {\n"
    "  var g = gNode[v];\n"
    "  if (!g) return;\n"
    "  var r = g.getBoundingClientRect(), a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);\n"
    "  var cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2, nw = Math.abs(b.x - a.x);\n"
    "  var w = vb[2], h = vb[3];\n"
    "  if (nw > 0 && nw < w / 12) { var f = nw * 12 / w; w *= f; h *= f; }\n"
    "  vb = [cx - w / 2, cy - h / 2, w, h]; setVB();\n"
    "}\n"
    "function select(v, move) {\n"
    "  clear();\n"
    "  var n = data.nodes[v];\n"
    "  var nu = walk(v, up, 1, 'cg-up'), nd = walk(v, down, 0, 'cg-down');\n"
    "  if (gNode[v]) { gNode[v].classList.remove('cg-up', 'cg-down'); gNode[v].classList.add('cg-sel'); }\n"
    "  svg.classList.add('cg-on');\n"
    "  document.body.setAttribute('data-selected', n[0]);\n"
    "  info.textContent = n[0] + ' (' + (n[3] ? n[3] + ', ' : '') + (n[2] ? n[2] + ' ' : '') +\n"
    "    (n[1] || 'document') + (n[5] ? '' : ', only cited') + ')' + (n[4] ? ': ' + n[4] : '') +\n"
    "    ' \\u2014 cites ' + up[v].length + ' directly, ' + nu + ' in all; cited by ' +\n"
    "    down[v].length + ' directly, ' + nd + ' in all';\n"
    "  if (move) centre(v);\n"
    "}\n"
    "/* An id: exact, then without spaces, then the first id (in sorted\n"
    " * order) starting with it, then the same ignoring case; -1 if none. */\n"
    "function find(q) {\n"
    "  q = q.trim();\n"
    "  if (!q) return -1;\n"
    "  if (idx.hasOwnProperty(q)) return idx[q];\n"
    "  var nq = q.replace(/\\s+/g, '');\n"
    "  if (idx.hasOwnProperty(nq)) return idx[nq];\n"
    "  var lq = nq.toLowerCase(), j;\n"
    "  for (j = 0; j < sorted.length; j++) if (sorted[j].indexOf(nq) === 0) return idx[sorted[j]];\n"
    "  for (j = 0; j < sorted.length; j++) if (sorted[j].toLowerCase().indexOf(lq) === 0) return idx[sorted[j]];\n"
    "  return -1;\n"
    "}\n"
    "function go(q) {\n"
    "  var v = find(q);\n"
    "  if (v < 0) { clear(); info.textContent = 'No document ' + q.trim() + ' in the graph'; return; }\n"
    "  search.value = data.nodes[v][0];\n"
    "  select(v, true);\n"
    "}\n"
    "search.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') go(search.value); });\n"
    "search.addEventListener('change', function () { if (idx.hasOwnProperty(search.value)) go(search.value); });\n"
    "document.getElementById('cg-fit').addEventListener('click', function () { vb = vb0.slice(); setVB(); });\n"
    "document.getElementById('cg-clear').addEventListener('click', function () { search.value = ''; clear(); });\n"
    "function fromHash() {\n"
    "  var m = /^#select=(.*)$/.exec(location.hash);\n"
    "  if (!m) return;\n"
    "  var q;\n"
    "  try { q = decodeURIComponent(m[1]); } catch (e) { q = m[1]; }\n"
    "  go(q);\n"
    "}\n"
    "window.addEventListener('hashchange', fromHash);\n"
    "fromHash();\n"
    "})();\n"
    "</script>\n";

/* The page around svg[0..len): the SVG without its XML prolog and
 * doctype (inline SVG in HTML takes neither), the graph as JSON. */
static cg_status build_html(cg_buf *out, const cg_graph *g, const char *const *names,
                            const char *svg, size_t len, cg_error *err)
{
    const char *start = NULL;
    for (size_t i = 0; i + 4 < len; i++)
        if (memcmp(svg + i, "<svg", 4) == 0 && (svg[i + 4] == ' ' || svg[i + 4] == '\n' ||
                                                svg[i + 4] == '>')) {
            start = svg + i;
            break;
        }
    if (!start)
        return cg_error_set(err, CG_ERR_IO, "graphviz wrote no <svg> element");
    cg_buf_puts(out, HTML_HEAD);
    cg_buf_append(out, start, len - (size_t)(start - svg));
    cg_buf_puts(out, "</div>\n<script type=\"application/json\" id=\"cg-data\">\n{\"nodes\": [");
    size_t n = cg_graph_node_count(g), m = cg_graph_edge_count(g);
    for (size_t v = 0; v < n; v++) {
        cg_buf_puts(out, v ? ",\n[" : "\n[");
        if (cg_exp_json_str(out, names[v]) != 0)
            break;
        cg_buf_putc(out, ',');
        cg_exp_json_str(out, cg_graph_node_str(g, v, CG_NODE_KIND));
        cg_buf_putc(out, ',');
        cg_exp_json_str(out, cg_graph_node_str(g, v, CG_NODE_BODY));
        cg_buf_printf(out, ",%d,", cg_graph_node_year(g, v));
        cg_exp_json_str(out, cg_graph_node_str(g, v, CG_NODE_TITLE));
        cg_buf_printf(out, ",%d]", !cg_graph_node_cited(g, v));
    }
    cg_buf_puts(out, "],\n\"edges\": [");
    for (size_t e = 0; e < m; e++) {
        size_t from, to;
        cg_graph_edge_ends(g, e, &from, &to);
        cg_buf_printf(out, "%s[%zu,%zu,", e ? ",\n" : "\n", from, to);
        cg_exp_json_str(out, cg_graph_edge_str(g, e, CG_EDGE_VERB));
        cg_buf_putc(out, ']');
    }
    cg_buf_puts(out, "]}\n</script>\n");
    cg_buf_puts(out, HTML_SCRIPT);
    cg_buf_puts(out, "</body>\n</html>\n");
    if (out->oom)
        return cg_error_set(err, CG_ERR_NOMEM, "out of memory writing the HTML page");
    return CG_OK;
}

/* ------------------------------------------------------------------ */
/* cg_render                                                           */

typedef struct bytes {
    const char *p;
    size_t n;
} bytes;

static cg_status write_bytes(void *ctx, FILE *f, cg_error *err)
{
    const bytes *b = ctx;
    errno = 0;
    if (b->n && fwrite(b->p, 1, b->n, f) != b->n)
        return cg_error_set(err, CG_ERR_IO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return CG_OK;
}

cg_status cg_render(const cg_graph *g, const cg_render_opts *o,
                    const char *path, cg_render_info *info, cg_error *err)
{
    cg_status st = CG_OK;
    drawing_store s;
    char *data = NULL;
    size_t len = 0;
    cg_buf html;
    cg_render_info dummy;
    memset(&s, 0, sizeof s);
    cg_buf_init(&html);
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    if (!g || !o || !path || !*path) {
        st = cg_error_set(err, CG_ERR_USAGE, "cg_render: %s",
                          !g ? "no graph" : !o ? "no options" : "no output path");
        goto done;
    }
    static const char *const FMT[] = { NULL, "svg", "png", "pdf", "svg" };
    if (o->format <= CG_RENDER_UNKNOWN || o->format > CG_RENDER_HTML) {
        st = cg_error_set(err, CG_ERR_USAGE, "%s: unknown diagram format", path);
        goto done;
    }
    info->nodes = cg_graph_node_count(g);
    info->edges = cg_graph_edge_count(g);
    info->engine = "dot";
    if (o->engine == CG_ENGINE_SFDP) {
        info->engine = "sfdp";
    } else if (o->engine == CG_ENGINE_AUTO && info->nodes > CG_RENDER_SFDP_ABOVE) {
        info->engine = "sfdp";
        info->auto_sfdp = 1;
    }
    if ((st = build_drawing(&s, g, info->engine, !o->no_legend, err)) != CG_OK ||
        (st = cg_gv_render(&s.d, FMT[o->format], &data, &len, err)) != CG_OK)
        goto named;
    bytes b = { data, len };
    if (o->format == CG_RENDER_HTML) {
        if ((st = build_html(&html, g, s.names, data, len, err)) != CG_OK)
            goto named;
        b.p = html.data;
        b.n = html.len;
    }
    st = cg_exp_write_stream(write_bytes, &b, path, err);
    goto done;
named:
    if (err) {
        /* name the destination, as cg_export does */
        char msg[CG_ERRMSG_MAX];
        memcpy(msg, err->msg, sizeof msg);
        msg[sizeof msg - 1] = '\0';
        cg_error_set(err, st, "%s: %s", path, msg);
    }
done:
    free(data);
    cg_buf_destroy(&html);
    store_destroy(&s);
    return st;
}
