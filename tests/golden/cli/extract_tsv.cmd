$CG extract -q --format tsv examples/S_RES_2331_2016.txt
