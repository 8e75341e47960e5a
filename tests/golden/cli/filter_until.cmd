$CG build -q -f adj --until 2009 examples
