// Subsetting for embedding: hb-subset cuts a face down to the characters a document uses, so a
// three-page notice embeds a few hundred glyphs instead of a 5–15 MB CJK font. The result has to be
// a TrueType file libharu 2.3.0 can load and re-embed: it reads cmap/head/hhea/hmtx/loca/glyf/maxp/
// name/OS/2/post, which hb-subset keeps (name ids 0–6 by default, including the PostScript name
// libharu uses for /BaseFont). Hinting (cvt/fpgm/prep and glyph instructions) is dropped; libharu
// writes those tables empty when a font lacks them, as LXGW WenKai always does. Glyph ids are
// renumbered; that is fine because libharu maps characters to glyphs through the subset's cmap.
#include <hb-subset.h>
#include <hb.h>

#include <stdexcept>
#include <vector>

#include "base/diagnostic.h"
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

HbFacePtr subset_hb_face(const Face& face, const std::u32string& cps) {
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

  HbFacePtr out(hb_subset_or_fail(face.face.get(), input.get()));
  if (!out)
    throw InputError(SourceLoc{face.path, 0, 0}, "HarfBuzz could not subset font '" + face.path + "' (face " +
                                                     std::to_string(face.face_index) + ") for embedding",
                     "the font file may be damaged; choose another file with --font ROLE=PATH");
  return out;
}

void put16(std::string& s, unsigned v) {
  s += static_cast<char>((v >> 8) & 0xFF);
  s += static_cast<char>(v & 0xFF);
}

// A cmap with one (3,1) format 4 subtable: the segment [first, first + n) through a glyph id array,
// then the required 0xFFFF segment (OpenType cmap, format 4).
std::string one_range_cmap(const std::vector<unsigned>& gids, char32_t first) {
  const unsigned n = static_cast<unsigned>(gids.size());
  const unsigned seg_count = 2, length = 16 + 8 * seg_count + 2 * n;
  std::string t;
  put16(t, 0);  // cmap version
  put16(t, 1);  // one encoding record
  put16(t, 3);  // Windows
  put16(t, 1);  // Unicode BMP
  put16(t, 0);
  put16(t, 12);  // offset of the subtable (32 bits)
  put16(t, 4);   // format 4
  put16(t, length);
  put16(t, 0);  // language
  put16(t, 2 * seg_count);
  put16(t, 4);  // searchRange = 2 × 2^floor(log2 segCount)
  put16(t, 1);  // entrySelector
  put16(t, 0);  // rangeShift
  put16(t, static_cast<unsigned>(first + n - 1));  // endCode
  put16(t, 0xFFFF);
  put16(t, 0);  // reservedPad
  put16(t, static_cast<unsigned>(first));  // startCode
  put16(t, 0xFFFF);
  put16(t, 0);  // idDelta
  put16(t, 1);
  put16(t, 2 * seg_count);  // idRangeOffset: from this field to glyphIdArray[0]
  put16(t, 0);
  for (unsigned g : gids) put16(t, g);
  return t;
}

}  // namespace

std::string subset_face(const Face& face, const std::u32string& cps) {
  HbFacePtr out = subset_hb_face(face, cps);
  BlobPtr blob(hb_face_reference_blob(out.get()));
  return blob_bytes(blob.get());
}

std::string subset_face_renumbered(const Face& face, const std::u32string& cps, char32_t first) {
  if (cps.empty() || first + cps.size() - 1 >= 0xFFFF) throw std::logic_error("subset_face_renumbered: range out of the BMP");
  // Through the bytes: a face hb-subset returns is a builder that cannot list its tables.
  BlobPtr sub_bytes(hb_face_reference_blob(subset_hb_face(face, cps).get()));
  HbFacePtr sub(hb_face_create(sub_bytes.get(), 0));
  // The subset's own glyph ids for the characters, read through its (original) cmap.
  std::vector<unsigned> gids;
  {
    hb_font_t* font = hb_font_create(sub.get());
    for (char32_t cp : cps) {
      hb_codepoint_t gid = 0;
      hb_font_get_nominal_glyph(font, cp, &gid);
      gids.push_back(gid);
    }
    hb_font_destroy(font);
  }
  // Every table as hb-subset made it, the cmap replaced.
  HbFacePtr builder(hb_face_builder_create());
  const std::string cmap = one_range_cmap(gids, first);
  hb_tag_t tags[64];
  unsigned count = 64, start = 0;
  for (;;) {
    count = 64;
    const unsigned total = hb_face_get_table_tags(sub.get(), start, &count, tags);
    for (unsigned i = 0; i < count; ++i) {
      if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
      BlobPtr table(hb_face_reference_table(sub.get(), tags[i]));
      hb_face_builder_add_table(builder.get(), tags[i], table.get());
    }
    start += count;
    if (count == 0 || start >= total) break;
  }
  BlobPtr cmap_blob(hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()), HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
  hb_face_builder_add_table(builder.get(), HB_TAG('c', 'm', 'a', 'p'), cmap_blob.get());
  BlobPtr blob(hb_face_reference_blob(builder.get()));
  return blob_bytes(blob.get());
}

}  // namespace gw::fonts
