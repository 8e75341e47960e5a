#!/bin/sh
# Runs every test of the project: the cmocka unit tests, the CLI golden
# files, the answer-key scores on real documents (when ../shared exists),
# the networkx round trip, and every further test script present.
# Prints one line per suite and ends with "N passed, N failed"; exits
# non-zero when anything failed.
BUILD=${1:-build}
SHARED=${2:-../shared}
CG=$BUILD/citegraph
pass=0
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

suite() { # name command...
    name=$1
    shift
    if "$@" >"$log" 2>&1; then
        echo "ok - $name"
        pass=$((pass + 1))
    else
        echo "not ok - $name"
        sed 's/^/#   /' "$log" | tail -40
        fail=$((fail + 1))
    fi
    grep -E "^skip" "$log" | sed 's/^/#   /'
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    suite "unit $(basename "$t")" "$t"
done
suite "golden CLI files" sh tests/golden.sh "$CG"
suite "answer keys" sh tests/score-keys.sh "$CG" "$SHARED"

if /usr/bin/python3 -c "import networkx" 2>/dev/null; then
    g=$(mktemp)
    "$CG" build -q -o "$g" -f graphml examples
    edges=$("$CG" build -q -f adj examples | awk -F'\t' '{ n += NF - 1 } END { print n }')
    suite "networkx reads the GraphML" /usr/bin/python3 tests/roundtrip/networkx_graphml.py "$g" "$edges"
    rm -f "$g"
else
    echo "skip - networkx round trip: /usr/bin/python3 has no networkx (apt-get install python3-networkx)"
fi

# Every other test script: each takes the binary and ../shared, prints
# one line per case and ends with "N passed, N failed".
for s in tests/*.sh tests/roundtrip/*.sh; do
    case "$(basename "$s")" in
    run-tests.sh | golden.sh | score-keys.sh | bench.sh | tsan.sh) continue ;;
    esac
    [ -f "$s" ] || continue
    suite "$(basename "$s" .sh)" sh "$s" "$CG" "$SHARED"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
