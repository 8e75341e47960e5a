#!/usr/bin/python3
"""Round-trip check of citegraph's visualization formats with networkx.

usage: networkx_formats.py DIR
       networkx_formats.py --hostile GOLDEN_DIR

DIR holds one graph written by `citegraph build` in every format:
graph.graphml, graph.gexf, graph.gml, graph.json, graph.cyjs, graph.adj
and the csv directory neo/ (nodes.csv, edges.csv).  GraphML, read with
networkx.read_graphml, is the reference; it must agree with graph.adj on
nodes and edges, and every other format must give the same nodes, edges
and attributes (id, label, kind, body, title, date, year, cited; verb,
part, para, locator, weight), read with networkx (read_gexf, read_gml,
node_link_graph), the json module (cyjs) and the csv module (csv, whose
headers must be the neo4j-admin ones).  In GEXF each node with a year must
start at it, and each edge at its citing node's year.

--hostile reads the hostile.* golden files of tests/unit/test_export_formats
(labels with quotes, backslashes, newlines, <, &, ]]>, control characters
and invalid UTF-8, already cleaned by the exporters) and checks that each
parses and that all formats agree with hostile.json.

Exits 0 on success, 1 on a failed check, 2 on bad usage or a missing
networkx.  Run it with /usr/bin/python3 (Debian's python3-networkx lives
there; a pyenv python3 on PATH usually has no networkx).

networkx 2.8 knows GEXF 1.1draft and 1.2draft only: a GEXF 1.3 file is
read after renaming its namespace to 1.2draft, whose elements and
attributes the file only uses.
"""
import csv
import io
import json
import os
import sys

NODE_STR = ("label", "kind", "body", "title", "date")
NODE_INT = ("year", "cited")
EDGE_STR = ("verb", "part", "para", "locator")


def node_rec(d):
    r = {k: d.get(k, "") or "" for k in NODE_STR}
    for k in NODE_INT:
        r[k] = int(d.get(k, 0) or 0)
    return r


def edge_rec(d):
    r = {k: d.get(k, "") or "" for k in EDGE_STR}
    w = float(d.get("weight", 0))
    if w != int(w):
        raise ValueError("weight %r is not an integer" % w)
    r["weight"] = int(w)
    return r


def model_from_nx(g, ident=None):
    """(nodes, edges): id -> record, (source id, target id) -> record.
    ident maps a networkx node to its citegraph id (default: the node)."""
    nodes, edges = {}, {}
    name = {}
    for n, d in g.nodes(data=True):
        i = ident(n, d) if ident else n
        name[n] = i
        nodes[i] = node_rec(d)
    for u, v, d in g.edges(data=True):
        key = (name[u], name[v])
        if key in edges:
            raise ValueError("edge %r twice" % (key,))
        edges[key] = edge_rec(d)
    return nodes, edges


def read_graphml(nx, path):
    g = nx.read_graphml(path)
    if not g.is_directed():
        raise ValueError("not directed")
    for n, d in g.nodes(data=True):
        if d.get("id", n) != n:
            raise ValueError("node %r has id attribute %r" % (n, d.get("id")))
    return model_from_nx(g)


def read_gexf(nx, path):
    try:
        g = nx.read_gexf(path)
    except nx.NetworkXError:
        with open(path, "rb") as f:
            data = f.read()
        data = data.replace(b'xmlns="http://gexf.net/1.3"',
                            b'xmlns="http://www.gexf.net/1.2draft"', 1)
        data = data.replace(b'version="1.3"', b'version="1.2"', 1)
        g = nx.read_gexf(io.BytesIO(data))
    if not g.is_directed():
        raise ValueError("not directed")
    problems = []
    years = {}
    for n, d in g.nodes(data=True):
        y = int(d.get("year", 0))
        years[n] = y
        if y > 0 and d.get("start") != y:
            problems.append("node %r: start %r, year %r" % (n, d.get("start"), y))
        if y == 0 and "start" in d:
            problems.append("node %r: start without a year" % n)
    for u, v, d in g.edges(data=True):
        want = years[u] if years[u] > 0 else None
        if d.get("start") != want:
            problems.append("edge %r->%r: start %r, want %r" % (u, v, d.get("start"), want))
    if problems:
        raise ValueError("; ".join(problems[:5]))
    return model_from_nx(g)


def read_gml(nx, path):
    # Nodes are keyed by label, which is the canonical id.
    g = nx.read_gml(path, label="label")
    if not g.is_directed():
        raise ValueError("not directed")
    nodes, edges = {}, {}
    for n, d in g.nodes(data=True):
        d = dict(d)
        d["label"] = n
        nodes[n] = node_rec(d)
    for u, v, d in g.edges(data=True):
        edges[(u, v)] = edge_rec(d)
    return nodes, edges


def read_json(nx, path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for k in ("directed", "multigraph", "graph", "nodes", "links"):
        if k not in data:
            raise ValueError("no %r key" % k)
    g = nx.node_link_graph(data)
    if not g.is_directed() or g.is_multigraph():
        raise ValueError("not a directed simple graph")
    return model_from_nx(g)


def read_cyjs(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    nodes, edges = {}, {}
    for el in data["elements"]["nodes"]:
        d = el["data"]
        if d["name"] != d["label"]:
            raise ValueError("node %r: name %r != label" % (d["id"], d["name"]))
        nodes[d["id"]] = node_rec(d)
    ids = set()
    for el in data["elements"]["edges"]:
        d = el["data"]
        if d["id"] in ids or d["id"] in nodes:
            raise ValueError("edge id %r not unique" % d["id"])
        ids.add(d["id"])
        for end in ("source", "target"):
            if d[end] not in nodes:
                raise ValueError("edge %r: unknown %s %r" % (d["id"], end, d[end]))
        edges[(d["source"], d["target"])] = edge_rec(d)
    return nodes, edges


def read_csv(dirpath):
    want_n = ["id:ID", "label", "kind", "body", "title", "date", "year:int",
              "cited:int", ":LABEL"]
    want_e = [":START_ID", ":END_ID", ":TYPE", "verb", "part", "para",
              "locator", "weight:int"]
    nodes, edges = {}, {}
    with open(os.path.join(dirpath, "nodes.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f, strict=True)
        head = next(r)
        if head != want_n:
            raise ValueError("nodes.csv header %r" % head)
        for row in r:
            d = dict(zip(head, row))
            if len(row) != len(head):
                raise ValueError("nodes.csv row %r" % row)
            labels = d[":LABEL"].split(";")
            if labels[0] != "Document" or (d["kind"] and len(labels) == 2 and
                                           labels[1].lower() != d["kind"].lower()):
                raise ValueError("nodes.csv: bad :LABEL %r" % d[":LABEL"])
            d["year"], d["cited"] = d["year:int"], d["cited:int"]
            nodes[d["id:ID"]] = node_rec(d)
    with open(os.path.join(dirpath, "edges.csv"), newline="", encoding="utf-8") as f:
        r = csv.reader(f, strict=True)
        head = next(r)
        if head != want_e:
            raise ValueError("edges.csv header %r" % head)
        for row in r:
            if len(row) != len(head):
                raise ValueError("edges.csv row %r" % row)
            d = dict(zip(head, row))
            if d[":TYPE"] != "CITES":
                raise ValueError("edges.csv: :TYPE %r" % d[":TYPE"])
            d["weight"] = d["weight:int"]
            edges[(d[":START_ID"], d[":END_ID"])] = edge_rec(d)
    return nodes, edges


def read_adj(path):
    nodes, edges = set(), set()
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            nodes.add(parts[0])
            for t in parts[1:]:
                edges.add((parts[0], t))
    return nodes, edges


def compare(what, ref, got, problems):
    rn, re_ = ref
    gn, ge = got
    if set(rn) != set(gn):
        problems.append("%s: nodes differ: missing %r, extra %r" % (
            what, sorted(set(rn) - set(gn))[:3], sorted(set(gn) - set(rn))[:3]))
    for n in sorted(set(rn) & set(gn)):
        if rn[n] != gn[n]:
            diff = {k: (rn[n][k], gn[n][k]) for k in rn[n] if rn[n][k] != gn[n][k]}
            problems.append("%s: node %r: %r" % (what, n, diff))
    if set(re_) != set(ge):
        problems.append("%s: edges differ: missing %r, extra %r" % (
            what, sorted(set(re_) - set(ge))[:3], sorted(set(ge) - set(re_))[:3]))
    for e in sorted(set(re_) & set(ge)):
        if re_[e] != ge[e]:
            diff = {k: (re_[e][k], ge[e][k]) for k in re_[e] if re_[e][k] != ge[e][k]}
            problems.append("%s: edge %r: %r" % (what, e, diff))


def run(nx, readers, ref_name, ref, problems):
    for name, fn in readers:
        try:
            got = fn()
        except Exception as e:  # any parse error is a failure
            problems.append("%s: cannot read it: %s: %s" % (name, type(e).__name__, e))
            continue
        compare("%s vs %s" % (name, ref_name), ref, got, problems)


def main(argv):
    hostile = len(argv) == 3 and argv[1] == "--hostile"
    if len(argv) != 2 and not hostile:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        import networkx as nx
    except ImportError as e:
        sys.stderr.write("networkx_formats: cannot import networkx: %s\n" % e)
        return 2
    d = argv[-1]
    problems = []
    if hostile:
        p = lambda ext: os.path.join(d, "hostile." + ext)
        ref = read_json(nx, p("json"))
        if len(ref[0]) != 5 or len(ref[1]) != 5:
            problems.append("hostile.json: %d nodes, %d edges, want 5 and 5"
                            % (len(ref[0]), len(ref[1])))
        want_title = 'Title "quoted" & <tagged> ]]> \\ \ufffd'
        if ref[0].get('A/RES/1"q\\', {}).get("title") != want_title:
            problems.append("hostile.json: node A/RES/1\"q\\ lost its title")
        readers = [
            ("hostile.yed.graphml", lambda: read_graphml(nx, p("yed.graphml"))),
            ("hostile.gexf", lambda: read_gexf(nx, p("gexf"))),
            ("hostile.gml", lambda: read_gml(nx, p("gml"))),
            ("hostile.cyjs", lambda: read_cyjs(p("cyjs"))),
        ]
        run(nx, readers, "hostile.json", ref, problems)
        # the csv goldens are named hostile.nodes.csv / hostile.edges.csv
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            for part in ("nodes", "edges"):
                with open(p(part + ".csv"), "rb") as src, \
                        open(os.path.join(tmp, part + ".csv"), "wb") as dst:
                    dst.write(src.read())
            run(nx, [("hostile csv", lambda: read_csv(tmp))], "hostile.json",
                ref, problems)
        what = d + "/hostile.*"
        n_nodes, n_edges = len(ref[0]), len(ref[1])
    else:
        p = lambda name: os.path.join(d, name)
        try:
            ref = read_graphml(nx, p("graph.graphml"))
        except Exception as e:
            print("FAIL %s: networkx cannot read it: %s" % (p("graph.graphml"), e))
            return 1
        an, ae = read_adj(p("graph.adj"))
        if set(ref[0]) != an or set(ref[1]) != ae:
            problems.append("graph.graphml and graph.adj disagree on nodes or edges")
        for n, r in ref[0].items():
            if not r["label"] or not r["kind"]:
                problems.append("graph.graphml: node %r has no label or kind" % n)
        readers = [
            ("graph.gexf", lambda: read_gexf(nx, p("graph.gexf"))),
            ("graph.gml", lambda: read_gml(nx, p("graph.gml"))),
            ("graph.json", lambda: read_json(nx, p("graph.json"))),
            ("graph.cyjs", lambda: read_cyjs(p("graph.cyjs"))),
            ("neo/*.csv", lambda: read_csv(p("neo"))),
        ]
        if os.path.exists(p("graph.yed.graphml")):
            readers.append(("graph.yed.graphml",
                            lambda: read_graphml(nx, p("graph.yed.graphml"))))
        run(nx, readers, "graph.graphml", ref, problems)
        what = d
        n_nodes, n_edges = len(ref[0]), len(ref[1])
        if n_edges == 0:
            problems.append("no edges: nothing was checked")
    for msg in problems[:30]:
        print("FAIL %s: %s" % (what, msg))
    if len(problems) > 30:
        print("FAIL %s: ... %d more" % (what, len(problems) - 30))
    if problems:
        return 1
    print("ok %s: %d nodes, %d edges agree in every format" % (what, n_nodes, n_edges))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
