$CG build -q -o $T/a.graphml examples && $CG build -q --graph $T/a.graphml -o $T/b.graphml && cmp $T/a.graphml $T/b.graphml && echo graphml identical
$CG build -q -f adj examples >$T/a.adj && $CG build -q -f adj --graph - <$T/a.graphml | cmp - $T/a.adj && echo adj from stdin identical
$CG build -q -f dot --graph $T/a.graphml --ego A/RES/61/180 --depth 1 --kind resolution
