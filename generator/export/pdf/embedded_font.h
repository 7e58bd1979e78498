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

// cps: the distinct code points the document sets in this face, all in the BMP (libharu 2.3.0's
// UTF-8 encoder uses the code point as a 16-bit CID). Throws InputError naming the font file when
// libharu refuses the font.
HPDF_Font embed_face(HpdfSession& session, const fonts::FontSet& fonts, int face, const std::u32string& cps);

// The ToUnicode CMap for a font whose CIDs are the code points themselves.
std::string identity_to_unicode_cmap(const std::u32string& cps);

}  // namespace gw::pdf
