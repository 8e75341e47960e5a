$CG build -q -f adj --kind treaty --ego A/RES/67/190 examples
