#!/usr/bin/env bash
# Bad input: one-line error with file:line:col, exit code 1, and no output file left behind.
set -uo pipefail
gongwen=$1; root=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
fail=0
expect() {  # expect NAME EXPECTED-SUBSTRING -- command...
  local name=$1 want=$2; shift 3
  local msg rc
  msg=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -ne 1 ]; then echo "FAIL $name: exit $rc, want 1"; fail=1; fi
  if [[ "$msg" != *"$want"* ]]; then echo "FAIL $name: message lacks '$want':"; echo "$msg"; fail=1; fi
  if ls "$out"/*.pdf >/dev/null 2>&1 || ls "$out"/*.tmp-* >/dev/null 2>&1; then echo "FAIL $name: output left behind"; ls "$out"; fail=1; fi
  rm -f "$out"/*
}
printf '<?xml version="1.0" encoding="UTF-8"?>\n<notice>\n  <issuer>某部</issuer>\n  <title>通知<title>\n</notice>\n' > "$out/../gw-malformed.xml"
expect malformed "gw-malformed.xml:5:10: error: malformed XML" -- "$gongwen" render "$out/../gw-malformed.xml" -o "$out/x.pdf"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<notice>\n  <issuer>某部</issuer>\n  <colour>red</colour>\n</notice>\n' > "$out/../gw-unknown.xml"
expect unknown-element "gw-unknown.xml:4" -- "$gongwen" render "$out/../gw-unknown.xml" -o "$out/x.pdf"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<notice><issuer>某部</issuer><title>关于测试的通知</title><body><p>正文。</p></body><date>2022年2月30日</date></notice>\n' > "$out/../gw-date.xml"
expect impossible-date "2022年2月30日" -- "$gongwen" render "$out/../gw-date.xml" -o "$out/x.pdf"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<notice><issuer>某部</issuer><title>关于测试的通知</title><body><p>正文\xee\x80\x80。</p></body><date>2022年2月3日</date></notice>\n' > "$out/../gw-glyph.xml"
expect missing-glyph "U+E000" -- "$gongwen" render "$out/../gw-glyph.xml" -o "$out/x.pdf"
echo "not a font" > "$out/../gw-notafont.ttf"
expect bad-font "gw-notafont.ttf" -- "$gongwen" render "$root/samples/notices/order-58.xml" -o "$out/x.pdf" --font body="$out/../gw-notafont.ttf"
printf '<?xml version="1.0"?>\n<!DOCTYPE notice [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<notice><issuer>&x;</issuer></notice>\n' > "$out/../gw-xxe.xml"
expect external-entity "gw-xxe.xml" -- "$gongwen" render "$out/../gw-xxe.xml" -o "$out/x.pdf"
rm -f "$out"/../gw-*.xml "$out/../gw-notafont.ttf"
[ $fail -eq 0 ] && echo "bad input: all refused cleanly"
exit $fail
