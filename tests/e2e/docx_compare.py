"""Compares the DOCX of each sample, as LibreOffice renders it, with gongwen's own PDF.

usage: docx_compare.py SOURCE_ROOT WORK_DIR SOFFICE_LOG
WORK_DIR holds NAME.pdf + NAME.docx from `gongwen render --format pdf,docx` and lo/NAME.pdf from
LibreOffice. Checks, per sample: every XML part of the DOCX validates against the ECMA-376 schemas
(tests/data/ooxml-xsd), LibreOffice loaded it without complaint and wrote a PDF, the page counts are
equal, each page's text (in physical order: pdftotext -layout) is equal once whitespace is removed,
and page 1 shows the issuer mark in red.
Prints every difference, then exits 1 if there was any.
"""
import glob, os, re, subprocess, sys, zipfile

root, work, log_path = sys.argv[1:4]
xsd = os.path.join(root, "tests/data/ooxml-xsd")
failures = []


known = {}  # (sample, check) -> reason; see docx_libreoffice.known
for line in open(os.path.join(root, "tests/e2e/docx_libreoffice.known"), encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        key, _, why = line.partition("—")
        sample_name, check = key.split()
        known[(sample_name, check)] = why.strip()
seen_known = set()


def fail(sample, what, check=None):
    if (sample, check) in known:
        seen_known.add((sample, check))
        print(f"known: {sample}: {what}")
        return
    failures.append(f"{sample}: {what}")


def schema_for(part):
    if part == "[Content_Types].xml":
        return "opc-xsd/opc-contentTypes.xsd"
    if part.endswith(".rels"):
        return "opc-xsd/opc-relationships.xsd"
    if part == "docProps/core.xml":
        return "opc-xsd/opc-coreProperties.xsd"
    if part == "docProps/app.xml":
        return "shared-documentPropertiesExtended.xsd"
    if part == "docProps/custom.xml":
        return "shared-documentPropertiesCustom.xsd"
    if part.startswith("word/") and part.endswith(".xml"):
        return "wml.xsd"
    return None


def validate(sample, docx):
    z = zipfile.ZipFile(docx)
    names = z.namelist()
    if len(names) != len(set(names)):
        fail(sample, "duplicate part names in the package")
    by_schema = {}
    out = os.path.join(work, "parts", sample)
    for name in names:
        schema = schema_for(name)
        if schema is None:
            fail(sample, f"part {name} has no known schema")
            continue
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(z.read(name))
        by_schema.setdefault(schema, []).append(path)
    for schema, paths in by_schema.items():
        r = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", os.path.join(xsd, schema)] + paths,
                           capture_output=True, text=True)
        if r.returncode != 0:
            errors = [l for l in r.stderr.splitlines() if not l.endswith(" validates")]
            fail(sample, "schema: " + "; ".join(errors[:5]))


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    texts = []
    for i in range(1, n + 1):
        # -layout: in physical order, row by row. Without it pdftotext guesses a reading order and
        # reads LibreOffice's tables (the joint mark, an attachment's table) column by column but
        # gongwen's row by row, although both set the same text in the same places.
        t = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(i), "-l", str(i), pdf, "-"],
                           capture_output=True, text=True, check=True).stdout
        texts.append(re.sub(r"[\s\u3000]+", "", t))
    return texts


def excerpt(a, b):
    """The first place where a and b differ, with a little context."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return f"from character {k}: ours …{a[max(0, k - 12):k + 30]}… / LibreOffice …{b[max(0, k - 12):k + 30]}…"


def red_box(pdf, stem):
    """The box (mm: left, top, right, bottom) of the red pixels in the head of page 1, and their count."""
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, stem], check=True)
    data = open(stem + ".ppm", "rb").read()
    parts = data.split(maxsplit=4)
    w, h, pix = int(parts[1]), int(parts[2]), parts[4]
    mm = 25.4 / 50
    xs, ys = [], []
    for y in range(0, int(140 / mm)):  # the head: the mark's top edge is 30–72 mm down, by format
        row = pix[3 * y * w:3 * (y + 1) * w]
        for x in range(w):
            r, g, b = row[3 * x:3 * x + 3]
            if r > 180 and g < 120 and b < 120:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None, 0
    return (min(xs) * mm, min(ys) * mm, max(xs) * mm, max(ys) * mm), len(xs)


log = open(log_path, encoding="utf-8", errors="replace").read()
for bad in re.findall(r"^.*(?:Error|repair|corrupt).*$", log, re.M | re.I):
    failures.append(f"soffice: {bad}")

for docx in sorted(glob.glob(os.path.join(work, "*.docx"))):
    sample = os.path.basename(docx)[:-5]
    validate(sample, docx)
    lo_pdf = os.path.join(work, "lo", sample + ".pdf")
    if not os.path.exists(lo_pdf):
        fail(sample, "LibreOffice wrote no PDF (it refused the DOCX)")
        continue
    ours, theirs = pages(os.path.join(work, sample + ".pdf")), pages(lo_pdf)
    if len(ours) != len(theirs):
        fail(sample, f"{len(ours)} pages in gongwen's PDF, {len(theirs)} in LibreOffice's", "pages")
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            fail(sample, f"page {i + 1} text differs {excerpt(a, b)}", "text")
    ours_box, _ = red_box(os.path.join(work, sample + ".pdf"), os.path.join(work, "red-ours-" + sample))
    theirs_box, theirs_n = red_box(lo_pdf, os.path.join(work, "red-lo-" + sample))
    # The mark (and red lines) where gongwen's PDF has them: each edge of the red area within 3 mm.
    if theirs_box is None or theirs_n < 200:
        fail(sample, "no red issuer mark on LibreOffice's page 1")
    elif max(abs(a - b) for a, b in zip(ours_box, theirs_box)) > 3:
        fail(sample, "red area of page 1 at %s mm in LibreOffice's, %s mm in ours" %
             (tuple(round(v) for v in theirs_box), tuple(round(v) for v in ours_box)), "red")
    if not any(f.startswith(sample + ":") for f in failures) and not any(k[0] == sample for k in seen_known):
        print(f"ok: {sample}: {len(theirs)} pages, same text per page, red mark at the same place")

for key in sorted(set(known) - seen_known):
    if key[0] in {os.path.basename(d)[:-5] for d in glob.glob(os.path.join(work, "*.docx"))}:
        failures.append(f"{key[0]}: the known difference '{key[1]}' no longer occurs: remove it from docx_libreoffice.known")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
