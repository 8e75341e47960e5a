$CG chain -q "S/RES/2331 (2016)" -o "$T/c.adj" examples && cat "$T/c.adj"
