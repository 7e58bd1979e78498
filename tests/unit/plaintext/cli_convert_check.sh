#!/usr/bin/env bash
# CLI-level tests of `gongwen convert` and `gongwen check`: exit codes, the exact diagnostic line,
# schema-valid output, and no output file left behind when the input is wrong.
# Usage: cli_convert_check.sh GONGWEN SOURCE_DIR
set -u
gw=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect NAME CONDITION-RESULT
  if [ "$2" != 0 ]; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi
}

# convert to a file: valid against the schema, same title and 文号 as the hand-made XML sample.
"$gw" convert "$src/samples/notices/sanpin-2022-156.txt" -o "$tmp/out.xml"
expect "convert exits 0" $?
xmllint --noout --schema "$src/templates/notice.xsd" "$tmp/out.xml" 2>/dev/null
expect "converted XML validates" $?
grep -q '<doc-number>工信厅消费函〔2022〕156号</doc-number>' "$tmp/out.xml"
expect "converted XML has the 文号" $?
[ "$(ls "$tmp")" = "out.xml" ]
expect "no temporary file left" $?

# convert to stdout
"$gw" convert "$src/samples/notices/sanpin-2022-156.txt" | grep -q '<h1>六、组织实施</h1>'
expect "convert to stdout shows the headings" $?

# convert of a text without a date: exit 1, one error line, no output file.
printf '关于开展活动的通知\n各有关单位：\n正文。\n' > "$tmp/nodate.txt"
"$gw" convert "$tmp/nodate.txt" -o "$tmp/nodate.xml" 2> "$tmp/err"
[ $? = 1 ]
expect "convert without a date exits 1" $?
grep -q "nodate.txt:3:1: error: no 成文日期 line found" "$tmp/err"
expect "convert names the line" $?
[ ! -e "$tmp/nodate.xml" ]
expect "no output after an error" $?

# check: samples pass, broken files fail with the exact finding.
"$gw" check "$src/samples/notices/sanpin-2022-156.xml" > "$tmp/ok" 2>/dev/null
expect "check of the sample exits 0" $?
[ ! -s "$tmp/ok" ]
expect "check of the sample prints no finding" $?
"$gw" check "$src/samples/notices/broken/wenhao-square-brackets.xml" > "$tmp/out" 2>/dev/null
[ $? = 1 ]
expect "check of a bad 文号 exits 1" $?
[ "$(head -1 "$tmp/out")" = "$src/samples/notices/broken/wenhao-square-brackets.xml:5: error: 文号 “工信厅消费函[2022]156号”: uses [] instead of 〔〕 around the year [GB/T 9704 7.2.5]" ]
expect "check prints the exact finding" $?
"$gw" check "$src/samples/notices/broken/recipients-no-colon.xml" > /dev/null 2>&1
expect "warnings only: check exits 0" $?
"$gw" check "$src/samples/notices/broken/date-leading-zeros.txt" > "$tmp/out" 2>/dev/null
[ $? = 1 ]
expect "check reads plain text" $?
grep -q "date-leading-zeros.txt:7:1: error: 成文日期 “2022年06月30日” has leading zeros" "$tmp/out"
expect "plain-text finding has line and column" $?
"$gw" check "$tmp/missing.xml" > /dev/null 2>&1
[ $? = 1 ]
expect "missing file exits 1" $?
exit $fail
