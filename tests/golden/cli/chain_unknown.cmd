$CG chain -q A/RES/64/17 examples
