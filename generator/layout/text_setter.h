// Setting text: code points -> glyphs with a face chosen per character along the role's font chain
// (a rare name character falls back to the next font that has it, issue 7), advances on the
// character grid (GB/T 9704 5.2.3: ideographs advance one grid character, Latin letters and digits
// their half-width font advance), then lines positioned, squeezed and justified.
#pragma once

#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "layout/laid_out.h"
#include "layout/page_grid.h"
#include "model/style.h"
#include "text/line_breaker.h"

namespace gw::layout {

// A stretch of text in one element role (e.g. a run-in heading "（一）" in heading-2, then body).
struct Run {
  std::string text;
  std::string role;  // element role in the style
  SourceLoc loc;
};

struct SetGlyph {
  char32_t cp = 0;
  int face = -1;
  double advance = 0;  // mm
};

class TextSetter {
 public:
  TextSetter(const fonts::FontSet& fonts, const model::Style& style, const PageGrid& grid)
      : fonts_(fonts), style_(style), grid_(grid) {}

  // Throws InputError naming the character, where it is and the fonts tried when no font of the
  // role's chain has it — never a blank box.
  std::vector<SetGlyph> shape(const std::vector<Run>& runs, double size_pt) const;
  std::vector<SetGlyph> shape(const std::string& text, const std::string& role, const SourceLoc& loc) const;
  static double width(const std::vector<SetGlyph>& g, size_t begin = 0, size_t end = SIZE_MAX);
  // The glyphs broken into lines (line breaker + 禁则): the first line first_mm wide, the rest rest_mm.
  static std::vector<text::BrokenLine> break_glyphs(const std::vector<SetGlyph>& g, double first_mm, double rest_mm);
  // Where each line of a title set in these glyphs starts: broken between words, balanced (7.3.1).
  static std::vector<size_t> balance_title(const std::vector<SetGlyph>& g, double width_mm);

  // A line of glyphs [begin, end) starting at x. When justify_to > 0 the inter-character gaps are
  // stretched (or shrunk) so the line ends exactly at x + justify_to; squeeze_mm is first taken out
  // of the blank halves of full-width punctuation (禁则 by squeezing).
  TextLine line(const std::vector<SetGlyph>& g, size_t begin, size_t end, const std::string& role, double x,
                double baseline, double justify_to = 0, double squeeze_mm = 0, double hscale = 1.0) const;

  const model::Style& style() const { return style_; }
  const PageGrid& grid() const { return grid_; }
  const fonts::FontSet& fonts() const { return fonts_; }
  double size_of(const std::string& role) const { return style_.element(role).size_pt; }

 private:
  const fonts::FontSet& fonts_;
  const model::Style& style_;
  const PageGrid& grid_;
};

}  // namespace gw::layout
