$CG render --help
