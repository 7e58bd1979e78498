#!/usr/bin/env bash
# Builds and runs the archive benchmark: bench/archive_bench.sh [N=100000] [BUILD_DIR=build].
# Prints import documents/s, database bytes/document and search p50/p95 (issue 5 targets: >= 2,000
# documents/s, p95 < 20 ms at 100,000 documents).
set -euo pipefail
n=${1:-100000}
build=${2:-build}
cmake --build "$build" --target gw_archive_bench -j1
bench=$(find "$build" -name gw_archive_bench -type f -perm -u+x | head -1)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" "$n" "$dir/archive"
