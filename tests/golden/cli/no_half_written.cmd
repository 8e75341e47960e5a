echo old > "$T/out.graphml"; $CG build -o "$T/out.graphml" does-not-exist.txt 2>/dev/null; echo "rc=$?"; cat "$T/out.graphml"; ls "$T"
