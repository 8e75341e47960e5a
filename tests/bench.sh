#!/bin/sh
# make bench: throughput and memory of citegraph on the real corpus
# (SHARED/corpus, skipped with a message when absent) and on a synthetic
# corpus written by tests/gen-corpus.c.
#
#   sh tests/bench.sh [BUILD] [SHARED]
#   BENCH_DOCS=1000000 BENCH_CITES=10   size of the synthetic corpus
#                                       (default 100000 documents)
#   BENCH_DIR=/tmp/citegraph-bench      where it is written (kept between
#                                       runs: regenerated only when N changes)
#   BENCH_JOBS=N                        threads (default: one per core)
#
# Figures: wall time, documents/s, MB/s, peak RSS (/usr/bin/time -v), and
# the per-stage times of `citegraph build --timings`.
set -u
BUILD=${1:-build}
SHARED=${2:-../shared}
CG=$BUILD/citegraph
N=${BENCH_DOCS:-100000}
CITES=${BENCH_CITES:-10}
DIR=${BENCH_DIR:-/tmp/citegraph-bench}
JOBS=${BENCH_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
CC=${CC:-gcc}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: /usr/bin/time missing (package time: sh scripts/install-deps.sh)" >&2; exit 1; }
mkdir -p "$DIR" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The generator, with the Makefile's flags.
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -O2 tests/gen-corpus.c \
    -o "$DIR/gen-corpus" || exit 1

# run LABEL MB DOCS CMD...: runs CMD under /usr/bin/time -v and prints
# one line of figures; the command's stderr is kept in $tmp/err.
run() {
    label=$1 mb=$2 docs=$3
    shift 3
    "$TIME" -v -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time" |
        awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
    cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$tmp/time")
    awk -v l="$label" -v w="$wall" -v r="$rss" -v mb="$mb" -v d="$docs" -v c="$cpu" -v rc="$rc" 'BEGIN {
        if (w <= 0) w = 0.01;
        printf "%-34s %8.2f s %9.0f docs/s %8.1f MB/s  peak RSS %7.1f MB  CPU %s%s\n",
            l, w, d / w, mb / w, r / 1024, c, rc ? "  (exit " rc ")" : "" }'
    sed -n 's/^citegraph: timing /    /p' "$tmp/err"
    LAST_WALL=$wall
}

count_mb() { du -sk --apparent-size "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }

echo "citegraph bench: $JOBS jobs, $(getconf _NPROCESSORS_ONLN) cores"
REAL=$SHARED/corpus
if [ -d "$REAL" ]; then
    mb=$(count_mb "$REAL")
    docs=$(find "$REAL" -type f \( -name '*.txt' -o -name '*.xml' -o -name '*.pdf' \) | wc -l)
    echo "== real corpus: $REAL ($docs files, $mb MB)"
    txt=$(find "$REAL" -type f -name '*.txt' | sort)
    tmb=$(cat $txt | wc -c | awk '{ printf "%.1f", $1 / 1048576 }')
    tdocs=$(echo "$txt" | wc -l)
    cat $txt >/dev/null # warm the page cache
    run "read (cat, page cache)" "$mb" "$docs" sh -c "find '$REAL' -type f -exec cat {} + >/dev/null"
    # The text documents alone: the recognizer's own speed (PDF pages
    # cost poppler's layout analysis, measured in the next line).
    run "extract -j1, text (MB/s per core)" "$tmb" "$tdocs" "$CG" extract -q -j 1 $txt
    run "extract -j1, all inputs" "$mb" "$docs" "$CG" extract -q -j 1 "$REAL"
    run "extract -j$JOBS, all inputs" "$mb" "$docs" "$CG" extract -q -j "$JOBS" "$REAL"
    run "build -j1 -> GraphML" "$mb" "$docs" "$CG" build -q -j 1 --timings -o "$tmp/real.graphml" "$REAL"
    run "build -j$JOBS -> GraphML" "$mb" "$docs" "$CG" build -q -j "$JOBS" --timings -o "$tmp/real.graphml" "$REAL"
    cg=$LAST_WALL
    run "build -j$JOBS -> GraphML, text only" "$tmb" "$tdocs" "$CG" build -q -j "$JOBS" -o "$tmp/real-txt.graphml" $txt
    cgt=$LAST_WALL
    if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then
        run "python regex + networkx, text only" "$tmb" "$tdocs" /usr/bin/python3 tests/baseline_networkx.py "$REAL" "$tmp/base.graphml"
        awk -v a="$cgt" -v b="$LAST_WALL" 'BEGIN { printf "    text only: citegraph is %.1fx faster than the Python baseline\n", b / a }'
        if /usr/bin/python3 -c 'import pypdf' 2>/dev/null; then
            run "python + pypdf + etree, all inputs" "$mb" "$docs" /usr/bin/python3 tests/baseline_networkx.py --all-inputs "$REAL" "$tmp/base.graphml"
            awk -v a="$cg" -v b="$LAST_WALL" 'BEGIN { printf "    all inputs: citegraph is %.1fx faster than the Python baseline\n", b / a }'
        else
            echo "    (python3-pypdf missing: no all-inputs baseline)"
        fi
    else
        echo "    (python3-networkx missing: no baseline)"
    fi
else
    echo "== real corpus: $REAL not found, skipped"
fi

SYN=$DIR/syn-$N-$CITES
if [ ! -f "$SYN.done" ]; then
    rm -rf "$SYN"
    echo "== writing the synthetic corpus ($N documents) to $SYN"
    "$DIR/gen-corpus" "$N" "$SYN" "$CITES" >"$SYN.done.tmp" && mv "$SYN.done.tmp" "$SYN.done" || exit 1
fi
read -r sdocs sbytes scites <"$SYN.done"
smb=$(awk -v b="$sbytes" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "== synthetic corpus: $sdocs documents, $scites citations, $smb MB"
find "$SYN" -type f -exec cat {} + >/dev/null # warm the page cache
run "build -j1 -> GraphML" "$smb" "$sdocs" "$CG" build -q -j 1 --timings -o "$tmp/syn.graphml" "$SYN"
run "build -j$JOBS -> GraphML" "$smb" "$sdocs" "$CG" build -q -j "$JOBS" --timings -o "$tmp/syn.graphml" "$SYN"
echo "    output $(du -k "$tmp/syn.graphml" | awk '{ printf "%.0f MB", $1 / 1024 }')"
