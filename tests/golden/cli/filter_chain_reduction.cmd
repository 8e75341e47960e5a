$CG chain -q A/RES/72/195 --depth 2 -o $T/c.adj --transitive-reduction examples && cat $T/c.adj
