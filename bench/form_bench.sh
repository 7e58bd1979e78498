#!/usr/bin/env bash
# 申报书 benchmark (issue 4): pages per second for 100 applicants on one core, fonts loaded once
# (target: 200 pages/s), then one cold CLI run over the sample province.
# usage: bench/form_bench.sh [BUILD_DIR=build] [APPLICANTS=100]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-100}
cmake --build "$build" --target gw_form_bench gongwen -j"$(nproc)" >/dev/null
echo "== in-process, one core"
taskset -c 0 "$build/bench/gw_form_bench" "$n" samples/forms/province.xlsx
echo "== cold CLI: every 附件3 and 附件4 of the sample province (20 applications), PDF"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
t0=$(date +%s%N)
"$build/generator/cli/gongwen" form attachment3 samples/forms/province.xlsx -o "$out/a3" >/dev/null
"$build/generator/cli/gongwen" form attachment4 samples/forms/province.xlsx -o "$out/a4" >/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
pages=0
for f in "$out"/a3/*.pdf "$out"/a4/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages/{print $2}'))); done
echo "two runs: $ms ms for $pages pages"
