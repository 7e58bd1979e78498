#!/usr/bin/env bash
# `render --format pdf,docx` makes one layout decision for both: the DOCX title carries the PDF's
# balanced line breaks (7.3.1) and recipients that the PDF moved to the 版记 are 主送 there too (7.3.2).
set -euo pipefail
gongwen=$1; root=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
"$gongwen" render "$root/samples/notices/full-file-format.xml" -o "$dir/f.pdf" --format pdf,docx --dump-layout "$dir/f.json" >/dev/null
python3 - "$dir/f.json" "$dir/f.docx" <<'PY'
import json, re, sys, zipfile
layout = json.load(open(sys.argv[1], encoding="utf-8"))
titles = [l["text"] for l in layout["pages"][0]["lines"] if l["role"] == "title"]
moved = any(l["role"] == "cc" and l["text"].startswith("主送：") for p in layout["pages"] for l in p["lines"])
doc = zipfile.ZipFile(sys.argv[2]).read("word/document.xml").decode("utf-8")
text = re.sub(r"<w:br/>", "\n", doc)
text = re.sub(r"<[^>]+>", "", text)
fail = 0
if len(titles) < 2 or "\n".join(titles) not in text:
    print("FAIL: the DOCX title lacks the PDF's line breaks", titles); fail = 1
if not moved or "主送：" not in text:
    print("FAIL: recipients moved in the PDF but not in the DOCX"); fail = 1
if not fail:
    print("ok: DOCX title lines", titles, "and 主送 in the 版记")
sys.exit(fail)
PY
