#!/usr/bin/env bash
# Issue 5: `archive register -o 发文登记簿.pdf` — the register as an A4 landscape table sorted by 文号.
# Documents come in by render --archive, by import (out of order) and by next/void; pdftotext must give
# the rows back in 文号 order (serials as numbers: 9号 before 10号, 国发 before 工信厅消费函 by
# collation), the voided number with 作废 and its reason, the header again on the continuation page, a document without a 文号 after the numbered ones;
# an unknown extension is refused with exit 1 and nothing written.
set -uo pipefail
gongwen=$1; root=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail=0
export GONGWEN_ARCHIVE="$dir/arch"
"$gongwen" archive init >/dev/null

# An issued document (工信厅消费函〔2022〕156号) and imported ones whose serials sort wrongly as text.
"$gongwen" render "$root/samples/notices/sanpin-2022-156.xml" -o "$dir/156.pdf" --archive >/dev/null \
  || { echo "FAIL: render --archive"; fail=1; }
mkdir "$dir/in"
for n in 10 9 2 21; do
  printf '国发〔2022〕%d号\n\n关于第%d号事项的通知\n\n各省、自治区、直辖市人民政府：\n\n现将有关事项通知如下。\n\n国务院\n\n2022年3月%d日\n' \
    "$n" "$n" "$n" > "$dir/in/n$n.txt"
done
# A document without a 文号 (a 纪要, say): it is in the register too, after the numbered ones.
printf '关于无文号事项的通知\n\n各省、自治区、直辖市人民政府：\n\n现将有关事项通知如下。\n\n国务院\n\n2022年5月1日\n' > "$dir/in/none.txt"
"$gongwen" archive import "$dir/in" >/dev/null || { echo "FAIL: import"; fail=1; }
# 30 numbers reserved after the issued 156号 (157..186): enough rows for a second page; 160 is voided.
"$gongwen" archive next 工信厅消费函 --year 2022 --count 30 >/dev/null
"$gongwen" archive void '工信厅消费函〔2022〕160号' --reason 号码重复 >/dev/null || { echo "FAIL: void"; fail=1; }
# Another year stays out of --year 2022.
"$gongwen" archive next 国发 --year 2021 >/dev/null

"$gongwen" archive register --year 2022 -o "$dir/发文登记簿.pdf" > "$dir/out" || { echo "FAIL: register pdf"; cat "$dir/out"; fail=1; }
grep -q '^36 rows written' "$dir/out" || { echo "FAIL: row count: $(cat "$dir/out")"; fail=1; }
pdftotext "$dir/发文登记簿.pdf" "$dir/reg.txt" || { echo "FAIL: pdftotext"; fail=1; }
text=$(tr -d ' \n' < "$dir/reg.txt")
[[ $text == *2022年发文登记簿* ]] || { echo "FAIL: title missing"; fail=1; }
# The 文号 in reading order must be exactly the expected sequence.
got=$(grep -oE '(国发|工信厅消费函)〔20[0-9]{2}〕[0-9]+号' <<<"$text" | tr '\n' ' ')
# Agency codes by pinyin collation (gōng before guó), then serials as numbers.
want=""
for n in $(seq 156 186); do want+="工信厅消费函〔2022〕${n}号 "; done
want+="国发〔2022〕2号 国发〔2022〕9号 国发〔2022〕10号 国发〔2022〕21号 "
[[ $got == "$want" ]] || { echo "FAIL: order"; echo " got:  $got"; echo " want: $want"; fail=1; }
[[ $text =~ 国发〔2022〕21号.*关于无文号事项的通知 ]] || { echo "FAIL: the document without a 文号 is not after the numbered ones"; fail=1; }
[[ $text == *作废：号码重复* ]] || { echo "FAIL: 作废 with its reason not shown"; fail=1; }
[[ $text =~ 工信厅消费函〔2022〕160号[^号]*作废 ]] || { echo "FAIL: 作废 not on the row of 160号"; fail=1; }
[[ $text == *关于第9号事项的通知* && $text == *已导入* && $text == *已发* && $text == *预留* ]] \
  || { echo "FAIL: titles or states missing"; fail=1; }
pages=$(pdfinfo "$dir/发文登记簿.pdf" | awk '/^Pages:/ {print $2}')
if [ "${pages:-0}" -lt 2 ]; then
  echo "FAIL: expected the 36 rows on more than one page, got ${pages:-?}"; fail=1
else
  p2=$(pdftotext -f 2 -l 2 "$dir/发文登记簿.pdf" - | tr -d ' \n')
  [[ $p2 == *序号*文号*标题*状态* ]] || { echo "FAIL: header not repeated on page 2"; fail=1; }
  [[ $p2 == *—2—* ]] || { echo "FAIL: page number on page 2"; fail=1; }
fi
size=$(pdfinfo "$dir/发文登记簿.pdf" | awk '/^Page size:/ {print $3, $5}')
[[ $size == "842 595" || $size == "841.89 595.276" ]] || { echo "FAIL: not A4 landscape: $size"; fail=1; }

# The CSV holds the same rows in the same order.
"$gongwen" archive register --year 2022 -o "$dir/reg.csv" >/dev/null || { echo "FAIL: register csv"; fail=1; }
csv=$(cut -d, -f1 "$dir/reg.csv" | tail -n +2 | tr -d '\r' | tr '\n' ' ')
[[ $csv == "$want " ]] || { echo "FAIL: csv order: $csv"; fail=1; }
tail -1 "$dir/reg.csv" | grep -q '^,关于无文号事项的通知,国务院,2022-05-01,' || { echo "FAIL: csv row without 文号: $(tail -1 "$dir/reg.csv")"; fail=1; }

# An unknown extension: exit 1, a message naming what is accepted, nothing written.
msg=$("$gongwen" archive register --year 2022 -o "$dir/发文登记簿.docx" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] || { echo "FAIL: .docx exit $rc, want 1"; fail=1; }
[[ $msg == *"error: the register is written as .pdf or .csv"* ]] || { echo "FAIL: .docx message: $msg"; fail=1; }
if ls "$dir"/发文登记簿.docx* >/dev/null 2>&1; then echo "FAIL: output left behind"; fail=1; fi

[ $fail -eq 0 ] && echo "archive register: ok"
exit $fail
