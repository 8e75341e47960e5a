printf "Recalling its resolution 1325 (2000) and document S/2016/949,\n" | $CG extract -
