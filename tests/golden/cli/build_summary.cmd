$CG build --summary -o "$T/g.graphml" examples
