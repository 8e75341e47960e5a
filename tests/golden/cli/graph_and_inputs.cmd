$CG stats --graph $T/x.graphml examples
