$CG build -f adj examples/A_RES_61_180.txt does-not-exist.txt
