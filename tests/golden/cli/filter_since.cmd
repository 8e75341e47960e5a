$CG build -q -f adj --since 2012 examples
