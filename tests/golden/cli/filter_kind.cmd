$CG build -q -f adj --kind resolution,treaty examples
