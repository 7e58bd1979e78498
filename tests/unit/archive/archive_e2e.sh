#!/usr/bin/env bash
# End-to-end test of `gongwen archive` (issue 5): numbering 1,2,3; 4 processes x 200 reservations give
# 800 distinct consecutive numbers; the seeds import (once); Chinese search finds the known documents;
# 文号 variants resolve; verify catches an altered file; a SIGKILL during a large import leaves a sound
# archive and the import can be rerun to completion.
set -eu  # no pipefail: `cmd | grep -q` may close the pipe early, which is not a failure
GONGWEN=$1
DATA=${2:-${GW_TEST_DATA:?}}
[[ -d $DATA ]] || DATA=$GW_TEST_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GONGWEN_ARCHIVE=$tmp/arc
fail() { echo "FAIL: $*" >&2; exit 1; }

"$GONGWEN" archive init >/dev/null
got=$("$GONGWEN" archive next 工信厅消费函 --year 2022; "$GONGWEN" archive next 工信厅消费函 --year 2022;
      "$GONGWEN" archive next 工信厅消费函 --year 2022)
[[ $got == $'工信厅消费函〔2022〕1号\n工信厅消费函〔2022〕2号\n工信厅消费函〔2022〕3号' ]] || fail "next x3 gave: $got"

# Concurrency (issue 5): 4 processes, 1,000 reservations each, every one its own IMMEDIATE transaction.
for p in 1 2 3 4; do
  "$GONGWEN" archive next 国发 --year 2023 --count 1000 > "$tmp/next.$p" &
done
wait
cat "$tmp"/next.* | sed -E 's/^国发〔2023〕([0-9]+)号$/\1/' | sort -n > "$tmp/all"
[[ $(wc -l < "$tmp/all") -eq 4000 ]] || fail "expected 4000 numbers, got $(wc -l < "$tmp/all")"
[[ $(sort -u "$tmp/all" | wc -l) -eq 4000 ]] || fail "duplicate numbers handed out"
seq 1 4000 | cmp -s - "$tmp/all" || fail "numbers are not 1..4000"
gaps=$("$GONGWEN" archive gaps --year 2023 --json)
grep -q '"missing": \[\]' <<<"$gaps" || fail "gaps after concurrent reservations: $gaps"

# Import the seeds; a second import keeps one record per file.
"$GONGWEN" archive import "$DATA/seeds" > "$tmp/import1"
grep -q '^5 imported, 0 already present, 0 failed$' "$tmp/import1" || fail "import: $(cat "$tmp/import1")"
"$GONGWEN" archive import "$DATA/seeds" > "$tmp/import2"
grep -q '^0 imported, 5 already present, 0 failed$' "$tmp/import2" || fail "reimport: $(cat "$tmp/import2")"

# Search: answers known by reading the seeds.
first_title=$("$GONGWEN" archive search 名品 --json | grep -m1 '"title"')
[[ $first_title == *中国消费名品方阵推荐工作指引* ]] || fail "名品 ranked first: $first_title"
"$GONGWEN" archive search 年货节 --json > "$tmp/nh"
grep -q '"wenhao": "工消费函〔2021〕885号"' "$tmp/nh" || fail "年货节 not found"
[[ $(grep -c '"id"' "$tmp/nh") -eq 1 ]] || fail "年货节 matched more than one document"
"$GONGWEN" archive search 名品 方阵 > /dev/null
"$GONGWEN" archive search --wenhao '工信厅消费函[2022]第0156号' --json | grep -q '"date": "2022-06-30"' \
  || fail "--wenhao variant lookup"
"$GONGWEN" archive show '工信厅消费函 ［２０２２］ 第156號' | grep -q '工业和信息化部办公厅关于开展2022“三品”全国行活动的通知' \
  || fail "show by variant"
if "$GONGWEN" archive search '名品 AND' 2> "$tmp/err"; then fail "bad FTS syntax accepted"; fi
grep -q 'error: cannot search for' "$tmp/err" || fail "syntax error message: $(cat "$tmp/err")"
"$GONGWEN" archive register --year 2022 -o "$tmp/reg.csv" > /dev/null
grep -q '^工信厅消费函〔2022〕156号,' "$tmp/reg.csv" || fail "register csv"

# verify: ok, then an altered stored file makes it fail.
"$GONGWEN" archive verify > /dev/null || fail "verify on a sound archive"
victim=$(find "$GONGWEN_ARCHIVE/files" -type f | head -1)
chmod u+w "$victim"
echo "tampered" >> "$victim"
if "$GONGWEN" archive verify 2> "$tmp/verr"; then fail "verify missed an altered file"; fi
grep -q 'altered' "$tmp/verr" || fail "verify message: $(cat "$tmp/verr")"

# SIGKILL in the middle of a large import, then rerun.
export GONGWEN_ARCHIVE=$tmp/arc2
"$GONGWEN" archive init > /dev/null
mkdir "$tmp/many"
for i in $(seq 1 3000); do
  printf '国发〔2024〕%d号\n\n关于第%d号测试事项的通知\n\n各省、自治区、直辖市人民政府：\n\n现将第%d批消费名品推荐工作有关事项通知如下。请结合实际认真贯彻执行。\n\n国务院\n\n2024年3月%d日\n' \
    "$i" "$i" "$i" $(( i % 28 + 1 )) > "$tmp/many/n$i.txt"
done
"$GONGWEN" archive import --batch 100 "$tmp/many" > /dev/null 2>&1 &
pid=$!
# Wait until a few batches are in, then kill without warning.
for _ in $(seq 1 200); do
  n=$(find "$GONGWEN_ARCHIVE/files" -type f 2>/dev/null | wc -l)
  (( n >= 350 )) && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
"$GONGWEN" archive verify > /dev/null || fail "archive unsound after SIGKILL"
"$GONGWEN" archive import --batch 100 "$tmp/many" > "$tmp/rerun"
summary=$(tail -1 "$tmp/rerun")
[[ $summary =~ ^([0-9]+)\ imported,\ ([0-9]+)\ already\ present,\ 0\ failed$ ]] || fail "rerun: $summary"
(( BASH_REMATCH[1] + BASH_REMATCH[2] == 3000 )) || fail "rerun counts: $summary"
(( BASH_REMATCH[2] % 100 == 0 )) || fail "a partial batch survived the kill: $summary"
(( BASH_REMATCH[1] > 0 )) || echo "note: the import finished before the kill; rerun found everything" >&2
"$GONGWEN" archive import --batch 100 "$tmp/many" | tail -1 | grep -q '^0 imported, 3000 already present' \
  || fail "third import not idempotent"
"$GONGWEN" archive gaps --year 2024 --json | grep -q '"missing": \[\]' || fail "gaps after rerun"
"$GONGWEN" archive verify > /dev/null || fail "verify after rerun"
echo "archive e2e: all checks passed"
