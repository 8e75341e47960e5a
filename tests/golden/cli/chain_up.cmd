$CG chain -q A/RES/72/195 examples
