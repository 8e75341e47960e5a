#!/usr/bin/python3
"""Baseline for `make bench`: the straightforward Python way to do what
`citegraph build` does.  Reads every .txt below DIR, finds resolution and
document-symbol citations with regular expressions, builds a networkx
DiGraph and writes GraphML.  Much cruder than citegraph (no context, no
footnotes, no canonical forms beyond the obvious): it only sets the speed
to beat.

    baseline_networkx.py DIR OUT.graphml
"""
import os
import re
import sys

import networkx as nx

SYMBOL = re.compile(r"\b([ASE](?:/[A-Z0-9.]+)*/(?:RES|DEC|PRST)?/?\d+(?:/\d+)*)\b")
GA_RES = re.compile(r"\bresolutions?\s+((?:\d{1,3}/\d+(?:[,\s]+(?:and\s+)?)?)+)")
GA_NUM = re.compile(r"(\d{1,3})/(\d+)")
SC_RES = re.compile(r"\b(\d{1,5})\s*\((\d{4})\)")
OWN = re.compile(r"^\s*United Nations\s+(\S+(?:\s\(\d{4}\))?)", re.M)


def doc_id(text, path):
    m = OWN.search(text[:2000])
    if m:
        return m.group(1).replace(" ", "")
    return os.path.splitext(os.path.basename(path))[0].replace("_", "/")


def main():
    root, out = sys.argv[1], sys.argv[2]
    g = nx.DiGraph()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            src = doc_id(text, path)
            g.add_node(src, read=1)
            targets = []
            for m in GA_RES.finditer(text):
                for s, n in GA_NUM.findall(m.group(1)):
                    targets.append("A/RES/%s/%s" % (s, n))
            for n, y in SC_RES.findall(text):
                targets.append("S/RES/%s(%s)" % (n, y))
            targets.extend(SYMBOL.findall(text))
            for t in targets:
                if t == src:
                    continue
                if g.has_edge(src, t):
                    g[src][t]["weight"] += 1
                else:
                    g.add_edge(src, t, weight=1)
    nx.write_graphml(g, out)
    print("%d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))


if __name__ == "__main__":
    main()
