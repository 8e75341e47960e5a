#!/bin/sh
# fuzz/run.sh SECONDS BINARY... - runs each libFuzzer binary for SECONDS
# (called by `make fuzz`).  Each target keeps its corpus in
# build-fuzz/corpus/TARGET, seeded from examples/, the test fixtures and
# the crash regressions; crashes land in build-fuzz/crashes/TARGET/ (copy
# them to tests/fuzz-regressions/TARGET/ once understood).
# fuzz_graphml_read is seeded with GraphML files instead (see seed).
# FUZZ_JOBS=2 runs two targets at a time.  Exits non-zero if any target
# found a crash.
set -u
secs=${1:?usage: fuzz/run.sh SECONDS BINARY...}
shift
jobs=${FUZZ_JOBS:-1}
status=0

seed() { # seed DIR TARGET
    mkdir -p "$1"
    # fuzz_graphml_read: GraphML files only, ours (the export goldens,
    # tests/fixtures/graphml), one from networkx when /usr/bin/python3 has
    # it, and the head of a Gephi file from ../shared (the whole file,
    # 450 KB, would raise libFuzzer's max_len and slow every mutation).
    if [ "$2" = fuzz_graphml_read ]; then
        for f in tests/golden/export/*.graphml tests/fixtures/graphml/* tests/fuzz-regressions/"$2"/*; do
            [ -f "$f" ] && cp "$f" "$1/seed-$(basename "$f")"
        done
        gephi=../shared/corpus/unsc-arcs-2015/step06_output01.graphml
        [ -f "$gephi" ] && awk 'p == 0 { print; if (/<\/node>/ && ++n == 12) p = 1; next }
            p == 1 { if (!/<edge /) next; p = 2 }
            { print; if (/<\/edge>/ && ++e == 12) { print "  </graph>\n</graphml>"; exit } }' \
            "$gephi" >"$1/seed-gephi-head.graphml"
        /usr/bin/python3 - "$1/seed-networkx.graphml" 2>/dev/null <<'PY' || :
import sys, networkx as nx
g = nx.MultiDiGraph()
g.add_node("n0", label="A/RES/61/180", year=2007, cited=1, title="Title & <x>")
g.add_node("n1", name="S/RES/1028 (1995)", kind="resolution", weight=0.5)
g.add_edge("n1", "n0", verb="recalling", weight=2.0)
g.add_edge("n1", "n0", para="3")
g.add_edge("n0", "n2")
nx.write_graphml(g, sys.argv[1])
PY
        return 0
    fi
    for f in examples/*.txt tests/hostile/*.txt tests/fuzz-regressions/"$2"/*; do
        [ -f "$f" ] && cp "$f" "$1/seed-$(basename "$f")"
    done
    # fuzz_input: the first byte picks the reader (0 sniff, 1 HTML, 2 MARCXML,
    # 3 AKN, 4 PDF); every fixture goes to every reader.  A small real PDF
    # from ../shared (when present) gives poppler something well formed.
    if [ "$2" = fuzz_input ]; then
        pdf=$(ls -S ../shared/corpus/pdf/*.pdf 2>/dev/null | tail -1)
        for f in tests/fixtures/input/* tests/fixtures/akn/* $pdf; do
            [ -f "$f" ] || continue
            for r in 0 1 2 3 4; do
                { printf "\\00$r"; cat "$f"; } >"$1/seed-$r-$(basename "$f")"
            done
        done
        return 0
    fi
    # two documents in one input, for the targets that build a graph
    if [ -f examples/A_RES_64_178.txt ] && [ -f examples/A_RES_61_180.txt ]; then
        { cat examples/A_RES_64_178.txt; printf '\n\001\n'; cat examples/A_RES_61_180.txt; } \
            > "$1/seed-pair.txt"
    fi
    return 0
}

run_one() { # run_one BINARY
    name=$(basename "$1")
    corpus=build-fuzz/corpus/$name
    crashes=build-fuzz/crashes/$name
    seed "$corpus" "$name"
    mkdir -p "$crashes"
    dict=-dict=fuzz/extract.dict # words of UN documents, for the text targets
    [ "$name" = fuzz_input ] && dict=
    [ "$name" = fuzz_graphml_read ] && dict="-dict=fuzz/graphml.dict -max_len=65536"
    echo "fuzz: $name for ${secs}s (log build-fuzz/$name.log)"
    "$1" -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 $dict \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" \
        > "build-fuzz/$name.log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/$name.log" | grep -o '[0-9]*$')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "build-fuzz/$name.log" | grep -o '[0-9]*$')
    echo "fuzz: $name exit $rc, ${execs:-?} executions in ${secs}s (${rate:-?}/s)"
    [ $rc -eq 0 ] || grep -E -A12 '^==[0-9]+==ERROR|runtime error|Test unit written' "build-fuzz/$name.log" | head -40
    return $rc
}

pids= running=0
for bin in "$@"; do
    if [ "$jobs" -gt 1 ]; then
        run_one "$bin" & pids="$pids $!"
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then
            for p in $pids; do wait "$p" || status=1; done
            pids= running=0
        fi
    else
        run_one "$bin" || status=1
    fi
done
for p in $pids; do wait "$p" || status=1; done
[ "$status" = 0 ] || echo "fuzz: a target failed: see build-fuzz/crashes/ and build-fuzz/*.log" >&2
exit $status
