#!/usr/bin/env bash
# CLI test of `gongwen validate`: broken.csv exits 1 and names every rule of forms.md; the province
# data set (CSV and XLSX) exits 0; a malformed file is one clear error line, exit 1.
# usage: validate_cli_test.sh GONGWEN SOURCE_DIR
set -u
gongwen=$1
src=$2
fail() { echo "FAIL: $*"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$gongwen" validate "$src/samples/forms/broken.csv" >"$out/broken.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "broken.csv: exit $rc, want 1"
for n in 1 2 3 4 5 6 7 8 9; do
  grep -q "\[forms.md rule $n\]" "$out/broken.txt" || fail "broken.csv: no line for rule $n"
done
grep -q '^.*broken.csv:2:25: error: 第2行「厦门鹭岛饮品科技有限公司」统一社会信用代码“91350203MAQA7877F2”第18位校验码应为 1，实为 2 \[forms.md rule 1\]$' "$out/broken.txt" \
  || fail "broken.csv: rule 1 line not as expected"
grep -q 'broken.csv:22:[0-9]*: warning: .*\[forms.md rule 9\]' "$out/broken.txt" || fail "rule 9 is not a warning"
tail -1 "$out/broken.txt" | grep -q '^21 applications (12 典型案例, 7 企业品牌, 2 区域品牌): 16 errors, 1 warning$' \
  || fail "broken.csv summary: $(tail -1 "$out/broken.txt")"

for f in province.csv province.xlsx; do
  "$gongwen" validate "$src/samples/forms/$f" >"$out/ok.txt" 2>&1
  rc=$?
  [ "$rc" -eq 0 ] || { cat "$out/ok.txt"; fail "$f: exit $rc, want 0"; }
  grep -q '^20 applications (8 典型案例, 10 企业品牌, 2 区域品牌): 0 errors, 0 warnings$' "$out/ok.txt" || fail "$f summary"
done

printf '申报类型,单位名称\n典型案例,"未闭合\n' >"$out/bad.csv"
"$gongwen" validate "$out/bad.csv" >"$out/bad.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "bad.csv: exit $rc, want 1"
grep -q 'bad.csv:2:6: error: quoted field opened here is never closed \[RFC 4180\]' "$out/bad.txt" || { cat "$out/bad.txt"; fail "bad.csv message"; }
echo "ok"
