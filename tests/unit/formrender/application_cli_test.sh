#!/usr/bin/env bash
# CLI test of `gongwen form attachment3|attachment4`: every 申报书 of the sample province written as a
# PDF whose text (pdftotext) holds the applicant's own data, the cover, the 承诺书 and the 推荐意见
# box, with fonts embedded; one applicant to one file; and every refusal (broken data, -o a file
# for many applicants, a misspelt template placeholder, no record of that kind) exits 1 with a
# message naming the problem and leaves nothing behind.
# Usage: application_cli_test.sh GONGWEN SOURCE_ROOT
set -u
gongwen=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
data=$root/samples/forms

# 附件3: the eight 典型案例 of the sample province, one file each, in data order.
"$gongwen" form attachment3 "$data/province.xlsx" -o "$tmp/a3" > "$tmp/a3.log" 2>&1 || { cat "$tmp/a3.log"; die "attachment3 exited $?"; }
n=$(ls "$tmp/a3"/*.pdf 2>/dev/null | wc -l)
[ "$n" -eq 8 ] || die "attachment3: expected 8 PDFs, got $n: $(ls "$tmp/a3")"
first="$tmp/a3/01-福州榕鞋智造有限公司.pdf"
[ -f "$first" ] || die "attachment3: no $first"
pdftotext -raw "$first" "$tmp/a3.txt"
text=$(tr -d ' \n' < "$tmp/a3.txt")
for want in 附件3 "“数字三品”应用场景典型案例申报书" 福州榕鞋智造有限公司 91350102MAMWC1L5R4 消费数据驱动产品设计创新 \
            基于消费大数据的运动鞋楦型设计平台 福州云织数据科技有限公司 91350104MAPKFGHRLX 2009年3月18日 41236.5 \
            二、案例背景 六、知识产权情况 承诺书 推荐意见; do
  case "$text" in *"$want"*) ;; *) die "attachment3: “$want” not in the text of $first";; esac
done
pdffonts "$first" > "$tmp/fonts.txt"
awk 'NR>2 && $(NF-4)!="yes"{bad=1} END{exit bad}' "$tmp/fonts.txt" || die "attachment3: a font is not embedded: $(cat "$tmp/fonts.txt")"
# The cover has no page number; the next page is "— 2 —".
pdftotext -f 1 -l 1 "$first" - | grep -q "—" && die "attachment3: page number on the cover"
pdftotext -f 2 -l 2 "$first" - | grep -q "— 2 —" || die "attachment3: page 2 has no “— 2 —”"

# 附件4 from one JSON applicant: one file, where -o says.
"$gongwen" form attachment4 "$data/applicant.json" -o "$tmp/one.pdf" > "$tmp/one.log" 2>&1 || { cat "$tmp/one.log"; die "attachment4 json exited $?"; }
pdftotext "$tmp/one.pdf" - | tr -d ' \n' > "$tmp/one.txt"
for want in 附件4 中国消费名品申报书 三坊漆艺 10432876 2031年6月27日 历史经典 五、文化赋能能力; do
  grep -q -F "$want" "$tmp/one.txt" || die "attachment4: “$want” not in the text"
done
# 区域品牌 use their own template: 代表性企业.
"$gongwen" form attachment4 "$data/province.xlsx" -o "$tmp/a4" > "$tmp/a4.log" 2>&1 || { cat "$tmp/a4.log"; die "attachment4 xlsx exited $?"; }
region=$(ls "$tmp/a4"/*德化县人民政府.pdf 2>/dev/null | head -1)
[ -n "$region" ] || die "attachment4: no 德化县人民政府 PDF: $(ls "$tmp/a4")"
[ -n "$region" ] && { pdftotext "$region" - | tr -d ' \n' | grep -q -F "代表性企业" || die "attachment4: 区域品牌 without 代表性企业"; }

# Refusals: exit 1, a message, nothing written.
refuse() {  # NAME EXPECTED-TEXT OUTPUT-PATH -- ARGS…
  local name=$1 expect=$2 out=$3
  shift 4
  "$gongwen" "$@" > "$tmp/$name.log" 2>&1
  local rc=$?
  [ $rc -eq 1 ] || die "$name: exit $rc, expected 1"
  grep -q -F "$expect" "$tmp/$name.log" || die "$name: message without “$expect”: $(head -3 "$tmp/$name.log")"
  [ ! -e "$out" ] || die "$name: $out was written"
}
refuse broken "forms.md rule 1" "$tmp/broken" -- form attachment3 "$data/broken.csv" -o "$tmp/broken"
refuse many "must name a folder" "$tmp/many.pdf" -- form attachment3 "$data/province.xlsx" -o "$tmp/many.pdf"
refuse nokind "no application for 附件3" "$tmp/none.pdf" -- form attachment3 "$data/applicant.json" -o "$tmp/none.pdf"
cp -r "$root/templates/forms" "$tmp/forms"
line=$(grep -n '{brand_name}' "$tmp/forms/attachment4-enterprise.xml" | head -1 | cut -d: -f1)
sed -i "${line}s/{brand_name}/{brand_nmae}/" "$tmp/forms/attachment4-enterprise.xml"
refuse template "attachment4-enterprise.xml:$line:" "$tmp/typo.pdf" -- form attachment4 "$data/applicant.json" --forms "$tmp/forms" -o "$tmp/typo.pdf"

[ $fail -eq 0 ] && echo "ok"
exit $fail
