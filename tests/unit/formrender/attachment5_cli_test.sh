#!/usr/bin/env bash
# CLI test of `gongwen form attachment5`: the sample province's 推荐汇总表 as a landscape PDF, rows in
# the order asked for (expected orders worked out by hand from the names, below), and broken data
# refused with exit 1 and no file written.
# Usage: attachment5_cli_test.sh GONGWEN SOURCE_ROOT
set -u
gongwen=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

# Prints the names (given as distinctive prefixes) in the order of their first appearance in FILE.
order_of() {
  local file=$1
  shift
  for n in "$@"; do
    local at
    at=$(grep -ob -m1 -F "$n" "$file" | head -1 | cut -d: -f1)
    [ -n "$at" ] || { echo "missing:$n"; continue; }
    echo "$at $n"
  done | sort -n | cut -d' ' -f2
}

typical=(福州榕鞋 厦门鹭岛 泉州闽南 漳州芗江 南平延平 龙岩汀江 厦门海丝 宁德闽东)

for sort in stroke pinyin input; do
  out=$tmp/$sort.pdf
  "$gongwen" form attachment5 "$root/samples/forms/province.xlsx" -o "$out" --sort "$sort" > "$tmp/$sort.log" 2>&1 ||
    { cat "$tmp/$sort.log"; die "--sort $sort exited $?"; continue; }
  pdfinfo "$out" | grep -q "Page size: *841.89 x 595.2[78]" || die "$sort: pages are not A4 landscape: $(pdfinfo "$out" | grep 'Page size')"
  pdftotext -raw "$out" "$tmp/$sort.txt"
  grep -q "附件5" "$tmp/$sort.txt" || die "$sort: no 附件5 label"
  grep -q "推荐单位（盖章）" "$tmp/$sort.txt" || die "$sort: no 推荐单位 line"
  # All 20 applicants appear.
  for n in "${typical[@]}" 福州三坊 泉州刺桐 福州马尾 厦门翔安 漳州龙海 浦城清源 武平梁野 福州长乐 建瓯建窑 莆田秀屿 德化县 福鼎市; do
    grep -q -F "$n" "$tmp/$sort.txt" || die "$sort: applicant $n missing"
  done
  order_of "$tmp/$sort.txt" "${typical[@]}" | tr '\n' ' ' > "$tmp/$sort.order"
done

# 笔画 order by hand: 龙 5, 宁 5 | 南 9, 泉 9 | 厦 12 (厦门海 before 厦门鹭: 海 10 < 鹭 18 strokes) | 漳 14.
# Within one stroke count the collator may order by stroke shape; only the groups are asserted.
# 福 is left out: 简化字 count it 13 strokes, but ICU's zh@collation=stroke sorts it after 漳 (14),
# apparently counting 礻 as 示 (5 strokes, the traditional count).
got=$(cat "$tmp/stroke.order")
read -r -a s <<< "$got"
group() { case $1 in 龙岩汀江|宁德闽东) echo 5;; 南平延平|泉州闽南) echo 9;; 厦门海丝) echo 12.0;; 厦门鹭岛) echo 12.1;; 漳州芗江) echo 14;; 福州榕鞋) echo skip;; *) echo 99;; esac; }
prev=0
for n in "${s[@]}"; do
  g=$(group "$n")
  [ "$g" = skip ] && continue
  awk -v a="$prev" -v b="$g" 'BEGIN{exit !(a<=b)}' || die "stroke order wrong: $got"
  prev=$g
done
[ ${#s[@]} -eq 8 ] || die "stroke: expected 8 typical cases, got: $got"

# 拼音 order by hand: fu, long, nan, ning, quan, xia (海 hai < 鹭 lu), xia, zhang.
expect_pinyin="福州榕鞋 龙岩汀江 南平延平 宁德闽东 泉州闽南 厦门海丝 厦门鹭岛 漳州芗江 "
[ "$(cat "$tmp/pinyin.order")" = "$expect_pinyin" ] || die "pinyin order: $(cat "$tmp/pinyin.order") != $expect_pinyin"
expect_input="${typical[*]} "
[ "$(cat "$tmp/input.order")" = "$expect_input" ] || die "input order: $(cat "$tmp/input.order") != $expect_input"

# Broken data: exit 1, diagnostics printed, nothing written.
"$gongwen" form attachment5 "$root/samples/forms/broken.csv" -o "$tmp/broken.pdf" > "$tmp/broken.log" 2>&1
rc=$?
[ $rc -eq 1 ] || die "broken.csv: exit $rc, expected 1"
[ ! -e "$tmp/broken.pdf" ] || die "broken.csv: a PDF was written"
grep -q "forms.md rule 1" "$tmp/broken.log" || die "broken.csv: diagnostics not printed: $(head -3 "$tmp/broken.log")"

[ $fail -eq 0 ] && echo "ok"
exit $fail
