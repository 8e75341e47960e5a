#!/bin/sh
# citegraph render: SVG (well-formed XML, legend, one rank per year), PNG
# and PDF (magic bytes), the self-contained HTML page driven in headless
# Chromium (search by URL fragment, recall-chain highlight read back from
# the DOM, a screenshot), the sfdp switch on a graph of more than 1000
# nodes, and that a failed render leaves the old file alone.
#
#   sh tests/render.sh [build/citegraph] [../shared]
#
# Chromium comes from Debian's chromium package; when it is missing the
# test installs it with apt-get (as root), and skips the browser checks
# with a message if that fails.  Ends with "N passed, M failed".
CG=${1:-build/citegraph}
SHARED=${2:-../shared}
pass=0
fail=0
# Under `make asan`: graphviz 2.42 and its font stack leak on their own
# (tests/lsan-graphviz.supp names them); full malloc stacks so that the
# suppressions can match.  No effect on a build without sanitizers.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(pwd)/tests/lsan-graphviz.supp:print_suppressions=0"
export ASAN_OPTIONS LSAN_OPTIONS
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ok() { echo "ok - $1"; pass=$((pass + 1)); }
no() { echo "not ok - $1"; fail=$((fail + 1)); }
check() { # name command...: passes when the command succeeds
    name=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$name"; else no "$name"; fi
}
magic() { # file bytes-as-printf-format
    [ "$(head -c "$(printf "$2" | wc -c)" "$1" | od -An -tx1)" = "$(printf "$2" | od -An -tx1)" ]
}

# ---- SVG, PNG, PDF -------------------------------------------------
"$CG" render -q -o "$T/g.svg" examples 2>"$T/err"
check "render svg exits 0" test $? -eq 0 -a ! -s "$T/err"
if command -v xmllint >/dev/null 2>&1; then
    check "svg is well-formed XML" xmllint --noout "$T/g.svg"
else
    echo "skip - xmllint missing (apt-get install libxml2-utils): XML check not run"
fi
check "svg has the legend" grep -q '<title>cluster_legend</title>' "$T/g.svg"
check "legend names the kinds and bodies" sh -c \
    "grep -q '>resolution</text>' '$T/g.svg' && grep -q '>GA</text>' '$T/g.svg' && grep -q '>SC</text>' '$T/g.svg'"
check "svg nodes are titled by id" grep -q '<title>A/RES/70/179</title>' "$T/g.svg"
check "svg has a year axis" grep -q 'class="node year"' "$T/g.svg"
check "note edges are dashed" sh -c "grep -A3 'class=\"edge f&#45;note\"' '$T/g.svg' | grep -q stroke-dasharray"
# older above newer: y grows downwards in SVG, so 2006 must have a smaller
# y than 2017 (graphviz writes y as negative offsets from the bottom).
y_of() { grep -A6 "<title>$1</title>" "$T/g.svg" | grep -o 'y="[-0-9.]*"' | head -1 | tr -dc '0-9.-'; }
y06=$(y_of A/RES/61/180)
y17=$(y_of A/RES/72/195)
check "older documents are drawn above newer ones ($y06 < $y17)" \
    awk -v a="$y06" -v b="$y17" 'BEGIN { exit !(a != "" && b != "" && a + 0 < b + 0) }'

"$CG" render -q -o "$T/g.png" examples
check "png has the PNG signature" magic "$T/g.png" '\211PNG\r\n\032\n'
"$CG" render -q -o "$T/g.pdf" examples
check "pdf starts with %PDF-" magic "$T/g.pdf" '%%PDF-'
"$CG" render -q -f svg -o - examples >"$T/stdout.svg"
check "-f svg -o - writes the same SVG to stdout" cmp -s "$T/g.svg" "$T/stdout.svg"
"$CG" render -q -o "$T/again.svg" examples
check "output is deterministic" cmp -s "$T/g.svg" "$T/again.svg"
"$CG" render -q --edges-nonsense -o "$T/x.svg" examples 2>/dev/null
check "unknown option exits 2" test $? -eq 2
"$CG" render -q -o "$T/x.gif" examples 2>/dev/null
check "unknown extension exits 2" test $? -eq 2
echo old >"$T/keep.svg"
"$CG" render -q -o "$T/keep.svg" "$T/missing-input" 2>/dev/null
rc=$?
check "a failed render exits 1 and leaves the old file" sh -c \
    "[ $rc -eq 1 ] && [ \"\$(cat '$T/keep.svg')\" = old ] && [ -z \"\$(ls '$T' | grep tmp)\" ]"

# ---- HTML ------------------------------------------------------------
"$CG" render -q -o "$T/g.html" examples
check "html embeds the SVG and the graph JSON" sh -c \
    "grep -q '<svg' '$T/g.html' && grep -q '<script type=\"application/json\" id=\"cg-data\">' '$T/g.html'"
check "html needs no network (no src=, no <link, no http URL but XML namespaces)" sh -c \
    "! grep -Eq '<link|src=' '$T/g.html' && \
     [ -z \"\$(grep -Eo 'https?://[^\" ]*' '$T/g.html' | grep -v '^http://www.w3.org/')\" ]"
check "html has no XML prolog or doctype inside" sh -c "! grep -Eq '<\\?xml|<!DOCTYPE svg' '$T/g.html'"

CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "# installing chromium for the browser checks" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
        >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
        >/dev/null 2>&1; }
    CHROME=$(command -v chromium || true)
fi
if [ -z "$CHROME" ]; then
    echo "skip - headless browser checks: no chromium and it could not be installed (apt-get install chromium, as root)"
else
    # Every flag that keeps Chromium off the network and out of $HOME.
    browse() { # URL args...
        url=$1
        shift
        prof=$(mktemp -d "$T/prof.XXXXXX")
        timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --disable-dev-shm-usage --user-data-dir="$prof" --virtual-time-budget=5000 \
            "$@" "$url" 2>>"$T/chrome.log"
    }
    # The marks a page carries after load: one "CLASS ID" line per marked
    # node, plus "selected ID" and "info TEXT".
    marks() {
        /usr/bin/python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.title = None; s.info = False
    def handle_starttag(s, tag, a):
        a = dict(a)
        if tag == "body" and a.get("data-selected"):
            print("selected", a["data-selected"])
        if tag == "span" and a.get("id") == "cg-info":
            s.info = True
        if tag == "g":
            s.stack.append(a.get("class") or "")
        if tag == "title":
            s.title = ""
    def handle_endtag(s, tag):
        if tag == "g" and s.stack:
            s.stack.pop()
        if tag == "span":
            s.info = False
        if tag == "title" and s.title is not None:
            cls = s.stack[-1].split() if s.stack else []
            if "node" in cls:
                for m in ("cg-sel", "cg-up", "cg-down"):
                    if m in cls:
                        print(m, s.title)
            s.title = None
    def handle_data(s, d):
        if s.title is not None:
            s.title += d
        if s.info:
            print("info", d)
P().feed(sys.stdin.read())
'
    }
    browse "file://$T/g.html#select=A/RES/70/179" --dump-dom >"$T/dom.html"
    marks <"$T/dom.html" >"$T/marks"
    check "chromium: #select=A/RES/70/179 selects it" grep -qx 'selected A/RES/70/179' "$T/marks"
    check "chromium: the selected node carries cg-sel" grep -qx 'cg-sel A/RES/70/179' "$T/marks"
    check "chromium: recall chain up is marked (61/180, 64/178, 67/190, 68/192, UNTS)" sh -c \
        "for id in A/RES/61/180 A/RES/64/178 A/RES/67/190 A/RES/68/192 A/RES/55/25; do \
            grep -qx \"cg-up \$id\" '$T/marks' || exit 1; done"
    check "chromium: recall chain down is exactly 72/195 and E/RES/2017/18" sh -c \
        "[ \"\$(grep '^cg-down ' '$T/marks' | sort | tr '\n' ' ')\" = 'cg-down A/RES/72/195 cg-down E/RES/2017/18 ' ]"
    check "chromium: later documents are not in the up chain" sh -c "! grep -q '^cg-up A/RES/72/195' '$T/marks'"
    check "chromium: the status line counts the chain" grep -q 'cites 13 directly' "$T/marks"

    browse "file://$T/g.html#select=A%2FRES%2F72%2F19" --dump-dom | marks >"$T/marks2"
    check "chromium: an id prefix selects the first match (A/RES/72/195)" \
        grep -qx 'selected A/RES/72/195' "$T/marks2"
    browse "file://$T/g.html#select=XYZ/99" --dump-dom | marks >"$T/marks3"
    check "chromium: an unknown id says so and marks nothing" sh -c \
        "grep -q 'info No document XYZ/99' '$T/marks3' && ! grep -q '^cg-' '$T/marks3'"

    browse "file://$T/g.html#select=A/RES/70/179" --window-size=1400,900 \
        --screenshot="$T/shot.png" >/dev/null
    check "chromium: screenshot of the page" sh -c \
        "magic() { [ \"\$(head -c 4 \"\$1\" | od -An -tx1)\" = ' 89 50 4e 47' ]; }; \
         magic '$T/shot.png' && [ \$(wc -c <'$T/shot.png') -gt 20000 ]"
    [ -n "${CG_KEEP_SHOT:-}" ] && cp "$T/shot.png" "$CG_KEEP_SHOT"
fi

# ---- sfdp above 1000 nodes -----------------------------------------------
BIG=$SHARED/corpus/unsc-gold
if [ ! -d "$BIG" ]; then
    echo "skip - $BIG missing: generating a synthetic corpus instead"
    ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 tests/gen-corpus.c -o "$T/gen-corpus" &&
        "$T/gen-corpus" 1500 "$T/syn" 3 >/dev/null
    BIG=$T/syn
fi
"$CG" render -o "$T/big.svg" "$BIG" 2>"$T/big.err"
rc=$?
check "large graph renders (exit $rc)" test $rc -eq 0
check "large graph switches to sfdp and says so" \
    grep -Eq '^citegraph: [0-9]+ nodes: using sfdp; dot would be unreadable$' "$T/big.err"
if command -v xmllint >/dev/null 2>&1; then
    check "large svg is well-formed XML" xmllint --noout --huge "$T/big.svg"
fi
"$CG" render -q -o "$T/big2.svg" "$BIG" 2>"$T/big2.err"
check "-q silences the sfdp note" test ! -s "$T/big2.err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
