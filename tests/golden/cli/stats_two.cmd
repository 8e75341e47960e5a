$CG stats -q -j 2 examples/S_RES_2331_2016.txt examples/S_RES_2388_2017.txt
