#!/usr/bin/env bash
# Notice benchmark (issues 2, 3): in-process ms per document (fonts opened once) and bytes per
# document and documents per second, PDF beside DOCX (each read, checked and laid out, as the CLI
# does), for every sample, then whole cold CLI runs. usage: bench/notice_bench.sh [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target gw_notice_bench gongwen -j"$(nproc)" >/dev/null
echo "== in-process (20 iterations each)"
"$build/bench/gw_notice_bench" 20 samples/notices/*.xml
echo "== cold CLI run, render to PDF (median of 5)"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
for f in samples/notices/*.xml; do
  times=()
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N)
    "$build/generator/cli/gongwen" render "$f" -o "$out/x.pdf" >/dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  printf '%-28s %5s ms  %8s bytes\n' "$(basename "$f")" "$median" "$(stat -c %s "$out/x.pdf")"
done
