#!/usr/bin/python3
"""Baseline for `make bench`: the straightforward Python way to do what
`citegraph build` does.  Reads every .txt below DIR, finds resolution and
document-symbol citations with regular expressions, builds a networkx
DiGraph and writes GraphML.  Much cruder than citegraph (no context, no
footnotes, no canonical forms beyond the obvious): it only sets the speed
to beat.

    baseline_networkx.py [--all-inputs] DIR OUT.graphml

--all-inputs reads what citegraph reads too: PDFs with pypdf (Debian's
python3-pypdf, the usual pure-Python choice) and UN Digital Library
MARCXML with xml.etree (tag 191 $a the symbol, 993 $a related documents).
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import networkx as nx

MARC = "{http://www.loc.gov/MARC21/slim}"

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


def pdf_text(path):
    from pypdf import PdfReader
    return "\f".join(page.extract_text() or "" for page in PdfReader(path).pages)


def marc_links(path, g):
    for rec in ET.parse(path).getroot().iter(MARC + "record"):
        src, related = None, []
        for df in rec.iter(MARC + "datafield"):
            a = df.find(MARC + "subfield[@code='a']")
            if a is None or not a.text:
                continue
            if df.get("tag") == "191":
                src = a.text.strip()
            elif df.get("tag") == "993":
                related.append(a.text.strip())
        if src:
            g.add_node(src, read=1)
            for t in related:
                g.add_edge(src, t, weight=1)


def main():
    args = sys.argv[1:]
    every = args[:1] == ["--all-inputs"]
    if every:
        args = args[1:]
    root, out = args[0], args[1]
    g = nx.DiGraph()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if every and name.endswith(".pdf"):
                text = pdf_text(path)
            elif every and name.endswith(".xml"):
                marc_links(path, g)
                continue
            elif name.endswith(".txt"):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
            else:
                continue
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
