$CG build -f dot examples
