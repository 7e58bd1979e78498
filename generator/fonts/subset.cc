// Subsetting for embedding: hb-subset cuts a face down to the characters a document uses, so a
// three-page notice embeds a few hundred glyphs instead of a 5–15 MB CJK font. The PDF writer embeds
// the subset file as it is (FontFile2) and reaches glyphs through its own CIDToGIDMap, so glyph ids
// may be renumbered and the subset's cmap is not used by viewers; the tables a TrueType rasteriser
// needs (head hhea hmtx loca glyf maxp, plus name/OS/2/post) are kept. Hinting (cvt/fpgm/prep and
// glyph instructions) is dropped.
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "base/diagnostic.h"
#include "base/utf8.h"
#include "fonts/face.h"

namespace gw::fonts {
namespace {

struct InputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};

// Tables the PDF never uses: shaping (we place glyphs ourselves), vertical metrics (公文 are
// horizontal), bitmaps, AAT. Dropping them keeps the subset — and the closure — small: GSUB would
// otherwise pull in every vertical-form and ligature glyph reachable from the used characters.
constexpr hb_tag_t kDropTables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
    HB_TAG('J', 'S', 'T', 'F'), HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('m', 'o', 'r', 't'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('k', 'e', 'r', 'x'), HB_TAG('k', 'e', 'r', 'n'),
    HB_TAG('E', 'B', 'D', 'T'), HB_TAG('E', 'B', 'L', 'C'), HB_TAG('E', 'B', 'S', 'C'), HB_TAG('D', 'S', 'I', 'G'),
    HB_TAG('F', 'F', 'T', 'M'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('h', 'd', 'm', 'x'),
    HB_TAG('M', 'A', 'T', 'H')};

std::string blob_bytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", len);
}

}  // namespace

namespace {

HbFacePtr subset_hb_face(const Face& face, hb_face_t* source, const std::u32string& cps) {
  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) throw std::bad_alloc();
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : cps) hb_set_add(unicodes, cp);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : kDropTables) hb_set_add(drop, tag);
  // Keep the .notdef outline (a visible box beats nothing). Drop TrueType hinting: PDF viewers
  // rasterise with their own (auto)hinting or none, printers ignore it, and the arphic fonts'
  // instructions are ~20 % of their glyph data (measured: 600 glyphs of gbsn00lp, 178 KB -> 145 KB
  // deflated).
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING);

  HbFacePtr out(hb_subset_or_fail(source, input.get()));
  if (!out)
    throw InputError(SourceLoc{face.path, 0, 0}, "HarfBuzz could not subset font '" + face.path + "' (face " +
                                                     std::to_string(face.face_index) + ") for embedding",
                     "the font file may be damaged; choose another file with --font ROLE=PATH");
  return out;
}

// A big-endian field of a table, 0 when the table is too short.
int be16(hb_blob_t* table, unsigned offset, bool is_signed) {
  unsigned len = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(hb_blob_get_data(table, &len));
  if (!p || offset + 2 > len) return 0;
  const unsigned v = (static_cast<unsigned>(p[offset]) << 8) | p[offset + 1];
  return is_signed && v >= 0x8000 ? static_cast<int>(v) - 0x10000 : static_cast<int>(v);
}

// PostScript names are printable ASCII without PDF delimiters (PDF 1.7 §9.6.2.1 wants them as the
// /BaseFont); a CJK font's name table may lack one, so fall back to a name built from the family.
std::string postscript_name(hb_face_t* face, const std::string& family, int face_index) {
  char buf[128];
  unsigned len = sizeof buf;
  std::string raw;
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, buf) > 0) raw.assign(buf, len);
  std::string out;
  for (char c : raw.empty() ? family : raw)
    if (c > 0x20 && c < 0x7F && !std::strchr("()<>[]{}/%#", c)) out += c;
  if (out.empty()) out = "Font" + std::to_string(face_index);
  return out.substr(0, 63);
}

}  // namespace

EmbeddingSubset subset_face_for_embedding(const Face& face, hb_face_t* source, const std::u32string& cps) {
  const std::string what = "font '" + face.path + "'" + (face.face_index ? " (face " + std::to_string(face.face_index) + ")" : "");
  // OS/2 fsType (OpenType spec, OS/2 table): 0x0002 alone = Restricted License embedding; 0x0200 =
  // bitmap embedding only, and a subset of outlines is what we embed.
  BlobPtr os2(hb_face_reference_table(face.face.get(), HB_TAG('O', 'S', '/', '2')));
  const int fs_type = be16(os2.get(), 8, false);
  if ((fs_type & 0x000F) == 0x0002 || (fs_type & 0x0200))
    throw InputError(SourceLoc{face.path, 0, 0}, "cannot embed " + what + " in the PDF: the font's licence forbids embedding (OS/2 fsType " + std::to_string(fs_type) + ")",
                     "choose another file for this role with --font ROLE=PATH");

  EmbeddingSubset e;
  BlobPtr bytes(hb_face_reference_blob(subset_hb_face(face, source, cps).get()));
  e.sfnt = blob_bytes(bytes.get());
  // The subset's glyph ids (hb-subset renumbers them), read back through its own cmap.
  HbFacePtr sub(hb_face_create(bytes.get(), 0));
  HbFontPtr font(hb_font_create(sub.get()));
  const unsigned upem = hb_face_get_upem(sub.get());
  hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));
  auto per_mille = [upem](double units) { return static_cast<int>(std::lround(units * 1000.0 / upem)); };
  for (char32_t cp : cps) {
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font.get(), cp, &gid) || gid == 0)
      throw InputError(SourceLoc{face.path, 0, 0}, what + " has no glyph for character " + code_point_name(cp) + " '" + to_utf8(cp) + "'",
                       "install a font that has it and add it to the role's chain in fonts/fonts.xml");
    e.glyphs.push_back(gid);
    e.widths.push_back(per_mille(hb_font_get_glyph_h_advance(font.get(), gid)));
  }
  e.postscript_name = postscript_name(face.face.get(), face.family, face.face_index);
  BlobPtr head(hb_face_reference_table(face.face.get(), HB_TAG('h', 'e', 'a', 'd')));
  for (int i = 0; i < 4; ++i) e.bbox[i] = per_mille(be16(head.get(), 36 + 2 * static_cast<unsigned>(i), true));
  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v) && v > 0) e.ascent = per_mille(v);
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) e.descent = per_mille(v);
  e.cap_height = hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &v) && v > 0 ? per_mille(v) : e.ascent;
  e.italic_angle = hb_style_get_value(font.get(), HB_STYLE_TAG_SLANT_ANGLE);
  return e;
}

}  // namespace gw::fonts
