"""Checks that pdftotext gives back, in order, the text of every line the layout drew.

usage: text_roundtrip.py layout.json out.pdf
Whitespace is ignored (pdftotext inserts spaces for justified gaps); nothing else is.
"""
import json
import subprocess
import sys

layout = json.load(open(sys.argv[1], encoding="utf-8"))
pages = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[2], "-"], capture_output=True, check=True,
                       text=True).stdout.split("\f")
strip = lambda s: "".join(s.split())
bad = 0
for i, page in enumerate(layout["pages"]):
    got = strip(pages[i]) if i < len(pages) else ""
    pos = 0
    for line in page["lines"]:
        want = strip(line["text"])
        at = got.find(want, pos)
        if at < 0:
            at = got.find(want)  # pdftotext may order columns differently (signature beside 文号)
        if at < 0:
            print(f"page {i + 1}: line not found in the PDF text: {line['text']!r} ({line['role']})")
            bad += 1
        else:
            pos = at + len(want)
if len(pages) - 1 != len(layout["pages"]) and len(pages) != len(layout["pages"]):
    print(f"page count differs: PDF {len(pages) - 1}, layout {len(layout['pages'])}")
    bad += 1
sys.exit(1 if bad else 0)
