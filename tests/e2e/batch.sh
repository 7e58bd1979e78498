#!/usr/bin/env bash
# gongwen batch as a clerk runs it (issue 6): the sample province's packet read back with poppler
# (batch_check.py: page parity of every document start, bookmarks, page numbers per document, blank
# pages), the same bytes with --jobs 1 and --jobs 2 and from run to run, broken records skipped with
# their row and reason, --strict, --docx, --archive numbers kept across --resume, a run killed with
# SIGKILL and one stopped with SIGINT, both completed by --resume into exactly what a clean run makes.
# usage: batch.sh GONGWEN SOURCE_ROOT
set -euo pipefail
gw=$1
root=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
check() { python3 "$here/batch_check.py" "$@" || fail "batch_check.py $*"; }
# `… | contains PATTERN`: reads all its input first (grep -q would close the pipe early, and under
# pipefail the writer's SIGPIPE would fail the pipeline).
contains() { local t; t=$(cat); grep -q -- "$1" <<<"$t"; }

echo "== the sample province, --jobs 1 and --jobs 2, twice"
# With 2 jobs the one packet's print file is made while its documents are rendered, with 1 job after
# them (batch/runner.cc): the same bytes either way.
"$gw" batch "$root/samples/forms/province.xlsx" --out "$tmp/j1" --jobs 1 >"$tmp/j1.log"
"$gw" batch "$root/samples/forms/province.xlsx" --out "$tmp/j2" --jobs 2 >"$tmp/j2.log"
"$gw" batch "$root/samples/forms/province.xlsx" --out "$tmp/j3" --jobs 2 >/dev/null
diff -r "$tmp/j1" "$tmp/j2" || fail "--jobs 1 and --jobs 2 wrote different files"
diff -r "$tmp/j1" "$tmp/j3" || fail "two runs wrote different files"
grep -q "^福建省：.*→ 福建省-合订本.pdf" "$tmp/j1.log" || fail "no packet line without a terminal: $(cat "$tmp/j1.log")"
check "$tmp/j1"
pdfinfo "$tmp/j1/福建省-合订本.pdf" | contains "^Title: *福建省工业和信息化厅推荐材料" || fail "print file has no /Title"
pdfinfo "$tmp/j1/福建省-合订本.pdf" | contains "CreationDate" && fail "a date in the print file without --timestamp"
pdftotext "$tmp/j1/福建省/01-推荐函.pdf" - | tr -d ' \n' >"$tmp/letter.txt"
for want in 闽工信消费函〔2024〕215号 工业和信息化部消费品工业司： 中国消费名品12个 附件：1.中国消费名品方阵推荐汇总表 \
  2.“数字三品”应用场景典型案例申报书（8份） 3.中国消费名品申报书（12份） 2024年11月5日; do
  grep -q "$want" "$tmp/letter.txt" || fail "cover letter lacks $want"
done
pdftotext "$tmp/j1/福建省/02-附件5-推荐汇总表.pdf" - | contains "福州榕鞋智造" || fail "附件5 lacks an applicant"
# Every 附件3 embeds its form's fixed words as the same fonts (pdf::SharedFonts); the print file keeps
# each of those once, and reads exactly as its documents do one after another.
mapfile -t a3 < <(ls "$tmp/j1/福建省/"*-附件3-*.pdf)
[ ${#a3[@]} -ge 2 ] || fail "fewer than two 附件3 in the sample packet"
font_names() { pdffonts "$1" | awk 'NR > 2 {print $1}' | sort; }
shared=$(comm -12 <(font_names "${a3[0]}") <(font_names "${a3[1]}"))
[ -n "$shared" ] || fail "two 附件3 share no font"
for name in $shared; do
  for f in "${a3[@]}"; do font_names "$f" | contains "^$name\$" || fail "$f lacks the shared font $name"; done
  [ "$(font_names "$tmp/j1/福建省-合订本.pdf" | grep -c "^$name\$")" = 1 ] || fail "the print file has $name more than once"
done
python3 - "$tmp/j1" <<'EOF' || fail "the print file does not read as its documents"
import json, os, subprocess, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
text = lambda f: subprocess.run(["pdftotext", os.path.join(out, f), "-"], capture_output=True, check=True, text=True).stdout
squeeze = lambda t: "".join(t.split())
docs = [f["file"] for f in m["files"] if f["province"] == "福建省" and f["kind"] != "merged"]
merged = [f["file"] for f in m["files"] if f["province"] == "福建省" and f["kind"] == "merged"]
assert len(merged) == 1 and len(docs) > 10, (merged, docs)
assert squeeze(text(merged[0])) == "".join(squeeze(text(d)) for d in docs)
EOF
csv_rows=$(tail -n +2 "$tmp/j1/manifest.csv" | wc -l)
[ "$csv_rows" = "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['files']))" "$tmp/j1/manifest.json")" ] ||
  fail "manifest.csv and manifest.json list different numbers of files"

echo "== broken records are skipped with their row and reason; the others are produced"
set +e
"$gw" batch "$root/samples/forms/broken.csv" --out "$tmp/broken" --jobs 2 >"$tmp/broken.out" 2>"$tmp/broken.err"
rc=$?
set -e
[ $rc = 1 ] || fail "broken data: exit $rc, expected 1"
grep -q "broken.csv:9:134: error: 第9行「南平延平岩韵茶业有限公司」.*申报方向1，但已在第8行申报方向6.*\[forms.md rule 3\]" "$tmp/broken.err" ||
  fail "rule 3 record not reported with its row: $(cat "$tmp/broken.err")"
grep -q "broken.csv:10:.*联合申报单位有4家" "$tmp/broken.err" || fail "rule 4 record not reported"
grep -q "16 of 21 record(s) skipped" "$tmp/broken.out" || fail "summary: $(cat "$tmp/broken.out")"
check "$tmp/broken"
pdftotext "$tmp/broken/福建省/2-附件5-推荐汇总表.pdf" - >"$tmp/broken-a5.txt"
grep -q "福州长乐芯动" "$tmp/broken-a5.txt" || fail "a valid record (a rule 9 warning only) is missing from 附件5"
grep -q "厦门海丝优选" "$tmp/broken-a5.txt" && fail "a skipped record is in 附件5"
python3 - "$tmp/broken/manifest.json" <<'EOF' || fail "manifest problems"
import json, sys
m = json.load(open(sys.argv[1]))
lines = sorted(p["line"] for p in m["problems"] if p["severity"] == "error")
assert lines == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 21], lines
assert [p["province"] for p in m["packets"]] == ["福建省", "西藏自治区"]
EOF

echo "== a document that cannot be rendered: its packet has no print file, the others are complete"
# 北京市 is merged at the end, 河北省 (the last packet) while its documents are rendered
# (batch/runner.cc, add_to_print_file): a failure must stop both the same way.
python3 "$root/bench/make_batch_data.py" "$tmp/unset" 12 3
python3 - "$tmp/unset/batch.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
head = rows[0]
broken = set()
for r in rows[1:]:
    province = r[head.index("省份")]
    if province in ("北京市", "河北省") and province not in broken:
        r[head.index("案例背景")] += "\U00010000"  # LINEAR B SYLLABLE B008 A: in no font of the map
        broken.add(province)
assert broken == {"北京市", "河北省"}, broken
csv.writer(open(sys.argv[1], "w", encoding="utf-8", newline="")).writerows(rows)
EOF
set +e
"$gw" batch "$tmp/unset/batch.csv" --no-quotas --out "$tmp/unset/out" --jobs 2 >"$tmp/unset.out" 2>"$tmp/unset.err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "a run with documents that cannot be rendered exited $rc"
grep -q "U+10000" "$tmp/unset.err" || fail "the character is not named: $(cat "$tmp/unset.err")"
grep -q "1 of 3 packet(s) complete" "$tmp/unset.out" || fail "expected only 天津市 complete: $(cat "$tmp/unset.out")"
[ -f "$tmp/unset/out/天津市-合订本.pdf" ] || fail "the complete packet has no print file"
for p in 北京市 河北省; do
  [ ! -e "$tmp/unset/out/$p-合订本.pdf" ] || fail "$p has a print file without one of its documents"
done
[ -z "$(find "$tmp/unset/out" -name '*.tmp-*')" ] || fail "temporary files left behind"
check "$tmp/unset/out" 天津市

echo "== --strict stops at the first problem and writes nothing"
set +e
"$gw" batch "$root/samples/forms/broken.csv" --out "$tmp/strict" --strict >/dev/null 2>"$tmp/strict.err"
rc=$?
set -e
[ $rc = 1 ] || fail "--strict: exit $rc"
[ "$(grep -c ': error: ' "$tmp/strict.err")" = 2 ] || fail "--strict should print the first problem and the stop: $(cat "$tmp/strict.err")"
[ -z "$(find "$tmp/strict" -name '*.pdf')" ] || fail "--strict wrote PDFs"

echo "== --docx writes the DOCX of every document (letter, 附件5, 申报书), listed in the manifest"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/docx" --docx >/dev/null
python3 - "$tmp/docx" <<'EOF' || fail "--docx"
import json, os, sys, zipfile
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
docx = [f for f in m["files"] if f["file"].endswith(".docx")]
pdfs = [f["file"] for f in m["files"] if f["file"].endswith(".pdf") and f["kind"] != "merged"]
want = [p[:-4] + ".docx" for p in pdfs]
assert [f["file"] for f in docx] == want, ([f["file"] for f in docx], want)
z = zipfile.ZipFile(os.path.join(out, docx[0]["file"]))
assert "闽工信消费函〔2024〕215号" in z.read("word/document.xml").decode()
z = zipfile.ZipFile(os.path.join(out, "福建省/03-附件3-1-福州榕鞋智造有限公司.docx"))
assert "基于消费大数据的运动鞋楦型设计平台" in z.read("word/document.xml").decode()
z = zipfile.ZipFile(os.path.join(out, "福建省/02-附件5-推荐汇总表.docx"))
doc = z.read("word/document.xml").decode()
assert "推荐汇总表" in doc and "福州榕鞋智造有限公司" in doc and 'w:orient="landscape"' in doc
EOF

echo "== --archive takes a number once; --resume keeps it"
python3 - "$root/samples/forms/province.csv" "$tmp/nonumber.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
col = rows[0].index("推荐函文号")
for r in rows[1:]:
    r[col] = ""
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(rows)
EOF
cp -r "$root/samples/forms/narratives" "$tmp/"
set +e
"$gw" batch "$tmp/nonumber.csv" --out "$tmp/nonum" >/dev/null 2>"$tmp/nonum.err"
rc=$?
set -e
[ $rc = 1 ] && grep -q "福建省的数据没有推荐函文号" "$tmp/nonum.err" || fail "missing 文号 not reported (exit $rc): $(cat "$tmp/nonum.err")"
"$gw" archive init --archive "$tmp/archive" >/dev/null
"$gw" batch "$tmp/nonumber.csv" --out "$tmp/arch" --archive --archive-dir "$tmp/archive" --agency 闽工信消费函 >/dev/null
pdftotext "$tmp/arch/福建省/01-推荐函.pdf" - | tr -d ' ' | contains "闽工信消费函〔2024〕1号" || fail "--archive: letter lacks the reserved 文号"
# The letter is registered as issued, with its PDF stored in the archive.
"$gw" archive show "闽工信消费函[2024]1号" --archive "$tmp/archive" >"$tmp/show.txt" || fail "--archive: the letter was not registered"
grep -q "关于推荐2024年" "$tmp/show.txt" && grep -q "01-推荐函.pdf" "$tmp/show.txt" ||
  fail "--archive: the registered letter lacks its title or PDF: $(cat "$tmp/show.txt")"
"$gw" batch "$tmp/nonumber.csv" --out "$tmp/arch" --archive --archive-dir "$tmp/archive" --agency 闽工信消费函 --resume >"$tmp/arch2.log"
grep -Eq " 0 file\(s\) rendered.* 23 unchanged" "$tmp/arch2.log" || fail "--resume re-rendered: $(cat "$tmp/arch2.log")"
[ "$("$gw" archive next 闽工信消费函 --year 2024 --archive "$tmp/archive")" = "闽工信消费函〔2024〕2号" ] ||
  fail "--resume took a second number from the archive"
"$gw" archive verify --archive "$tmp/archive" >/dev/null || fail "--archive: archive verify fails after a batch and its --resume"
[ "$("$gw" archive search 推荐汇总表 --archive "$tmp/archive" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] ||
  fail "--resume registered the letter a second time"

echo "== --forms: a deployer's edited templates are used, and --resume notices the edit"
cp -r "$root/templates/forms" "$tmp/myforms"
sed -i 's|<heading>二、案例背景</heading>|<heading>二、案例背景与目标</heading>|' "$tmp/myforms/attachment3.xml"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/edited" --forms "$tmp/myforms" >/dev/null
first3=$(ls "$tmp/edited/福建省/"*附件3-1-*.pdf)
pdftotext "$first3" - | tr -d ' ' | contains "二、案例背景与目标" || fail "--forms: the edited heading is not in the 附件3"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/edited" --resume >"$tmp/edited2.log"
grep -Eq " 2[01] file\(s\) rendered" "$tmp/edited2.log" || fail "--resume with the default templates did not render the 申报书 again: $(cat "$tmp/edited2.log")"
pdftotext "$first3" - | tr -d ' ' | contains "二、案例背景与目标" && fail "--resume left the edited heading"
set +e
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/badforms" --forms "$tmp/narratives" >/dev/null 2>"$tmp/badforms.err"
rc=$?
set -e
[ $rc = 1 ] && [ ! -e "$tmp/badforms/manifest.json" ] || fail "--forms with a folder lacking templates: exit $rc, $(cat "$tmp/badforms.err")"

echo "== --resume after an upgrade: another gongwen executable renders everything again"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/upgrade" >/dev/null
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/upgrade" --resume >"$tmp/upgrade1.log"
grep -Eq " 0 file\(s\) rendered" "$tmp/upgrade1.log" || fail "--resume with the same program rendered again: $(cat "$tmp/upgrade1.log")"
cp "$gw" "$tmp/gongwen-next"
printf 'next' >>"$tmp/gongwen-next"  # other bytes, same behaviour: stands for an upgraded build
"$tmp/gongwen-next" batch "$root/samples/forms/province.csv" --out "$tmp/upgrade" --resume >"$tmp/upgrade2.log"
grep -Eq " 0 unchanged" "$tmp/upgrade2.log" || fail "--resume kept files made by another program: $(cat "$tmp/upgrade2.log")"
rm -f "$tmp/gongwen-next"

echo "== another --sort on --resume renames the 申报书; the old names are removed"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/resort" >/dev/null
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/resort" --resume --sort pinyin >/dev/null 2>"$tmp/resort.err"
"$gw" batch "$root/samples/forms/province.csv" --out "$tmp/pinyin" --sort pinyin >/dev/null
(cd "$tmp/resort" && find . -name '*.pdf' | sort) >"$tmp/resort.list"
(cd "$tmp/pinyin" && find . -name '*.pdf' | sort) >"$tmp/pinyin.list"
diff "$tmp/resort.list" "$tmp/pinyin.list" || fail "--resume --sort pinyin left other files than a clean pinyin run"
grep -q "removed [1-9][0-9]* file(s) of an earlier run" "$tmp/resort.err" || fail "stale files not reported: $(cat "$tmp/resort.err")"

echo "== killed (SIGKILL) and interrupted (SIGINT) runs, completed by --resume"
python3 "$root/bench/make_batch_data.py" "$tmp/many" 96 24
"$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$tmp/clean" --jobs 2 >/dev/null
interrupt() {  # interrupt SIGNAL OUT: start a run, signal it once 4 files are finished
  "$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$2" --jobs 1 >"$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 400); do
    [ -f "$2/.gongwen-batch-journal" ] && [ "$(wc -l <"$2/.gongwen-batch-journal")" -ge 4 ] && break
    sleep 0.02
  done
  kill -"$1" $pid
  set +e
  wait $pid
  local rc=$?
  set -e
  echo $rc
}
rc=$(interrupt KILL "$tmp/killed")
[ "$rc" = 137 ] || fail "SIGKILL run exited $rc (finished before the kill?)"
merged=$(find "$tmp/killed" -maxdepth 1 -name '*-合订本.pdf' | wc -l)
[ "$merged" -lt 24 ] || fail "the killed run had finished every packet; the test proves nothing"
find "$tmp/killed" -name '*.pdf' -print0 | while IFS= read -r -d '' f; do
  pdfinfo "$f" >/dev/null 2>&1 || fail "truncated PDF under its final name after SIGKILL: $f"
done
"$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$tmp/killed" --jobs 2 --resume >"$tmp/resume.log"
grep -Eq "[1-9][0-9]* unchanged" "$tmp/resume.log" || fail "--resume kept nothing: $(cat "$tmp/resume.log")"
[ -z "$(find "$tmp/killed" -name '*.tmp-*')" ] || fail "temporary files left after --resume"
diff -r "$tmp/clean" "$tmp/killed" || fail "killed + --resume differs from a clean run"

rc=$(interrupt INT "$tmp/stopped")
[ "$rc" = 130 ] || fail "SIGINT run exited $rc"
grep -q "interrupted" "$tmp/stopped.log" || fail "no word on the interruption: $(cat "$tmp/stopped.log")"
[ -f "$tmp/stopped/manifest.json" ] || fail "no manifest after SIGINT"
python3 "$here/batch_check.py" "$tmp/stopped" >/dev/null 2>&1 || true  # partial: only its listed files must be right
python3 - "$tmp/stopped" <<'EOF' || fail "SIGINT manifest lists files that are not complete"
import hashlib, json, os, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
assert 0 < len(m["files"]) < 24 * 7, len(m["files"])
for f in m["files"]:
    assert hashlib.sha256(open(os.path.join(out, f["file"]), "rb").read()).hexdigest() == f["sha256"], f["file"]
EOF
"$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$tmp/stopped" --jobs 2 --resume >/dev/null
diff -r "$tmp/clean" "$tmp/stopped" || fail "interrupted + --resume differs from a clean run"

echo "== a changed record is rendered again by --resume; a file altered on disk too"
sed -i '0,/福州榕鞋智造有限公司/s//福州榕鞋智造股份有限公司/' "$tmp/many/batch.csv"
printf 'x' >>"$tmp/clean/北京市/1-推荐函.pdf"
"$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$tmp/clean" --resume >"$tmp/changed.log"
# 北京市's altered letter, 附件5, the 申报书 of the changed record and the print file; and the packet's
# other 申报书 whose shared characters the change moved (股份 is now in half of them: see
# batch::common_characters) — at most its 6 documents and print file, nothing of other packets.
rendered=$(sed -nE 's/.* ([0-9]+) file\(s\) rendered.*/\1/p' "$tmp/changed.log")
[ "$rendered" -ge 4 ] && [ "$rendered" -le 7 ] ||
  fail "expected 4 to 7 files of 北京市 again: $(cat "$tmp/changed.log")"
"$gw" batch "$tmp/many/batch.csv" --no-quotas --out "$tmp/fresh" >/dev/null
diff -r "$tmp/clean" "$tmp/fresh" || fail "--resume after a change differs from a clean run of the changed data"
check "$tmp/clean" 北京市

if command -v script >/dev/null; then
  echo "== a progress bar on a terminal"
  script -qec "$gw batch $root/samples/forms/province.xlsx --out $tmp/tty" /dev/null >"$tmp/tty.log"
  grep -q "23/23 files" "$tmp/tty.log" || fail "no progress bar on a terminal: $(cat -v "$tmp/tty.log")"
fi
echo "batch: all checks passed"
