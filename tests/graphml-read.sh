#!/bin/sh
# Reading graphs back with --graph: GraphML written by citegraph comes
# back byte-identical; GraphML from Gephi and networkx loads (canonical id
# from a data key named id/label/name, else the node id) and stats runs;
# a file that is not GraphML gives one clear line; siblings without
# white space, XXE, billion laughs and deep nesting (tests/fixtures/graphml).
#   usage: sh tests/graphml-read.sh [build/citegraph] [../shared]
CG=${1:-build/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { echo "ok - $1"; pass=$((pass + 1)); }
notok() { echo "not ok - $1"; fail=$((fail + 1)); }

roundtrip() {
    name=$1
    shift
    if "$CG" build -q -o "$tmp/a.graphml" "$@" &&
        "$CG" build -q --graph "$tmp/a.graphml" -o "$tmp/b.graphml" &&
        cmp -s "$tmp/a.graphml" "$tmp/b.graphml"; then
        ok "$name: GraphML -> --graph -> GraphML byte-identical"
    else
        notok "$name: GraphML round trip differs"
    fi
}

roundtrip examples examples
for c in unsc-gold undocs-ga; do
    if [ -d "$SHARED/corpus/$c" ]; then
        roundtrip "$c" "$SHARED/corpus/$c"
    else
        echo "skip - $c: $SHARED/corpus/$c not found"
    fi
done

gephi=$SHARED/corpus/unsc-arcs-2015/step06_output01.graphml
if [ -f "$gephi" ]; then
    if "$CG" stats --graph "$gephi" >"$tmp/stats" 2>"$tmp/err" &&
        grep -q '^nodes: 592 ' "$tmp/stats" && grep -q '^edges: 1049 ' "$tmp/stats" &&
        [ ! -s "$tmp/err" ]; then
        ok "Gephi GraphML: stats runs (592 nodes, 1049 edges)"
    else
        notok "Gephi GraphML: stats failed: $(head -3 "$tmp/err") $(head -3 "$tmp/stats")"
    fi
    # Ids come from Gephi's label key: the resolution symbols.
    if "$CG" build -q -f adj --graph "$gephi" | grep -q '^S/RES/1028'; then
        ok "Gephi GraphML: ids taken from the label key"
    else
        notok "Gephi GraphML: ids not taken from the label key"
    fi
else
    echo "skip - Gephi GraphML: $gephi not found"
fi

if /usr/bin/python3 -c "import networkx" 2>/dev/null; then
    /usr/bin/python3 - "$tmp" <<'PY'
import sys, networkx as nx
d = sys.argv[1]
g = nx.DiGraph()
g.add_node("n0", label="A/RES/1", year=2001, colour="red")
g.add_node("n1", label="A/RES/2", year=2002)
g.add_node("n2")
g.add_edge("n1", "n0", weight=3.0)
g.add_edge("n2", "n1")
nx.write_graphml(g, d + "/nx.graphml")
h = nx.DiGraph()
h.add_edge("x", "y")
nx.write_graphml(h, d + "/nx-bare.graphml")
PY
    got=$("$CG" build -q -f adj --graph "$tmp/nx.graphml" | tr '\t' ' ')
    exp=$(printf 'A/RES/1\nA/RES/2 A/RES/1\nn2 A/RES/2')
    if [ "$got" = "$exp" ]; then
        ok "networkx GraphML: ids from label, else the node id"
    else
        notok "networkx GraphML: got '$got'"
    fi
    if "$CG" build -q -f graphml --graph "$tmp/nx.graphml" | grep -q '<data key="weight">3</data>' &&
        "$CG" build -q -f graphml --graph "$tmp/nx.graphml" | grep -q '<data key="year">2002</data>'; then
        ok "networkx GraphML: weight and year kept"
    else
        notok "networkx GraphML: weight or year lost"
    fi
    got=$("$CG" build -q -f adj --graph "$tmp/nx-bare.graphml" | tr '\t' ' ')
    if [ "$got" = "$(printf 'x y\ny')" ]; then
        ok "networkx GraphML without attributes"
    else
        notok "networkx GraphML without attributes: got '$got'"
    fi
else
    echo "skip - networkx GraphML: /usr/bin/python3 has no networkx"
fi

# Not GraphML: one line naming the file, exit 1.
for f in examples/A_RES_61_180.txt "$tmp/other.xml" "$tmp/empty"; do
    printf '<?xml version="1.0"?><svg/>' >"$tmp/other.xml"
    : >"$tmp/empty"
    "$CG" stats --graph "$f" >/dev/null 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "$f: not a GraphML file" "$tmp/err"; then
        ok "not GraphML: $(basename "$f") refused in one line"
    else
        notok "not GraphML: $(basename "$f"): exit $rc: $(cat "$tmp/err")"
    fi
done
printf '<graphml><graph><node id="a"><data key="k">x</data></node><edge source="a" target="b"></graph></graphml>' >"$tmp/broken.graphml"
"$CG" stats --graph "$tmp/broken.graphml" >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -Eq "broken.graphml(:1: bad GraphML|: not a GraphML file \(XML error at line 1)" "$tmp/err"; then
    ok "malformed GraphML refused in one line"
else
    notok "malformed GraphML: exit $rc: $(cat "$tmp/err")"
fi

# Siblings without white space between them (<node/><node/>): none is
# skipped (every second one was), a nested graph is.
fx=tests/fixtures/graphml
got=$("$CG" build -q -f adj --graph "$fx/compact.graphml" -o - | tr '\t' ' ')
if [ "$got" = "$(printf 'a b\nb c\nc a\nd')" ]; then
    ok "compact GraphML: every node and edge read"
else
    notok "compact GraphML: got '$got'"
fi

# Hostile XML, as for the input readers: external entities are never
# fetched and no entity is expanded (its text is left out), entity
# amplification and deep nesting are refused in one line.
if "$CG" build -q -f graphml --graph "$fx/xxe.graphml" -o "$tmp/xxe.out" 2>"$tmp/err" &&
    grep -q '<data key="title">\[\]\[\]\[\]</data>' "$tmp/xxe.out" &&
    grep -q '<node id="A/RES/2">' "$tmp/xxe.out" &&
    { [ ! -s /etc/hostname ] || ! grep -qF "$(head -1 /etc/hostname)" "$tmp/xxe.out"; }; then
    ok "XXE GraphML: no entity fetched or expanded"
else
    notok "XXE GraphML: $(cat "$tmp/err") $(grep title "$tmp/xxe.out" 2>/dev/null)"
fi
for f in billion_laughs deep; do
    timeout 20 "$CG" stats --graph "$fx/$f.graphml" >/dev/null 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "$fx/$f.graphml" "$tmp/err"; then
        ok "$f GraphML refused in one line"
    else
        notok "$f GraphML: exit $rc: $(cat "$tmp/err")"
    fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
