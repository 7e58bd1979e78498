// Embedding one FontSet face in a libharu document: subset it to the characters used, hand the
// subset to libharu (which in 2.3.0 loads TrueType only from a file), and replace the ToUnicode
// CMap libharu writes — its UTF-8 mode emits `begincidrange` where a ToUnicode needs `bfchar`,
// which poppler warns about and other extractors ignore — with a correct one. Private to export/pdf.
#pragma once

#include <hpdf.h>

#include <string>

#include "export/pdf/hpdf_session.h"
#include "fonts/font_set.h"

namespace gw::pdf {

// cps: the distinct code points the document sets in this face, sorted, all in the BMP (libharu
// 2.3.0's UTF-8 encoder uses the code point as a 16-bit CID). With `first` = 0 the text is written
// with the characters' own code points; otherwise cps[i] is written as first + i (private use) and
// the embedded subset's cmap has that one range — libharu looks every BMP code point up in the cmap
// when it builds the CIDToGIDMap, and one range makes that 65,536 steps instead of 65,536 walks over
// hundreds of segments (most of the PDF time, measured). The ToUnicode map gives the real text back.
// Throws InputError naming the font file when libharu refuses the font.
HPDF_Font embed_face(HpdfSession& session, const fonts::FontSet& fonts, int face, const std::u32string& cps,
                     char32_t first = 0);

// The ToUnicode CMap: code first + i (or cps[i] itself when first = 0) stands for cps[i].
std::string to_unicode_cmap(const std::u32string& cps, char32_t first = 0);

}  // namespace gw::pdf
