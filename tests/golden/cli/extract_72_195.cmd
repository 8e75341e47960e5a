$CG extract examples/A_RES_72_195.txt
