$CG stats -q examples
