#!/bin/sh
# Golden-file tests of the CLI: each tests/golden/cli/NAME.cmd holds one
# shell command run from the project root with $CG set to the binary; its
# stdout, stderr and exit status must match tests/golden/cli/NAME.out
# byte for byte.  CG_UPDATE_GOLDEN=1 rewrites the .out files.
CG=${1:-build/citegraph}
export CG
pass=0
fail=0
for cmd in tests/golden/cli/*.cmd; do
    name=$(basename "$cmd" .cmd)
    exp=tests/golden/cli/$name.out
    got=$(mktemp)
    tmpd=$(mktemp -d)
    (
        T=$tmpd
        export T
        sh "$cmd" >"$got.stdout" 2>"$got.stderr"
        echo $? >"$got.rc"
    )
    {
        cat "$got.stdout"
        echo "--- stderr"
        cat "$got.stderr"
        echo "--- exit $(cat "$got.rc")"
    } >"$got"
    if [ "${CG_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$got" "$exp"
    fi
    if cmp -s "$got" "$exp"; then
        echo "ok - golden $name"
        pass=$((pass + 1))
    else
        echo "not ok - golden $name"
        diff -u "$exp" "$got" | head -20
        fail=$((fail + 1))
    fi
    rm -rf "$got" "$got.stdout" "$got.stderr" "$got.rc" "$tmpd"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
