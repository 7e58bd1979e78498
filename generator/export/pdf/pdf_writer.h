// The PDF exporter: a laid-out document (pages of positioned glyphs and rules, in mm from the
// top-left) and the fonts it was laid out with -> the bytes of a PDF. Each face that is used is
// subset and embedded (CIDFontType2, Identity-H) with a ToUnicode map, so text can be searched and
// copied exactly as written. Deterministic by default: the same input gives the same bytes.
#pragma once

#include <string>

#include "fonts/font_set.h"
#include "layout/laid_out.h"

namespace gw::pdf {

struct PdfOptions {
  bool deterministic = true;  // no creation date, no random /ID: byte-identical output run to run
  bool compress = true;       // Flate-compress page contents, fonts and metadata
};

// Throws InputError for problems with the input (a glyph no face has, a character outside the
// Basic Multilingual Plane, a font libharu cannot embed), std::runtime_error for internal
// failures (libharu errors with their code and what was being done) and std::logic_error for a
// document without pages.
std::string write_pdf(const layout::Document& doc, const fonts::FontSet& fonts, const PdfOptions& opts = {});

}  // namespace gw::pdf
