$CG build -q -o $T/a.graphml examples && $CG series --graph $T/a.graphml --since 2009
