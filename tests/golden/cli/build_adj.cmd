$CG build -f adj examples
