$CG stats --graph examples/A_RES_61_180.txt; $CG chain A/RES/61/180 --graph examples/README.md
