#!/usr/bin/env bash
# Renders every notice sample to PDF as a user would, then reads it back: text round trip against the
# layout dump, every font embedded and subset, the issuer mark red, size within the target.
set -euo pipefail
gongwen=$1; root=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fail=0
for f in "$root"/samples/notices/*.xml "$root"/samples/notices/*.txt; do
  name=$(basename "$f"); name=${name%.*}-${f##*.}
  "$gongwen" render "$f" -o "$out/$name.pdf" --dump-layout "$out/$name.json" >/dev/null
  if ! python3 "$here/text_roundtrip.py" "$out/$name.json" "$out/$name.pdf"; then
    echo "FAIL $name: text round trip"; fail=1
  fi
  # pdffonts: every font embedded (emb), subset (sub) and with a ToUnicode map (uni).
  if pdffonts "$out/$name.pdf" | tail -n +3 | awk '$(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes" {bad=1} END {exit bad}'; then :; else
    echo "FAIL $name: a font is not embedded+subset+ToUnicode"; pdffonts "$out/$name.pdf"; fail=1
  fi
  # The issuer mark is red: red pixels in the band where page 1's mark is (25–110 mm from the top).
  pdftoppm -r 30 -f 1 -l 1 "$out/$name.pdf" "$out/p1"
  red=$(python3 "$here/red_pixels.py" "$out"/p1-*1.ppm 20 25 190 110)
  rm -f "$out"/p1-*.ppm
  if [ "$red" -lt 50 ]; then echo "FAIL $name: issuer mark not red ($red red pixels)"; fail=1; fi
  pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
  size=$(stat -c %s "$out/$name.pdf")
  echo "ok $name: $pages pages, $size bytes, $red red pixels"
done
exit $fail
