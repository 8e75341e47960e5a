#!/bin/sh
# Output bytes must not depend on the number of extraction threads:
# builds examples/ (and ../shared/corpus/unsc-gold when present) in every
# format with -j1, -j2 and -j4, runs extract the same way, and compares
# the bytes.  Usage: tests/threads.sh [BUILD] [SHARED]
BUILD=${1:-build}
SHARED=${2:-../shared}
CG=$BUILD/citegraph
[ -f "$BUILD" ] && CG=$BUILD   # the runner passes the binary itself
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # name, then files that must be identical to the first
    name=$1
    ref=$2
    shift 2
    for f in "$@"; do
        if cmp -s "$ref" "$f"; then
            echo "ok - threads $name $(basename "$f")"
            pass=$((pass + 1))
        else
            echo "not ok - threads $name $(basename "$f") differs from $(basename "$ref")"
            fail=$((fail + 1))
        fi
    done
}
run_set() { # label, input
    label=$1
    input=$2
    for fmt in graphml dot adj; do
        for j in 1 2 4; do
            "$CG" build -q -j $j -f $fmt -o "$tmp/$label.j$j.$fmt" "$input" 2>"$tmp/$label.j$j.$fmt.err"
        done
        check "$label build $fmt" "$tmp/$label.j1.$fmt" "$tmp/$label.j2.$fmt" "$tmp/$label.j4.$fmt"
        check "$label build $fmt stderr" "$tmp/$label.j1.$fmt.err" "$tmp/$label.j2.$fmt.err" "$tmp/$label.j4.$fmt.err"
    done
    for j in 1 2 4; do
        "$CG" extract -q -j $j "$input" >"$tmp/$label.j$j.jsonl" 2>"$tmp/$label.j$j.xerr"
    done
    check "$label extract" "$tmp/$label.j1.jsonl" "$tmp/$label.j2.jsonl" "$tmp/$label.j4.jsonl"
    check "$label extract stderr" "$tmp/$label.j1.xerr" "$tmp/$label.j2.xerr" "$tmp/$label.j4.xerr"
}
run_set examples examples
if [ -d "$SHARED/corpus/unsc-gold" ]; then
    run_set unsc-gold "$SHARED/corpus/unsc-gold"
else
    echo "# skip: $SHARED/corpus/unsc-gold not found"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
