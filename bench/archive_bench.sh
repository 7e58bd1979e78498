#!/usr/bin/env bash
# Archive benchmark (issue 5): bench/archive_bench.sh [N=100000] [BUILD_DIR=build]. Generates N
# synthetic notices, imports them and prints import documents/s (wall and per CPU-second), database
# bytes/document and search p50/p95 per query kind. Targets: >= 2,000 documents/s, p95 < 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
build=${2:-build}
cmake --build "$build" --target gw_archive_bench -j"$(nproc)" >/dev/null
bench=$(find "$build" -name gw_archive_bench -type f -perm -u+x | head -1)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bench" "$n" "$dir/archive"
