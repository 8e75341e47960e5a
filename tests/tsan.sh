#!/bin/sh
# make tsan: the threaded paths under ThreadSanitizer.  Extraction workers
# (files handed out in chunks, documents freed by the worker that made
# them), poppler reading PDFs in several threads at once, and the
# write-behind thread of the exporter.  Every run must exit 0, print no
# ThreadSanitizer report, and give the bytes of a one-thread run.
#
#   sh tests/tsan.sh BUILD-TSAN/citegraph [SHARED]
#
# What is not checked here: races that TSan reports inside fontconfig and
# pango's own threads during `render` (uninstrumented system libraries
# synchronise in ways TSan cannot see; render draws in one thread).
CG=${1:-build-tsan/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# gcc 12's TSan cannot map its shadow memory under the kernel's full
# address-space randomisation; setarch -R turns it off for one command.
RUN=""
if setarch -R true 2>/dev/null; then RUN="setarch -R"; fi
export TSAN_OPTIONS="exitcode=66"

ok() { echo "ok - tsan $1"; pass=$((pass + 1)); }
not_ok() { echo "not ok - tsan $1"; echo "#   $2"; fail=$((fail + 1)); }

# case_j NAME OUT JOBS ARGS...: `citegraph ARGS -j JOBS` under TSan
# (stdout to OUT); the same with -j 1 must give the same bytes.
case_j() {
    name=$1 out=$2 jobs=$3
    shift 3
    $RUN "$CG" "$@" -j "$jobs" >"$out" 2>"$tmp/err"
    rc=$?
    if grep -q "ThreadSanitizer" "$tmp/err"; then
        not_ok "$name" "$(grep -m1 SUMMARY "$tmp/err")"
        return
    fi
    if [ "$rc" -ne 0 ]; then
        not_ok "$name" "exit $rc: $(head -1 "$tmp/err")"
        return
    fi
    $RUN "$CG" "$@" -j 1 >"$out.j1" 2>/dev/null
    if ! cmp -s "$out" "$out.j1"; then
        not_ok "$name" "output differs from -j1"
        return
    fi
    ok "$name"
}

PDF=tests/fixtures/input/A_RES_74_176.pdf
pdfs="$PDF $PDF $PDF $PDF $PDF $PDF $PDF $PDF $PDF $PDF $PDF $PDF"
case_j "PDFs read by two threads at once" "$tmp/pdf.jsonl" 2 extract -q $pdfs
case_j "PDFs read by four threads at once" "$tmp/pdf4.jsonl" 4 extract -q $pdfs

# Enough small files that workers take them in chunks of several.
${CC:-gcc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 tests/gen-corpus.c -o "$tmp/gen" &&
    "$tmp/gen" 3000 "$tmp/syn" 5 >/dev/null || { not_ok "synthetic corpus" "gen-corpus failed"; }
case_j "3,000 files in chunks" "$tmp/syn.jsonl" 2 extract -q "$tmp/syn"
# build writes through the write-behind thread only to a named file
$RUN "$CG" build -q -j 2 -o "$tmp/syn.graphml" "$tmp/syn" examples $PDF 2>"$tmp/err"
rc=$?
$RUN "$CG" build -q -j 1 -o "$tmp/syn1.graphml" "$tmp/syn" examples $PDF 2>/dev/null
if grep -q "ThreadSanitizer" "$tmp/err"; then not_ok "build with the write-behind thread" "$(grep -m1 SUMMARY "$tmp/err")"
elif [ "$rc" -ne 0 ]; then not_ok "build with the write-behind thread" "exit $rc: $(head -1 "$tmp/err")"
elif ! cmp -s "$tmp/syn.graphml" "$tmp/syn1.graphml"; then not_ok "build with the write-behind thread" "differs from -j1"
else ok "build with the write-behind thread"; fi

if [ -d "$SHARED/corpus/pdf" ]; then
    case_j "the real PDFs and texts" "$tmp/real.jsonl" 2 extract -q "$SHARED/corpus/pdf" "$SHARED/corpus/undocs-ga"
else
    echo "skip - tsan on the real PDFs: $SHARED/corpus not found"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
