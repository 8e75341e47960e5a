#!/bin/sh
# Map/reduce equivalence: a corpus split into four parts, each part
# extracted by its own process with `extract --format tsv` (the map
# step), the records concatenated (in reverse part order, since order
# must not matter) and built with `build --edges` (the reduce step) must
# give the same bytes as one `build` of the whole corpus, in GraphML, DOT
# and adj.  Corpora: examples/, and ../shared/corpus/unsc-gold when
# present.
#   usage: sh tests/mapreduce.sh [build/citegraph] [../shared]
CG=${1:-build/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { echo "ok - $1"; pass=$((pass + 1)); }
notok() { echo "not ok - $1"; fail=$((fail + 1)); }

# The files `build DIR` reads: the document extensions of src/read.c.
list_docs() {
    find "$1" -type f ! -name '.*' \( -iname '*.txt' -o -iname '*.pdf' -o -iname '*.html' \
        -o -iname '*.htm' -o -iname '*.xml' -o -iname '*.akn' \) | LC_ALL=C sort
}

run_corpus() {
    name=$1
    dir=$2
    list_docs "$dir" >"$tmp/all"
    n=$(wc -l <"$tmp/all")
    # Four parts, round robin, so that each gets a share of every kind.
    awk -v d="$tmp" '{ print > (d "/part" (NR % 4)) }' "$tmp/all"
    pids=""
    for k in 0 1 2 3; do
        : >"$tmp/rec$k"
        [ -s "$tmp/part$k" ] || continue
        tr '\n' '\0' <"$tmp/part$k" |
            xargs -0 "$CG" extract -q --format tsv >"$tmp/rec$k" 2>"$tmp/err$k" &
        pids="$pids $!"
    done
    mapfail=0
    for p in $pids; do
        wait "$p" || mapfail=1
    done
    if [ "$mapfail" -ne 0 ]; then
        notok "$name: map step (extract --format tsv) failed"
        cat "$tmp"/err* | head -5
    fi
    cat "$tmp/rec3" "$tmp/rec2" "$tmp/rec1" "$tmp/rec0" >"$tmp/records"
    recs=$(wc -l <"$tmp/records")
    for fmt in graphml dot adj; do
        "$CG" build -q -f "$fmt" "$dir" >"$tmp/single.$fmt" 2>"$tmp/single.err"
        "$CG" build -q -f "$fmt" --edges "$tmp/records" >"$tmp/reduced.$fmt" 2>"$tmp/reduce.err"
        if [ -s "$tmp/single.$fmt" ] && cmp -s "$tmp/single.$fmt" "$tmp/reduced.$fmt"; then
            ok "$name: $n files, $recs records, $fmt identical"
        else
            notok "$name: $fmt differs between build and extract|build --edges"
            diff "$tmp/single.$fmt" "$tmp/reduced.$fmt" | head -10
            head -3 "$tmp/reduce.err"
        fi
    done
    # Reading the records from standard input gives the same graph.
    if "$CG" build -q -f adj --edges - <"$tmp/records" | cmp -s - "$tmp/single.adj"; then
        ok "$name: build --edges - (stdin)"
    else
        notok "$name: build --edges - (stdin) differs"
    fi
    rm -f "$tmp"/part* "$tmp"/rec* "$tmp"/err*
}

run_corpus examples examples
if [ -d "$SHARED/corpus/unsc-gold" ]; then
    run_corpus unsc-gold "$SHARED/corpus/unsc-gold"
else
    echo "skip - unsc-gold: $SHARED/corpus/unsc-gold not found"
fi

# A file that is not citation records is refused with one line.
printf 'not\ta record\n' >"$tmp/bad.tsv"
"$CG" build -q -f adj --edges "$tmp/bad.tsv" >/dev/null 2>"$tmp/bad.err"
rc=$?
if [ "$rc" -eq 1 ] && head -1 "$tmp/bad.err" | grep -q "bad.tsv:1: not a citation record (2 fields"; then
    ok "bad records: error naming file and line, exit 1"
else
    notok "bad records: exit $rc, stderr: $(cat "$tmp/bad.err")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
