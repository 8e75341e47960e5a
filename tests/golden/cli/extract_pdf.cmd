$CG extract tests/fixtures/input/A_RES_74_176.pdf
