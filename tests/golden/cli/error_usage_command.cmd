$CG frobnicate
