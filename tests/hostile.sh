#!/bin/sh
# tests/hostile.sh CITEGRAPH [SHARED] - hostile inputs and faults.
#
# Each case runs the tool on a bad input (or with a failing output) and
# checks three things: the exit status (1 for a bad input or output, 2 for
# a usage error, never a signal), the one-line message on stderr (it names
# the file and the problem), and that the good inputs of the same run
# still made it into the graph (examples/A_RES_61_180.txt sits beside the
# bad file, and the adj output must have A/RES/61/180 as a source).
#
# Run from the project root.  Prints "ok - NAME" / "not ok - NAME" per
# case and ends with "N passed, M failed"; exits non-zero on a failure.
# HOSTILE_BIG_MB (default 200) sizes the single-line file; HOSTILE_QUICK=1
# skips the slow cases (big file, SIGINT).
set -u
CG=${1:-build/citegraph}
case $CG in /*) ;; *) CG=$(pwd)/$CG ;; esac
BIG_MB=${HOSTILE_BIG_MB:-200}
# Under AddressSanitizer (make asan) the big file costs several times the
# memory and time: a smaller one still shows a quadratic pass.
if [ -z "${HOSTILE_BIG_MB:-}" ] && grep -q __asan_init "$CG" 2>/dev/null; then
    BIG_MB=20
fi
GOOD=examples/A_RES_61_180.txt
pass=0
fail=0
skip=0
T=$(mktemp -d "${TMPDIR:-/tmp}/cg-hostile.XXXXXX")
MNT=
cleanup() {
    [ -n "$MNT" ] && umount "$MNT" 2>/dev/null
    chmod -R u+rwx "$T" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -x "$CG" ] || [ ! -f "$GOOD" ]; then
    echo "not ok - setup: $CG not built or $GOOD missing (run from the project root)"
    echo "0 passed, 1 failed"
    exit 1
fi

ok() { echo "ok - $1"; pass=$((pass + 1)); }
not_ok() { # name why
    echo "not ok - $1"
    echo "#   $2"
    [ -s "$T/err" ] && sed 's/^/#   stderr: /' "$T/err" | head -5
    fail=$((fail + 1))
}
skipped() { echo "ok - $1 # skip: $2"; skip=$((skip + 1)); }

# run CMD... : runs the tool, status in $st, stdout in $T/out, stderr in $T/err
run() {
    "$@" >"$T/out" 2>"$T/err" </dev/null
    st=$?
}

# expect NAME STATUS PATTERN [ADJFILE]: status, the one-line error matching
# PATTERN (extended regex; "" when stderr must be empty), and when ADJFILE
# is given, A/RES/61/180 read into the graph.
expect() {
    name=$1 want=$2 pat=$3 adj=${4:-}
    if [ "$st" -ne "$want" ]; then
        not_ok "$name" "exit status $st, expected $want"
        return
    fi
    if [ -z "$pat" ]; then
        if [ -s "$T/err" ]; then not_ok "$name" "unexpected message on stderr"; return; fi
    else
        if ! grep -Eq -- "$pat" "$T/err"; then not_ok "$name" "no message matching: $pat"; return; fi
        if grep -E -- "$pat" "$T/err" | grep -vq '^citegraph: '; then
            not_ok "$name" "message does not start with 'citegraph: '"; return
        fi
    fi
    if [ -n "$adj" ] && ! grep -q '^A/RES/61/180	' "$adj" 2>/dev/null; then
        not_ok "$name" "the good input A/RES/61/180 is missing from the graph"
        return
    fi
    ok "$name"
}

# A fresh directory holding the good example and a bad file.
mkcase() { # mkcase NAME -> $D
    D=$T/$1
    rm -rf "$D"
    mkdir -p "$D"
    cp "$GOOD" "$D/"
}

# build DIR... into $T/g.adj
build_adj() {
    rm -f "$T/g.adj"
    run "$CG" build -q -f adj -o "$T/g.adj" "$@"
}

# ---- bad files beside a good one ------------------------------------

mkcase empty
: >"$D/empty.txt"
build_adj "$D"
expect "empty file" 1 "empty\.txt: empty file" "$T/g.adj"

mkcase binary
printf 'Recalling resolution 61/180\000\001\002\377\376binary\000' >"$D/binary.txt"
head -c 4096 /dev/urandom >>"$D/binary.txt"
build_adj "$D"
expect "binary file" 1 "binary\.txt: .*(binary|not a text|NUL)" "$T/g.adj"

mkcase utf8
printf 'Recalling its resolution 55/25 \303\050 and \300\257 invalid\n' >"$D/invalid.txt"
build_adj "$D"
expect "invalid UTF-8" 1 "invalid\.txt: invalid UTF-8 at byte 31" "$T/g.adj"

# UTF-16 with a BOM is converted to UTF-8 (src/read.c): the mentions must
# be those of the UTF-8 file.
"$CG" extract "$GOOD" 2>/dev/null | sed 's/"span":[^]]*]//' >"$T/utf8.jsonl"
for enc in UTF-16LE UTF-16BE; do
    mkcase "$enc"
    rm "$D/A_RES_61_180.txt"
    if [ $enc = UTF-16LE ]; then bom='\377\376'; else bom='\376\377'; fi
    { printf "$bom"; iconv -f UTF-8 -t $enc "$GOOD"; } >"$D/A_RES_61_180.txt"
    run "$CG" extract "$D/A_RES_61_180.txt"
    sed 's/"span":[^]]*]//' "$T/out" >"$T/u16.jsonl"
    if [ "$st" -ne 0 ] || [ -s "$T/err" ]; then
        not_ok "$enc with BOM is converted" "exit status $st"
    elif ! cmp -s "$T/utf8.jsonl" "$T/u16.jsonl" || [ ! -s "$T/u16.jsonl" ]; then
        not_ok "$enc with BOM is converted" "mentions differ from the UTF-8 file's"
    else
        ok "$enc with BOM is converted"
    fi
done
mkcase utf16bad
printf '\377\376R\000e\000\000\330' >"$D/bad16.txt" # unpaired surrogate
build_adj "$D"
expect "broken UTF-16" 1 "bad16\.txt: invalid UTF-16" "$T/g.adj"

# CRLF and CR line ends: the same graph as LF.
"$CG" build -q -f adj -o "$T/lf.adj" examples 2>/dev/null
for le in crlf cr; do
    D=$T/$le
    mkdir -p "$D"
    for f in examples/*.txt; do
        if [ $le = crlf ]; then sed 's/$/\r/' "$f"; else tr '\n' '\r' <"$f"; fi >"$D/$(basename "$f")"
    done
    run "$CG" build -q -f adj -o "$T/$le.adj" "$D"
    if [ "$st" -ne 0 ]; then
        not_ok "$le line ends give the LF graph" "exit status $st"
    elif ! cmp -s "$T/lf.adj" "$T/$le.adj"; then
        not_ok "$le line ends give the LF graph" "graph differs: $(diff "$T/lf.adj" "$T/$le.adj" | head -3 | tr '\n' ' ')"
    else
        ok "$le line ends give the LF graph"
    fi
done

# ---- big and adversarial documents ----------------------------------

# 100,000 footnote markers: superscript numbers after citations, and a
# footnote block after a separator.
mkcase markers
awk 'BEGIN {
    split("⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹", sup, " ")
    print "United Nations A/RES/99/1\n\nThe General Assembly,\n"
    for (i = 1; i <= 100000; i++) {
        s = ""; n = i
        while (n > 0) { s = sup[n % 10 + 1] s; n = int(n / 10) }
        printf "Recalling its resolution %d/%d,%s\n", 1 + i % 70, 1 + i % 300, s
    }
    print "\n______\n"
    for (i = 1; i <= 1000; i++) printf "%d Resolution %d/%d.\n", i, 1 + i % 70, 1 + i % 300
}' >"$D/markers.txt"
t0=$(date +%s)
build_adj "$D"
t1=$(date +%s)
if [ "$st" -ne 0 ]; then not_ok "100,000 footnote markers" "exit status $st"
elif [ $((t1 - t0)) -gt 60 ]; then not_ok "100,000 footnote markers" "took $((t1 - t0)) s"
else expect "100,000 footnote markers ($((t1 - t0)) s)" 0 "" "$T/g.adj"; fi

# A symbol of 10,000 characters: must be cut or refused, never overflow.
mkcase longsym
{
    printf 'Recalling document A/'
    awk 'BEGIN { for (i = 0; i < 2500; i++) printf "RES/" }'
    printf '1 and resolution '
    awk 'BEGIN { for (i = 0; i < 10000; i++) printf "7" }'
    printf '/1 of 2000.\n'
} >"$D/longsym.txt"
build_adj "$D"
if [ "$st" -ne 0 ]; then not_ok "symbol of 10,000 characters" "exit status $st"
elif awk -F'\t' '{ for (i = 1; i <= NF; i++) if (length($i) > 1000) bad = 1 } END { exit !bad }' "$T/g.adj"; then
    not_ok "symbol of 10,000 characters" "an id of over 1000 bytes reached the graph"
else expect "symbol of 10,000 characters" 0 "" "$T/g.adj"; fi

# 200 MB on one line (no line break at all): time and memory stay sane.
if [ "${HOSTILE_QUICK:-0}" = 1 ]; then
    skipped "${BIG_MB} MB single-line file" "HOSTILE_QUICK=1"
else
    mkcase big
    awk -v mb="$BIG_MB" 'BEGIN {
        s = "Recalling its resolutions 61/180 of 20 December 2006 and 1325 (2000), S/2016/1, (((/1/1/1 and Add.1 "
        while (length(s) < 65536) s = s s
        n = int(mb * 1048576 / length(s))
        for (i = 0; i < n; i++) printf "%s", s
    }' >"$D/big.txt"
    t0=$(date +%s)
    if [ -x /usr/bin/time ]; then
        run /usr/bin/time -f '%M' -o "$T/rss" "$CG" build -q -f adj -o "$T/g.adj" "$D"
        rss=$(($(tail -1 "$T/rss") / 1024))
    else
        build_adj "$D"
        rss=0
    fi
    t1=$(date +%s)
    rm -f "$D/big.txt"
    mem_limit=$((BIG_MB * 12 + 200))
    grep -q __asan_init "$CG" 2>/dev/null && mem_limit=$((mem_limit * 4))
    if [ "$st" -ne 0 ]; then not_ok "${BIG_MB} MB single-line file" "exit status $st"
    elif [ $((t1 - t0)) -gt 300 ]; then not_ok "${BIG_MB} MB single-line file" "took $((t1 - t0)) s"
    elif [ "$rss" -gt "$mem_limit" ]; then not_ok "${BIG_MB} MB single-line file" "peak RSS $rss MB over $mem_limit MB"
    else expect "${BIG_MB} MB single-line file ($((t1 - t0)) s, peak RSS $rss MB)" 0 "" "$T/g.adj"; fi
fi

# ---- the file system ------------------------------------------------

mkcase loop
ln -s .. "$D/loop"
build_adj "$D"
expect "directory symlink loop" 1 "loop: directory loop" "$T/g.adj"

# chmod 000 does not stop root, so an unreadable file is a dangling
# symbolic link (in a directory, and named on the command line), and a
# path that is gone by the time it is read.
mkcase dangling
ln -s "$T/nowhere.txt" "$D/dangling.txt"
build_adj "$D"
expect "dangling symlink in a directory" 1 "dangling\.txt: No such file or directory" "$T/g.adj"
build_adj "$D/dangling.txt" "$GOOD"
expect "dangling symlink named" 1 "dangling\.txt: cannot open: No such file or directory" "$T/g.adj"
build_adj "$T/gone.txt" "$GOOD"
expect "missing file named" 1 "gone\.txt: cannot open: No such file or directory" "$T/g.adj"

mkcase fifo
mkfifo "$D/fifo.txt"
# a FIFO without a writer would block forever if opened for reading
rm -f "$T/g.adj"
run timeout 20 "$CG" build -q -f adj -o "$T/g.adj" "$D"
expect "FIFO in a directory is refused" 1 "fifo\.txt: not a regular file" "$T/g.adj"
run timeout 20 "$CG" extract "$D/fifo.txt"
expect "FIFO named is refused" 1 "fifo\.txt: not a regular file"
run timeout 20 "$CG" extract /dev/zero
expect "device named is refused" 1 "/dev/zero: not a regular file"
run sh -c "\"$CG\" extract - < \"$GOOD\""
if [ "$st" -eq 0 ] && grep -q 'A/RES/55/25' "$T/out"; then ok "standard input is still read"; else not_ok "standard input is still read" "exit status $st"; fi

# ---- outputs ---------------------------------------------------------

run "$CG" build -q -f adj -o /dev/full examples
if [ "$(wc -l <"$T/err")" -ne 1 ]; then not_ok "full disk (/dev/full)" "expected one line on stderr"
else expect "full disk (/dev/full)" 1 "/dev/full: write error: No space left on device"; fi

mkdir -p "$T/mnt"
if mount -t tmpfs -o size=64k tmpfs "$T/mnt" 2>/dev/null; then
    MNT=$T/mnt
    echo "old graph" >"$MNT/g.graphml"
    dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null # until the disk is full
    run "$CG" build -q -o "$MNT/g.graphml" examples
    left=$(ls "$MNT" | grep -c 'tmp')
    if [ "$(cat "$MNT/g.graphml")" != "old graph" ]; then not_ok "full tmpfs" "the old output was changed"
    elif [ "$left" -ne 0 ]; then not_ok "full tmpfs" "a temporary file was left behind"
    else expect "full tmpfs keeps the old output" 1 "g\.graphml: (write error|cannot create).*No space left on device"; fi
    umount "$MNT" && MNT=
else
    skipped "full tmpfs" "cannot mount a tmpfs here"
fi

run "$CG" build -q -o "$T/nodir/g.graphml" examples
expect "output in a missing directory" 1 "nodir/g\.graphml: cannot create a temporary file"

# SIGINT during a long build: whenever the signal lands, the tool either
# dies by it leaving the old output and no temporary file, or finishes
# with a whole new output.
if [ "${HOSTILE_QUICK:-0}" = 1 ]; then
    skipped "SIGINT during a build" "HOSTILE_QUICK=1"
else
    C=$T/corpus
    mkdir -p "$C"
    i=0
    while [ $i -lt 400 ]; do
        for f in examples/*.txt; do
            sed "s|61/180|61/$((180 + i))|g" "$f" >"$C/$i-$(basename "$f")"
        done
        i=$((i + 1))
    done
    t0=$(date +%s%N)
    "$CG" build -q -o "$T/ref.graphml" "$C"
    t1=$(date +%s%N)
    total_ms=$(((t1 - t0) / 1000000))
    bad=
    died=0 in_export=0
    # A non-interactive shell starts background jobs with SIGINT ignored
    # (and the tool keeps an ignored SIGINT ignored): env restores it.
    if env --default-signal=INT true 2>/dev/null; then
        sigs="INT TERM"
        dflt="env --default-signal=INT"
    else
        sigs=TERM
        dflt=
    fi
    n=0
    for pct in 10 30 50 60 70 75 80 85 88 90 92 94 96 98 99 100 102 105; do
      for sig in $sigs; do
        n=$((n + 1))
        echo "old graph" >"$T/sig.graphml"
        $dflt "$CG" build -q -o "$T/sig.graphml" "$C" 2>"$T/err" &
        pid=$!
        sleep "$(awk -v t="$total_ms" -v p="$pct" 'BEGIN { printf "%.3f", t * p / 100000 }')"
        kill -$sig $pid 2>/dev/null
        { wait $pid; } 2>/dev/null
        s=$?; [ -n "${HOSTILE_DEBUG:-}" ] && echo "# $pct% SIG$sig: status $s"
        if ls "$T" | grep -q 'sig\.graphml\.tmp'; then
            bad="temporary file left at ${pct}%"; break
        fi
        if [ $s -eq 0 ]; then
            cmp -s "$T/sig.graphml" "$T/ref.graphml" || { bad="finished at ${pct}% but the output is not whole"; break; }
        elif [ $s -eq 130 ] || [ $s -eq 143 ]; then
            died=$((died + 1))
            grep -q 'interrupted, left unchanged' "$T/err" && in_export=$((in_export + 1))
            # the old output, or (a signal just after the rename) the new one whole
            [ "$(cat "$T/sig.graphml")" = "old graph" ] || cmp -s "$T/sig.graphml" "$T/ref.graphml" ||
                { bad="killed at ${pct}% and the output is neither the old nor the new"; break; }
        else
            bad="exit status $s at ${pct}% (SIG$sig)"; break
        fi
      done
      [ -n "$bad" ] && break
    done
    if [ -n "$bad" ]; then not_ok "SIGINT during a build" "$bad"
    else ok "SIGINT during a build (build ${total_ms} ms, killed $died of $n times, $in_export of them during the export)"; fi
fi

# ---- usage errors ----------------------------------------------------

run "$CG" build --no-such-option examples
expect "unknown option" 2 "unknown option"
run "$CG" build
expect "no input" 2 "no input"
run "$CG" frobnicate
expect "unknown command" 2 "unknown command"
run "$CG" build -o "$T/g.unknownext" examples
expect "unknown output extension" 2 "cannot tell the format"

[ $skip -gt 0 ] && echo "# $skip skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
