$CG extract -q --format tsv examples | $CG build -q -f adj --edges -
