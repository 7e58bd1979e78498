#!/usr/bin/env bash
# Issue 7 end to end: numbered copies carry distinct 份号 in order, each copy starts on an odd page;
# a local style moves the text; a style with an impossible value is refused with its line.
set -euo pipefail
gongwen=$1; root=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fail=0
"$gongwen" render "$root/samples/notices/order-58.xml" --copies 30 --first-copy 000101 -o "$out/c.pdf" --dump-layout "$out/c.json" >/dev/null
python3 - "$out/c.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
nums = [l["text"] for p in d["pages"] for l in p["lines"] if l["role"] == "copy-number"]
want = ["%06d" % n for n in range(101, 131)]
if nums != want:
    print("FAIL copies: 份号", nums[:5], "...", len(nums)); sys.exit(1)
starts = [i for i, p in enumerate(d["pages"]) if any(l["role"] == "copy-number" for l in p["lines"])]
if any(i % 2 for i in starts):
    print("FAIL copies: a copy starts on an even page", starts); sys.exit(1)
print("ok copies: 30 distinct 份号 in order, each copy on an odd page")
PY
text=$(pdftotext "$out/c.pdf" -)
[[ "$text" == *000130* ]] || { echo "FAIL copies: 000130 not in the PDF text"; fail=1; }
"$gongwen" render "$root/samples/notices/order-58.xml" --copies 3 --split -o "$out/s.pdf" >/dev/null
[ -f "$out/s-000001.pdf" ] && [ -f "$out/s-000003.pdf" ] || { echo "FAIL --split"; ls "$out"; fail=1; }
# A local style: the body moves to the style's left margin.
"$gongwen" render "$root/samples/notices/sanpin-2022-156.xml" --style local-30-29 -o "$out/l.pdf" --dump-layout "$out/l.json" >/dev/null
python3 - "$out/l.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
xs = [l["x"] for l in d["pages"][1]["lines"] if l["role"] == "body"]
if abs(min(xs) - 29) > 0.01:
    print("FAIL style: body left edge", min(xs)); sys.exit(1)
print("ok style: local-30-29 sets the body at 29 mm")
PY
printf '<?xml version="1.0"?>\n<style name="bad">\n  <margins top="37" left="100"/>\n</style>\n' > "$out/bad.xml"
if msg=$("$gongwen" render "$root/samples/notices/order-58.xml" --style "$out/bad.xml" -o "$out/b.pdf" 2>&1); then
  echo "FAIL style: impossible style accepted"; fail=1
elif [[ "$msg" != *"bad.xml:2"*"wider than the page"* ]]; then echo "FAIL style message: $msg"; fail=1; fi
printf '<?xml version="1.0"?>\n<style name="bad">\n  <grid lines="0"/>\n</style>\n' > "$out/zero.xml"
if msg=$("$gongwen" render "$root/samples/notices/order-58.xml" --style "$out/zero.xml" -o "$out/b.pdf" 2>&1); then
  echo "FAIL style: zero lines accepted"; fail=1
elif [[ "$msg" != *"zero.xml:3"* ]]; then echo "FAIL zero-lines message: $msg"; fail=1; fi
# check --style reports the local style's departures as information, with their clause.
msg=$("$gongwen" check "$root/samples/notices/order-58.xml" --style local-30-29 2>/dev/null)
for want in "info: style 'local-30-29' sets the top margin (mm) to 30.00 (GB/T 9704: 37.00) [GB/T 9704 5.2.1]" \
            "sets lines per page to 23.00 (GB/T 9704: 22.00) [GB/T 9704 5.2.3]"; do
  [[ "$msg" == *"$want"* ]] || { echo "FAIL check --style: missing '$want' in:"; echo "$msg"; fail=1; }
done
msg=$("$gongwen" check "$root/samples/notices/order-58.xml" --style gbt9704-2012 2>/dev/null)
[[ "$msg" != *"info: style"* ]] || { echo "FAIL check --style: the national style departs from itself"; fail=1; }
[ $fail -eq 0 ] && echo "copies and styles: ok"
exit $fail
