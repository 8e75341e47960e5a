$CG build -q -f adj --body SC,ECOSOC examples
