#!/bin/sh
# tests/fuzz-regressions.sh [CITEGRAPH] - every input that once crashed a
# fuzz target (tests/fuzz-regressions/TARGET/*) goes through the tool's
# extract and build; each run must end with exit status 0 or 1, never a
# signal or a sanitizer report (ASan/UBSan exit with 1 too, so stderr is
# checked for their banner).  Files under fuzz_input/ start with the
# byte that picked the reader; the rest is the file's content.
# Files under fuzz_graphml_read/ are GraphML files, read with
# `build --graph FILE` only.
# Prints "ok - ..." / "not ok - ..." and "N passed, M failed".
set -u
CG=${1:-build/citegraph}
pass=0
fail=0
T=$(mktemp -d "${TMPDIR:-/tmp}/cg-fuzzreg.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

check() { # name command...
    name=$1
    shift
    timeout 60 "$@" >/dev/null 2>"$T/err" </dev/null
    st=$?
    if [ "$st" -gt 1 ]; then
        echo "not ok - $name: exit status $st"
        sed 's/^/#   /' "$T/err" | head -20
        fail=$((fail + 1))
    elif grep -Eq 'Sanitizer|runtime error:' "$T/err"; then
        echo "not ok - $name: sanitizer report"
        sed 's/^/#   /' "$T/err" | head -20
        fail=$((fail + 1))
    else
        echo "ok - $name"
        pass=$((pass + 1))
    fi
}

for f in tests/fuzz-regressions/*/*; do
    [ -f "$f" ] || continue
    target=$(basename "$(dirname "$f")")
    in=$f
    if [ "$target" = fuzz_graphml_read ]; then
        # a GraphML file: read back with --graph, never extracted
        check "build --graph $f" "$CG" build -q --graph "$f" -o "$T/x.graphml"
        continue
    fi
    if [ "$target" = fuzz_input ]; then
        # drop the reader byte; the extension lets the tool pick the reader
        in=$T/$(basename "$f")
        tail -c +2 "$f" >"$in"
    fi
    check "extract $f" "$CG" extract "$in"
    check "build $f" "$CG" build -q -o "$T/x.graphml" "$in"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
