#!/usr/bin/env bash
# Prints a fontconfig file under which LibreOffice finds each standard face name a gongwen DOCX asks
# for (仿宋_GB2312 …) as the family gongwen itself used for that role (`gongwen fonts`), as on an
# office machine where the standard faces are installed. The DOCX tests run soffice with
# FONTCONFIG_FILE pointing at it, so that they compare the DOCX and not a font substitution.
# usage: lo_fonts_conf.sh GONGWEN > fonts.conf
set -euo pipefail
"$1" fonts | python3 -c '
import re, sys
print("<?xml version=\"1.0\"?>\n<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>")
docx = None
for line in sys.stdin:
    m = re.match(r"^\S+\s+\(DOCX: (.+)\)$", line.rstrip())
    if m: docx = m.group(1); continue
    m = re.match(r"^\s+found\s+\S+\s+\[(.+?)\]", line)
    if m and docx:
        print(f"  <alias binding=\"same\"><family>{docx}</family><prefer><family>{m.group(1)}</family></prefer></alias>")
        docx = None
print("</fontconfig>")'
