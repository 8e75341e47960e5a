$CG build -q -f dot --transitive-reduction --body GA --kind resolution examples
