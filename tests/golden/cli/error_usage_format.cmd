$CG build -f nonsense examples
