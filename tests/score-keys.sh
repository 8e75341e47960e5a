#!/bin/sh
# Answer-key scores on real documents: for every collection named in
# tests/keys/MANIFEST.*.tsv, builds the graph of its keyed documents from
# ../shared/corpus and scores it with ../shared/tools/score-key.py.
# Each collection must reach recall and precision >= 0.97; the mission's
# seed and the bundled examples must be exact.  Skips when ../shared is
# absent.
CG=${1:-build/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
if [ ! -f "$SHARED/tools/score-key.py" ] || [ ! -d "$SHARED/corpus" ]; then
    echo "skip - answer keys: $SHARED/corpus not found"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # name graph min keys...
    name=$1 graph=$2 min=$3
    shift 3
    line=$(python3 "$SHARED/tools/score-key.py" "$graph" "$@" | tee "$tmp/score.log" | tail -1)
    r=$(echo "$line" | awk '{print $2}')
    p=$(echo "$line" | awk '{print $4}')
    if awk -v r="$r" -v p="$p" -v m="$min" 'BEGIN { exit !(r >= m && p >= m) }'; then
        echo "ok - keys $name: $line"
        pass=$((pass + 1))
    else
        echo "not ok - keys $name: $line (need >= $min)"
        sed 's/^/#   /' "$tmp/score.log"
        fail=$((fail + 1))
    fi
}

"$CG" build -q -o "$tmp/seed.graphml" "$SHARED/seed/A_RES_74_176.txt" &&
    check seed "$tmp/seed.graphml" 1.0 "$SHARED/seed/A_RES_74_176.key.tsv"
"$CG" build -q -o "$tmp/examples.graphml" examples &&
    check examples "$tmp/examples.graphml" 1.0 tests/keys/examples.key.tsv

for coll in $(cut -f3 tests/keys/MANIFEST.*.tsv | sort -u); do
    files=$(awk -F'\t' -v c="$coll" -v s="$SHARED/corpus/" '$3 == c { print s $2 }' tests/keys/MANIFEST.*.tsv)
    keys=$(awk -F'\t' -v c="$coll" '$3 == c { print "tests/keys/" $1 }' tests/keys/MANIFEST.*.tsv)
    # shellcheck disable=SC2086
    "$CG" build -q -o "$tmp/$coll.graphml" $files || { echo "not ok - keys $coll: build failed"; fail=$((fail + 1)); continue; }
    # shellcheck disable=SC2086
    check "$coll" "$tmp/$coll.graphml" 0.97 $keys
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
