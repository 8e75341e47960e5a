$CG extract examples/S_RES_2331_2016.txt examples/E_RES_2017_18.txt
