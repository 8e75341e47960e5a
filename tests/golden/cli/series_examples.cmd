$CG series -q examples
