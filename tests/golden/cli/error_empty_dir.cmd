$CG build -f adj "$T" 2>&1 | sed "s|$T|TMP|"
