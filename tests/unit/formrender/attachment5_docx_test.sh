#!/usr/bin/env bash
# CLI test of `gongwen form attachment5 … --format pdf,docx` (and `-o x.docx`): the 推荐汇总表 as DOCX,
# opened by LibreOffice (headless, private profile) and compared with gongwen's own PDF of the same
# run: every page A4 landscape, the same number of pages, every one of the sample province's 20
# applicants in the same order (--sort stroke) and on the same page, and the clause 8 page number
# "— N —" on page N. Broken data write no DOCX. Skipped (exit 77) without soffice.
# Fonts: as tests/e2e/docx_libreoffice.sh, a private fontconfig file makes LibreOffice find each
# standard face the DOCX names as the family gongwen used for that role.
# Usage: attachment5_docx_test.sh GONGWEN SOURCE_ROOT
set -u
gongwen=$1
root=$2
tmp=$(mktemp -d /tmp/gw-a5-docx-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
data=$root/samples/forms

# The format from the extension: -o x.docx writes only the DOCX.
"$gongwen" form attachment5 "$data/province.xlsx" -o "$tmp/only.docx" > "$tmp/only.log" 2>&1 || { cat "$tmp/only.log"; die "-o only.docx exited $?"; }
[ -s "$tmp/only.docx" ] || die "-o only.docx: no DOCX written"
[ ! -e "$tmp/only.pdf" ] || die "-o only.docx: a PDF was written too"
# Broken data: exit 1, nothing written.
"$gongwen" form attachment5 "$data/broken.csv" --format pdf,docx -o "$tmp/broken.pdf" > "$tmp/broken.log" 2>&1
rc=$?
[ $rc -eq 1 ] || die "broken.csv: exit $rc, expected 1"
[ ! -e "$tmp/broken.docx" ] && [ ! -e "$tmp/broken.pdf" ] || die "broken.csv: a file was written"

"$gongwen" form attachment5 "$data/province.xlsx" --sort stroke --format pdf,docx -o "$tmp/a5.pdf" > "$tmp/a5.log" 2>&1 ||
  { cat "$tmp/a5.log"; echo "FAIL: --format pdf,docx exited"; exit 1; }
[ -s "$tmp/a5.pdf" ] && [ -s "$tmp/a5.docx" ] || { echo "FAIL: a5.pdf and a5.docx not both written"; exit 1; }

command -v soffice >/dev/null || { echo "SKIPPED: soffice not found"; exit 77; }
bash "$root/tests/e2e/lo_fonts_conf.sh" "$gongwen" > "$tmp/fonts.conf"
mkdir -p "$tmp/lo"
( cd "$tmp" && FONTCONFIG_FILE="$tmp/fonts.conf" HOME="$tmp/home" timeout 240 soffice -env:UserInstallation=file://"$tmp"/lo-profile \
    --headless --norestore --convert-to pdf --outdir "$tmp/lo" a5.docx ) > "$tmp/soffice.log" 2>&1
[ -s "$tmp/lo/a5.pdf" ] || { cat "$tmp/soffice.log"; echo "FAIL: LibreOffice did not convert a5.docx"; exit 1; }
grep -qi "repair" "$tmp/soffice.log" && die "LibreOffice repaired a5.docx: $(cat "$tmp/soffice.log")"

pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }
ours=$(pages "$tmp/a5.pdf")
theirs=$(pages "$tmp/lo/a5.pdf")
[ "$ours" = "$theirs" ] || die "LibreOffice made $theirs pages of the DOCX, gongwen's PDF has $ours"
# Every page landscape A4 (841.89 × 595.28 pt; LibreOffice rounds the height to 595.30).
pdfinfo -f 1 -l "$theirs" "$tmp/lo/a5.pdf" | grep "^Page .* size:" > "$tmp/sizes"
[ "$(wc -l < "$tmp/sizes")" -eq "$theirs" ] || die "no page sizes: $(cat "$tmp/sizes")"
grep -v -E "size: +841\.89 x 595\.(27|28|29|30|31)" "$tmp/sizes" && die "a DOCX page is not A4 landscape"

# The 20 applicants of the sample (distinctive prefixes), in the order each PDF shows them.
names=(福州榕鞋 厦门鹭岛 泉州闽南 漳州芗江 南平延平 龙岩汀江 厦门海丝 宁德闽东 福州三坊 泉州刺桐 福州马尾 厦门翔安 漳州龙海
       浦城清源 武平梁野 福州长乐 建瓯建窑 莆田秀屿 德化县 福鼎市)
order_of() {  # FILE: "page:name" for each applicant, in reading order
  local file=$1
  for n in "${names[@]}"; do
    local at
    at=$(grep -ob -m1 -F "$n" "$file" | head -1 | cut -d: -f1)
    [ -n "$at" ] || { echo "missing:$n"; continue; }
    echo "$at $n"
  done | sort -n | cut -d' ' -f2
}
for which in ours theirs; do
  pdf=$tmp/a5.pdf
  [ $which = theirs ] && pdf=$tmp/lo/a5.pdf
  pdftotext -raw "$pdf" - | tr -d ' ' > "$tmp/$which.txt"
  order_of "$tmp/$which.txt" > "$tmp/$which.order"
  : > "$tmp/$which.pages"
  for ((p = 1; p <= ours; p++)); do
    pdftotext -raw -f $p -l $p "$pdf" - | tr -d ' ' > "$tmp/$which.p$p.txt"
    grep -q -F "—${p}—" "$tmp/$which.p$p.txt" || die "$which: page $p has no page number “— $p —”"
    for n in "${names[@]}"; do grep -q -F "$n" "$tmp/$which.p$p.txt" && echo "$p $n"; done >> "$tmp/$which.pages"
  done
done
grep -q missing "$tmp/theirs.order" && die "LibreOffice's text lacks: $(grep missing "$tmp/theirs.order" | tr '\n' ' ')"
[ "$(wc -l < "$tmp/ours.order")" -eq 20 ] || die "gongwen's PDF: $(wc -l < "$tmp/ours.order") of 20 applicants"
cmp -s "$tmp/ours.order" "$tmp/theirs.order" ||
  die "order differs: PDF $(tr '\n' ' ' < "$tmp/ours.order") / DOCX $(tr '\n' ' ' < "$tmp/theirs.order")"
[ "$(wc -l < "$tmp/ours.pages")" -eq 20 ] || die "gongwen's PDF pages hold $(wc -l < "$tmp/ours.pages") of 20 applicants"
cmp -s "$tmp/ours.pages" "$tmp/theirs.pages" || die "applicants on other pages: $(diff "$tmp/ours.pages" "$tmp/theirs.pages" | tr '\n' ' ')"

[ $fail -eq 0 ] && echo "ok"
exit $fail
