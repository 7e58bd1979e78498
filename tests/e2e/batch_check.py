#!/usr/bin/env python3
"""Reads a `gongwen batch` output folder back as a person would, with poppler's tools only, and checks
it against its manifest.json:
  - every listed file exists with the listed SHA-256 and (pdfinfo) page count;
  - in each packet's print file: the page count is the documents' pages plus one blank page after each
    document with an odd count (but the last); the bookmarks (pdftohtml -xml) are one per document,
    with the document's title, at its first page, which is odd;
  - the page numbers printed on each page (pdftotext, "— N —") restart at 1 for every document and
    match the document's own PDF page for page; blank pages carry no text at all; the first page of
    the 信函格式 letter carries no number (GB/T 9704 10.1), nor, by its design, a 申报书's cover.
usage: batch_check.py OUT_DIR [PROVINCE]   (only that province's packet; exit 1 with a message per failure)
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NUMBER = re.compile(r"—\s*(\d+)\s*—")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def pages_of(path):
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))


def page_text(path, page):
    return run("pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-")


def outline(path):
    xml = run("pdftohtml", "-xml", "-i", "-q", "-stdout", path)
    root = ET.fromstring(xml)
    node = root.find("outline")
    return [] if node is None else [(int(i.get("page")), i.text) for i in node.findall("item")]


def main(out, only=None):
    m = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    for f in m["files"]:
        path = os.path.join(out, f["file"])
        if not os.path.exists(path):
            fail(f"{f['file']} listed but missing")
            continue
        data = open(path, "rb").read()
        if hashlib.sha256(data).hexdigest() != f["sha256"] or len(data) != f["bytes"]:
            fail(f"{f['file']}: SHA-256 or size differs from the manifest")
        if f["file"].endswith(".pdf") and pages_of(path) != f["pages"]:
            fail(f"{f['file']}: pdfinfo says {pages_of(path)} pages, the manifest {f['pages']}")
    checked = 0
    for p in m["packets"]:
        if not p["complete"] or (only and p["province"] != only):
            continue
        docs = [f for f in m["files"] if f["province"] == p["province"] and f["kind"] not in ("merged",)
                and f["file"].endswith(".pdf")]
        merged = os.path.join(out, p["print_file"])
        starts, page = [], 1
        for i, d in enumerate(docs):
            starts.append(page)
            page += d["pages"] + (d["pages"] % 2 if i + 1 < len(docs) else 0)
        total = page - 1
        if pages_of(merged) != total or p["pages"] != total:
            fail(f"{p['print_file']}: {pages_of(merged)} pages, expected {total}")
        got = outline(merged)
        want = [(s, d["title"]) for s, d in zip(starts, docs)]
        if got != want:
            fail(f"{p['print_file']}: bookmarks {got}, expected {want}")
        if any(s % 2 == 0 for s in starts):
            fail(f"{p['print_file']}: a document starts on an even page: {starts}")
        for i, d in enumerate(docs):
            own = os.path.join(out, d["file"])
            for j in range(1, d["pages"] + 1):
                text = page_text(merged, starts[i] + j - 1)
                numbers = [int(n) for n in NUMBER.findall(text)]
                # Numbers restart at 1 in every document. A first page may go unnumbered: the 信函格式
                # letter (GB/T 9704 10.1) and the cover of a 申报书; the letter's must.
                expect = [[]] if d["kind"] == "letter" and j == 1 else [[], [1]] if j == 1 else [[j]]
                if numbers not in expect:
                    fail(f"{p['print_file']} page {starts[i] + j - 1} ({d['file']} page {j}): numbers {numbers}, expected {expect}")
                if text != page_text(own, j):
                    fail(f"{p['print_file']} page {starts[i] + j - 1} differs in text from {d['file']} page {j}")
            if i + 1 < len(docs) and d["pages"] % 2 == 1:
                blank = starts[i] + d["pages"]
                if page_text(merged, blank).strip():
                    fail(f"{p['print_file']} page {blank} should be blank")
        checked += 1
    if checked == 0:
        fail("no complete packet to check")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
