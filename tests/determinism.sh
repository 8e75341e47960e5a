#!/bin/sh
# tests/determinism.sh [CITEGRAPH] [SHARED] - the same inputs give
# byte-identical outputs: across runs, across the order the inputs are
# named in (a directory, its files in order, its files in reverse order),
# and across thread counts (-j 1, -j 2), for every output format.  Runs
# on examples/ and, when SHARED (default ../shared) holds them, on
# corpus/unsc-gold and corpus/un-docs-2025 (skipped with a message
# otherwise).  Prints "ok - ..." / "not ok - ..." and "N passed, M failed".
set -u
CG=${1:-build/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
T=$(mktemp -d "${TMPDIR:-/tmp}/cg-determinism.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

# same NAME FILE... : every FILE has the bytes of the first
same() {
    label=$1
    shift
    first=$1
    shift
    if [ ! -s "$first" ]; then
        echo "not ok - $label: no output"
        fail=$((fail + 1))
        return
    fi
    for f in "$@"; do
        if ! cmp -s "$first" "$f"; then
            echo "not ok - $label: $(basename "$f") differs from $(basename "$first")"
            diff "$first" "$f" | head -6 | sed 's/^/#   /'
            fail=$((fail + 1))
            return
        fi
    done
    echo "ok - $label"
    pass=$((pass + 1))
}

# corpus NAME DIR: build DIR four ways in each format, compare
corpus() {
    name=$1 dir=$2
    # the files the tool reads in DIR, in reverse order
    find "$dir" -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.html' -o -name '*.htm' \
        -o -name '*.xml' -o -name '*.akn' \) | LC_ALL=C sort -r >"$T/list"
    for fmt in $FORMATS; do
        o=$T/$name
        "$CG" build -q -f $fmt -o "$o.dir1.$fmt" "$dir" 2>/dev/null
        "$CG" build -q -f $fmt -o "$o.dir2.$fmt" "$dir" 2>/dev/null
        # shellcheck disable=SC2046
        "$CG" build -q -f $fmt -o "$o.rev.$fmt" $(cat "$T/list") 2>/dev/null
        "$CG" build -q -j 1 -f $fmt -o "$o.j1.$fmt" $(LC_ALL=C sort "$T/list") 2>/dev/null
        "$CG" build -q -j 2 -f $fmt -o "$o.j2.$fmt" "$dir" 2>/dev/null
        same "$name $fmt: runs, input order, threads" "$o.dir1.$fmt" "$o.dir2.$fmt" \
            "$o.rev.$fmt" "$o.j1.$fmt" "$o.j2.$fmt"
    done
    "$CG" extract "$dir" >"$T/$name.x1" 2>/dev/null
    "$CG" extract -j 1 "$dir" >"$T/$name.x2" 2>/dev/null
    "$CG" extract -j 2 "$dir" >"$T/$name.x3" 2>/dev/null
    same "$name extract: runs, threads" "$T/$name.x1" "$T/$name.x2" "$T/$name.x3"
}

# every format this build of the tool writes to a file
FORMATS=
for fmt in graphml dot adj gexf gml pajek json cyjs; do
    "$CG" build -q -f $fmt -o "$T/probe" examples >/dev/null 2>&1 && FORMATS="$FORMATS $fmt"
done
rm -f "$T/probe"

corpus examples examples
for c in unsc-gold un-docs-2025; do
    if [ -d "$SHARED/corpus/$c" ]; then
        corpus "$c" "$SHARED/corpus/$c"
    else
        echo "skip - $c: $SHARED/corpus/$c is not there"
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
