// See embedded_font.h. The objects (PDF 1.7 §9.7.4–9.7.6, §9.8, §9.10.3):
//   Type0 font  /BaseFont TAG+Name /Encoding /Identity-H /DescendantFonts [CIDFont] /ToUnicode stream
//   CIDFont     /Subtype /CIDFontType2 /CIDSystemInfo (Adobe, Identity, 0) /W [1 [w…]] /CIDToGIDMap stream
//   descriptor  /Flags 4 (symbolic: CJK is outside the standard Latin set) … /FontFile2 stream
#include "export/pdf/embedded_font.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>

#include "base/diagnostic.h"
#include "export/pdf/flate.h"
#include "export/pdf/stream_data.h"

namespace gw::pdf {
namespace {

// A stream object reading `bytes`, which are already compressed as `how` says (not copied: the
// FontParts live until the document is saved).
HPDF_Dict new_stream(HPDF_Doc doc, const std::string& bytes, Deflate how) {
  HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (s) use_stream_data(s, bytes, how != Deflate::kNone);
  return s;
}

HPDF_Dict new_indirect_dict(HPDF_Doc doc) {
  HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
  if (d && HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return nullptr;  // Xref_Add frees it on failure
  return d;
}

}  // namespace

void append_hex4(std::string& out, unsigned code) {
  static const char kDigits[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(code >> shift) & 0xF];
}

std::string to_unicode_cmap(const std::u32string& cps) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per bfchar block (§9.10.3). The destination is UTF-16BE: a character
  // outside the BMP is its surrogate pair.
  for (size_t i = 0; i < cps.size(); i += 100) {
    const size_t n = std::min<size_t>(100, cps.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      out += '<';
      append_hex4(out, static_cast<unsigned>(k + 1));
      out += "> <";
      const char32_t cp = cps[k];
      if (cp >= 0x10000) {
        append_hex4(out, 0xD800 + ((cp - 0x10000) >> 10));
        append_hex4(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        append_hex4(out, static_cast<unsigned>(cp));
      }
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

std::string subset_tag(const std::string& postscript_name, const std::u32string& cps) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  auto mix = [&h](uint64_t v) {
    for (int i = 0; i < 4; ++i) {
      h ^= (v >> (8 * i)) & 0xFF;
      h *= 0x100000001b3ULL;
    }
  };
  for (char c : postscript_name) mix(static_cast<unsigned char>(c));
  for (char32_t cp : cps) mix(cp);
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

FontParts make_font_parts(const fonts::FontSet& fonts, int face, const std::u32string& cps, Deflate how) {
  if (cps.empty() || cps.size() > 0xFFFE) throw std::logic_error("make_font_parts: 1–65,534 characters per face");
  FontParts p;
  p.path = fonts.path(face);
  p.sub = fonts.subset_for_embedding(face, cps);
  p.base_font = subset_tag(p.sub.postscript_name, cps) + "+" + p.sub.postscript_name;
  p.how = how;
  p.sfnt_size = p.sub.sfnt.size();
  p.font_file = compressed(std::move(p.sub.sfnt), how);
  p.sub.sfnt = std::string();
  // CID i + 1 → glyph of cps[i]; CID 0 stays .notdef.
  std::string gid_map(2 * (cps.size() + 1), '\0');
  for (size_t i = 0; i < cps.size(); ++i) {
    gid_map[2 * (i + 1)] = static_cast<char>(p.sub.glyphs[i] >> 8);
    gid_map[2 * (i + 1) + 1] = static_cast<char>(p.sub.glyphs[i] & 0xFF);
  }
  p.gid_map = compressed(std::move(gid_map), how);
  p.to_unicode = compressed(to_unicode_cmap(cps), how);
  return p;
}

EmbeddedFont embed_font_parts(HpdfSession& session, const FontParts& parts) {
  const fonts::EmbeddingSubset& sub = parts.sub;
  HPDF_Doc doc = session.doc();
  HPDF_MMgr mmgr = doc->mmgr;
  const std::string& base_font = parts.base_font;
  const std::string what = "the font dictionaries of '" + parts.path + "'";
  const Deflate how = parts.how;

  HPDF_Dict file = new_stream(doc, parts.font_file, how);
  session.check("embedding " + what);
  HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(parts.sfnt_size));

  HPDF_Dict descriptor = new_indirect_dict(doc);
  session.check("creating " + what);
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags", 4);
  HPDF_Dict_Add(descriptor, "FontBBox",
                HPDF_Box_Array_New(mmgr, HPDF_Box{static_cast<HPDF_REAL>(sub.bbox[0]), static_cast<HPDF_REAL>(sub.bbox[1]),
                                                  static_cast<HPDF_REAL>(sub.bbox[2]), static_cast<HPDF_REAL>(sub.bbox[3])}));
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(sub.italic_angle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", sub.ascent);
  HPDF_Dict_AddNumber(descriptor, "Descent", sub.descent);
  HPDF_Dict_AddNumber(descriptor, "CapHeight", sub.cap_height);
  HPDF_Dict_AddNumber(descriptor, "StemV", 80);  // required, unused by TrueType rasterisers
  HPDF_Dict_Add(descriptor, "FontFile2", file);
  session.check("creating " + what);

  HPDF_Dict cid_font = new_indirect_dict(doc);
  session.check("creating " + what);
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str());
  HPDF_Dict system_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  // /DW is the commonest width (a CJK face: 1000, the full em) and /W lists only the others, as
  // runs "first [w w …]" of consecutive CIDs — font dictionaries are not compressed.
  std::map<int, size_t> width_counts;
  for (int width : sub.widths) ++width_counts[width];
  const int dw = std::max_element(width_counts.begin(), width_counts.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  HPDF_Dict_AddNumber(cid_font, "DW", dw);
  HPDF_Array w = HPDF_Array_New(mmgr);
  HPDF_Array run = nullptr;
  for (size_t i = 0; i < sub.widths.size(); ++i) {
    if (sub.widths[i] == dw) {
      run = nullptr;
      continue;
    }
    if (!run) {
      HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(i + 1));
      run = HPDF_Array_New(mmgr);
      HPDF_Array_Add(w, run);
    }
    HPDF_Array_AddNumber(run, sub.widths[i]);
  }
  HPDF_Dict_Add(cid_font, "W", w);
  HPDF_Dict_Add(cid_font, "CIDToGIDMap", new_stream(doc, parts.gid_map, how));
  session.check("creating " + what);

  HPDF_Dict font = new_indirect_dict(doc);
  session.check("creating " + what);
  HPDF_Dict_AddName(font, "Type", "Font");
  HPDF_Dict_AddName(font, "Subtype", "Type0");
  HPDF_Dict_AddName(font, "BaseFont", base_font.c_str());
  HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(font, "DescendantFonts", descendants);
  HPDF_Array_Add(descendants, cid_font);
  HPDF_Dict_Add(font, "ToUnicode", new_stream(doc, parts.to_unicode, how));
  session.check("creating " + what);
  return EmbeddedFont{font, sub.widths};
}

}  // namespace gw::pdf
