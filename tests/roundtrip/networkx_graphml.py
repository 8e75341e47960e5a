#!/usr/bin/python3
"""Round-trip check of a citegraph GraphML file with networkx.

usage: networkx_graphml.py FILE.graphml EXPECTED_EDGE_COUNT

Reads FILE with networkx.read_graphml and checks that the graph is
directed, that every node has non-empty id, label and kind attributes, that
the id attribute equals the node's GraphML id, and that the number of edges
equals EXPECTED_EDGE_COUNT.  Exits 0 on success, 1 on a failed check, 2 on
bad usage or a missing networkx.

Run it with /usr/bin/python3 (Debian's python3-networkx lives there; a
pyenv python3 on PATH usually has no networkx).
"""
import sys


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s FILE.graphml EXPECTED_EDGE_COUNT\n" % argv[0])
        return 2
    try:
        import networkx as nx
    except ImportError as e:
        sys.stderr.write("networkx_graphml: cannot import networkx: %s\n" % e)
        return 2
    path = argv[1]
    try:
        want_edges = int(argv[2])
    except ValueError:
        sys.stderr.write("networkx_graphml: bad edge count %r\n" % argv[2])
        return 2
    try:
        g = nx.read_graphml(path)
    except Exception as e:  # parse errors of any kind
        print("FAIL %s: networkx cannot read it: %s" % (path, e))
        return 1
    problems = []
    if not g.is_directed():
        problems.append("graph is not directed")
    for node, data in g.nodes(data=True):
        for attr in ("id", "label", "kind"):
            if not data.get(attr):
                problems.append("node %r has no %s" % (node, attr))
        if data.get("id") not in (None, node):
            problems.append("node %r has id attribute %r" % (node, data.get("id")))
    n_edges = g.number_of_edges()
    if n_edges != want_edges:
        problems.append("%d edges, expected %d" % (n_edges, want_edges))
    for p in problems[:20]:
        print("FAIL %s: %s" % (path, p))
    if len(problems) > 20:
        print("FAIL %s: ... %d more" % (path, len(problems) - 20))
    if problems:
        return 1
    print("ok %s: %d nodes, %d edges" % (path, g.number_of_nodes(), n_edges))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
