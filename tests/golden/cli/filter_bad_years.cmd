$CG build -q --since 2015 --until 2010 examples
