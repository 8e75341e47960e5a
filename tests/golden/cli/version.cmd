$CG --version
