printf "A/RES/1/1\0\1\2binary" > "$T/bin.txt"; $CG build -f adj "$T/bin.txt" examples/A_RES_61_180.txt 2>&1 | sed "s|$T|TMP|"
