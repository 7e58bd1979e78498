#!/usr/bin/env bash
# CLI-level check of the PDF writer: `gongwen render` a sample notice, then read the PDF back with
# poppler-utils. Every font must be embedded, subset and have a ToUnicode map; the text of every
# <p> of the notice must come back from pdftotext (line breaks and spaces ignored, since layout
# decides those, and page numbers are dropped); two renders must be byte-identical.
# Usage: render_roundtrip.sh GONGWEN NOTICE.xml   (exit 77 = skipped)
set -euo pipefail
gongwen=$1
notice=$2
for tool in pdftotext pdffonts; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (poppler-utils)"; exit 77; }
done
for f in /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc; do
  [[ -f $f ]] || { echo "SKIP: $f not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$gongwen" render "$notice" -o "$tmp/a.pdf" >/dev/null
"$gongwen" render "$notice" -o "$tmp/b.pdf" >/dev/null
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || { echo "FAIL: two renders differ"; exit 1; }

fonts=$(pdffonts "$tmp/a.pdf" 2>&1)
if grep -q "Syntax" <<<"$fonts"; then echo "FAIL: pdffonts complains:"; echo "$fonts"; exit 1; fi
rows=$(tail -n +3 <<<"$fonts")
[[ -n $rows ]] || { echo "FAIL: no fonts"; exit 1; }
if grep -v -E "Identity-H +yes +yes +yes" <<<"$rows"; then echo "FAIL: a font is not embedded+subset+ToUnicode"; exit 1; fi

# Page numbers (—1—) land between the two halves of a paragraph split across pages.
text=$(pdftotext -enc UTF-8 "$tmp/a.pdf" - 2>&1 | tr -d ' \n\f' | sed -E 's/—[0-9]+—//g')
if grep -q "Syntax" <<<"$text"; then echo "FAIL: pdftotext complains"; exit 1; fi
n=0
while IFS= read -r p; do
  p=$(tr -d ' ' <<<"$p")
  [[ -z $p ]] && continue
  n=$((n + 1))
  grep -qF -- "$p" <<<"$text" || { echo "FAIL: paragraph not found in pdftotext output: $p"; echo "got: $text"; exit 1; }
done < <(sed -n 's/.*<p>\([^<]*\)<\/p>.*/\1/p' "$notice")
[[ $n -gt 0 ]] || { echo "FAIL: no <p> in $notice"; exit 1; }
echo "ok: $n paragraph(s), $(wc -c <"$tmp/a.pdf") bytes, fonts: $(wc -l <<<"$rows")"
