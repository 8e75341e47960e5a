$CG build --help
