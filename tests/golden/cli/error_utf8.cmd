printf "Recalling resolution 61/180 \377\376 bad\n" > "$T/bad.txt"; $CG build -f adj "$T/bad.txt" examples/A_RES_61_180.txt 2>&1 | sed "s|$T|TMP|"
