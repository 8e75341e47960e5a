$CG chain -q --down --depth 1 A/RES/61/180 examples
