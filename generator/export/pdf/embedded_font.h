// Embedding one FontSet face in a libharu document. The font dictionaries are built here from
// libharu's object layer (dicts, arrays, streams) rather than by HPDF_LoadTTFontFromFile: libharu
// 2.3.0 would load the subset from a file, look every BMP code point up in it, rewrite the font
// table by table through byte-wise copies and deflate it at its fixed level — most of the PDF time,
// measured (callgrind: 36 % in its font code, 39 % in deflate). Here the HarfBuzz subset is embedded
// as it is, deflated once at the level asked for, and the character codes are ours: the document's
// i-th distinct character of a face is CID i + 1, mapped to its glyph by a CIDToGIDMap and back to
// its text by a ToUnicode CMap — one code per character, so text extraction is exact even when two
// characters share a glyph, and characters outside the BMP need nothing special. Private to export/pdf.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "export/pdf/flate.h"
#include "export/pdf/hpdf_session.h"
#include "fonts/font_set.h"

namespace gw::pdf {

struct EmbeddedFont {
  HPDF_Dict dict = nullptr;  // the Type 0 font dictionary, for page resources
  std::vector<int> widths;   // widths[i]: advance of CID i + 1 in 1/1000 em, as /W states it
};

// A face's font, subset and with its streams compressed, before it is put in a document: what a
// SharedFonts keeps to embed the same bytes in many documents.
struct FontParts {
  std::string path;            // the font file, for messages
  std::string base_font;       // TAG+PostScriptName
  fonts::EmbeddingSubset sub;  // metrics, glyph ids and widths; sub.sfnt is emptied once packed
  size_t sfnt_size = 0;        // /Length1: the font file's size before compression
  Deflate how = Deflate::kNone;
  std::string font_file, gid_map, to_unicode;  // stream data, compressed as `how` says
};

// cps: the distinct code points the document sets in this face, sorted; `how` compresses the font
// file, CIDToGIDMap and ToUnicode streams. Throws InputError naming the font file when it cannot be
// embedded (licence, missing glyph).
FontParts make_font_parts(const fonts::FontSet& fonts, int face, const std::u32string& cps, Deflate how);

// Adds the font dictionaries and streams of `parts` to the session's document. The streams read
// their data from `parts` when the document is saved: `parts` must live until then.
EmbeddedFont embed_font_parts(HpdfSession& session, const FontParts& parts);

// Appends a 2-byte code (a CID, or a UTF-16 unit) as four hex digits, as Identity-H text strings
// and CMaps write it.
void append_hex4(std::string& out, unsigned code);

// The ToUnicode CMap (PDF 1.7 §9.10.3): CID i + 1 stands for cps[i], written in UTF-16BE.
std::string to_unicode_cmap(const std::u32string& cps);

// The subset tag of /BaseFont (PDF 1.7 §9.6.4): six capital letters, the same for the same face and
// characters (so output is deterministic) and different for different subsets.
std::string subset_tag(const std::string& postscript_name, const std::u32string& cps);

}  // namespace gw::pdf
