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
  if ls "$out"/*.pdf >/dev/null 2>&1 || ls "$out"/*.docx >/dev/null 2>&1 || ls "$out"/*.tmp-* >/dev/null 2>&1; then echo "FAIL $name: output left behind"; ls "$out"; fail=1; fi
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

# Issue 3: what a style or font map asks for that DOCX cannot express is refused before any file is
# written (the PDF of a --format pdf,docx run included), naming the element, never written differently.
style() {  # style NAME CONTENT: a house style file
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<style name="%s">\n  %s\n</style>\n' "$1" "$2" > "$out/../gw-style-$1.xml"
}
notice=$root/samples/notices/sanpin-2022-156.xml
style size '<element role="body" size="15.75"/>'
expect docx-size '<element role="body" size="15.75">: DOCX font sizes are whole half points' -- \
  "$gongwen" render "$notice" -o "$out/x.pdf" --format pdf,docx --style "$out/../gw-style-size.xml"
style rule '<red-line width="5"/>'
expect docx-rule-width '<red-line width="5">: a DOCX rule is 0.09 to 4.2 mm' -- \
  "$gongwen" render "$notice" -o "$out/x.docx" --style "$out/../gw-style-rule.xml"
style thin '<colophon thin="0.05"/>'
expect docx-colophon-width '<colophon thin="0.05">' -- "$gongwen" render "$notice" -o "$out/x.docx" --style "$out/../gw-style-thin.xml"
style gap '<red-line gap="15"/>'
expect docx-red-gap '<red-line gap="15">: the DOCX red line' -- "$gongwen" render "$notice" -o "$out/x.docx" --style "$out/../gw-style-gap.xml"
style pn '<page-number gap="33"/>'
expect docx-page-number '<page-number gap="33">' -- "$gongwen" render "$notice" -o "$out/x.docx" --style "$out/../gw-style-pn.xml"
# A font role the map serves for the PDF but names no DOCX face for.
sed 's#<role name="page-number" docx-name="宋体">#<role name="extra"><font path="/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"/></role>\n  &#' \
  "$root/fonts/fonts.xml" > "$out/../gw-test-fonts.xml"
style role '<element role="title" font="extra"/>'
"$gongwen" render "$notice" -o "$out/ok.pdf" --fonts "$out/../gw-test-fonts.xml" --style "$out/../gw-style-role.xml" >/dev/null 2>&1 ||
  { echo "FAIL docx-font-role: the PDF with the extra font role was refused"; fail=1; }
rm -f "$out"/*
expect docx-font-role "font=\"extra\">: the font map names no DOCX face for the font role 'extra'" -- \
  "$gongwen" render "$notice" -o "$out/x.pdf" --format pdf,docx --fonts "$out/../gw-test-fonts.xml" --style "$out/../gw-style-role.xml"
rm -f "$out/../gw-test-fonts.xml"
expect docx-form-size '<element role="body" size="15.75">' -- \
  "$gongwen" form attachment5 "$root/samples/forms/province.xlsx" -o "$out/a5.pdf" --format pdf,docx --style "$out/../gw-style-size.xml"
expect docx-copies "--copies numbers each copy's 份号" -- "$gongwen" render "$notice" -o "$out/x.pdf" --format pdf,docx --copies 3
expect split-without-copies "--split splits the numbered copies" -- "$gongwen" render "$notice" -o "$out/x.pdf" --split

rm -f "$out"/../gw-*.xml "$out/../gw-notafont.ttf"
[ $fail -eq 0 ] && echo "bad input: all refused cleanly"
exit $fail
