$CG build -q -f adj --ego A/RES/67/190 --depth 1 examples
