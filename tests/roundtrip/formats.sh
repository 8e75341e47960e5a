#!/bin/sh
# Round trip of every export format on examples/.
#
# usage: tests/roundtrip/formats.sh [CITEGRAPH|BUILD] [SHARED]
#        (from the project root; tests/run-tests.sh passes the binary)
#
# Builds the graph of examples/ with CITEGRAPH (or BUILD/citegraph;
# default build/citegraph) in
# every format, then checks that:
#   - networkx (/usr/bin/python3, Debian's python3-networkx) reads GraphML,
#     GEXF, GML and node-link JSON, and the json/csv modules read the
#     Cytoscape.js JSON and the neo4j CSV, with the same nodes, edges and
#     attributes in all (tests/roundtrip/networkx_formats.py), also on the
#     hostile-label golden files of tests/unit/test_export_formats.c;
#   - `dot -Tsvg` accepts the DOT file.
# igraph's readers (GraphML, GML, Pajek) are exercised by the cmocka test
# test_export_formats.  Exits 0 when all pass, 1 otherwise; a missing
# networkx or dot is reported as SKIP and does not fail.
set -u
CG=${1:-build}
[ -d "$CG" ] && CG=$CG/citegraph
PY=/usr/bin/python3
[ -x "$CG" ] || { echo "FAIL formats.sh: $CG not built"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cg_roundtrip.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
for ext in graphml adj dot gexf gml net json cyjs; do
    "$CG" build --quiet -o "$tmp/graph.$ext" examples ||
        { echo "FAIL formats.sh: build -o graph.$ext"; fail=1; }
done
"$CG" build --quiet -f csv -o "$tmp/neo" examples ||
    { echo "FAIL formats.sh: build -f csv"; fail=1; }
"$CG" build --quiet --yed -o "$tmp/graph.yed.graphml" examples ||
    { echo "FAIL formats.sh: build --yed"; fail=1; }

if [ -x "$PY" ] && "$PY" -c 'import networkx' 2>/dev/null; then
    "$PY" tests/roundtrip/networkx_formats.py "$tmp" || fail=1
    "$PY" tests/roundtrip/networkx_formats.py --hostile tests/golden/export || fail=1
else
    echo "SKIP formats.sh: no networkx for $PY (apt-get install python3-networkx)"
fi

if command -v dot >/dev/null 2>&1; then
    if dot -Tsvg "$tmp/graph.dot" -o "$tmp/graph.svg" 2>"$tmp/dot.err" &&
       grep -q '<svg' "$tmp/graph.svg"; then
        echo "ok formats.sh: dot -Tsvg accepts graph.dot"
    else
        echo "FAIL formats.sh: dot -Tsvg rejects graph.dot: $(head -3 "$tmp/dot.err")"
        fail=1
    fi
else
    echo "SKIP formats.sh: no dot (apt-get install graphviz)"
fi
exit $fail
