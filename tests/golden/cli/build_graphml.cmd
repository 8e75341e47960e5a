$CG build -f graphml examples
