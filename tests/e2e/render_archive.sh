#!/usr/bin/env bash
# Issue 5 via render: `render --archive` registers the issued document with its outputs; the same 文号
# again is refused before anything is written, unless --replace; verify passes; the 文号 is found by variant.
set -euo pipefail
gongwen=$1; root=$2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
fail=0
export GONGWEN_ARCHIVE="$dir/arch"
"$gongwen" archive init >/dev/null
"$gongwen" render "$root/samples/notices/sanpin-2022-156.xml" -o "$dir/a.pdf" --format pdf,docx --archive >/dev/null
shown=$("$gongwen" archive show "工信厅消费函[2022]第0156号")
[[ "$shown" == *"工业和信息化部办公厅关于开展"* ]] || { echo "FAIL: not registered"; fail=1; }
if "$gongwen" render "$root/samples/notices/sanpin-2022-156.xml" -o "$dir/b.pdf" --archive 2>"$dir/err"; then
  echo "FAIL: the same 文号 registered twice"; fail=1
fi
grep -q "already registered" "$dir/err" || { echo "FAIL: message"; cat "$dir/err"; fail=1; }
[ ! -e "$dir/b.pdf" ] || { echo "FAIL: output written despite the refusal"; fail=1; }
"$gongwen" render "$root/samples/notices/sanpin-2022-156.xml" -o "$dir/b.pdf" --archive --replace >/dev/null || { echo "FAIL: --replace"; fail=1; }
"$gongwen" archive verify >/dev/null || { echo "FAIL: verify"; fail=1; }
found=$("$gongwen" archive search 全国行)
[[ "$found" == *"156号"* ]] || { echo "FAIL: search"; fail=1; }
[ $fail -eq 0 ] && echo "render --archive: ok"
exit $fail
