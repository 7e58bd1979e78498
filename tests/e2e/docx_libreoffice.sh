#!/usr/bin/env bash
# Issue 3, "verified with real clients": every sample notice is rendered with
# `render --format pdf,docx`; each DOCX part must validate against the ECMA-376 schemas; LibreOffice
# (headless, private profile) converts the DOCX to PDF and that PDF must match gongwen's own: same
# page count, same text on every page (pdftotext -layout, whitespace removed), the issuer mark red on page 1.
# A DOCX that LibreOffice refuses ("source file could not be loaded", no PDF) or reports repairing
# fails. Skipped (exit 77) when soffice is missing.
#
# Fonts: the DOCX names the standard faces (仿宋_GB2312 …) and the PDF embeds whatever file served
# each role on this machine. A private fontconfig file makes LibreOffice find each standard face
# name as the family gongwen used for that role (`gongwen fonts`), as on an office machine where the
# standard faces are installed; without it LibreOffice substitutes faces of other widths and the
# comparison would measure the substitution, not the DOCX.
# usage: docx_libreoffice.sh GONGWEN SOURCE_ROOT [SAMPLE.xml ...]; GW_KEEP_TMP=1 keeps the work folder.
set -euo pipefail
gongwen=$1; root=$2; shift 2
command -v soffice >/dev/null || { echo "SKIPPED: soffice not found"; exit 77; }
dir=$(mktemp -d /tmp/gw-docx-lo-XXXXXX)
if [ -z "${GW_KEEP_TMP:-}" ]; then trap 'rm -rf "$dir"' EXIT; else echo "work folder: $dir"; fi
samples=("$@")
[ ${#samples[@]} -gt 0 ] || samples=("$root"/samples/notices/*.xml)

# One alias per role: the DOCX face name -> the family of the first file found for the role.
bash "$root/tests/e2e/lo_fonts_conf.sh" "$gongwen" > "$dir/fonts.conf"

mkdir -p "$dir/lo"
for f in "${samples[@]}"; do
  "$gongwen" render "$f" -o "$dir/$(basename "$f" .xml).pdf" --format pdf,docx >/dev/null
done
# One soffice run for all files: starting LibreOffice costs more than converting.
( cd "$dir" && FONTCONFIG_FILE="$dir/fonts.conf" HOME="$dir/home" timeout 600 soffice \
    -env:UserInstallation=file://"$dir"/lo-profile --headless --norestore \
    --convert-to pdf --outdir "$dir/lo" ./*.docx ) >"$dir/soffice.log" 2>&1 || true
python3 "$root/tests/e2e/docx_compare.py" "$root" "$dir" "$dir/soffice.log"
