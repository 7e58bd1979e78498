// The result of layout: pages of positioned lines and rules, in millimetres from the top-left corner
// of the page. This is all the PDF writer sees (it never sees the model), and it is what the layout
// dump (`--dump-layout`) prints, so golden tests read it.
#pragma once

#include <string>
#include <vector>

#include "model/style.h"

namespace gw::layout {

using model::Color;

struct Glyph {
  char32_t cp = 0;
  int face = -1;      // fonts::FontSet face id (per-character fallback, issue 7)
  double x_mm = 0;    // left edge of the glyph's advance box, from the page's left edge
  double advance_mm = 0;
};

// One line of text, set in one size and colour. Glyphs may come from several faces of the chain.
struct TextLine {
  std::string role;        // element role: "title", "body", "issuer-mark", "page-number", …
  std::string font_role;   // font map role
  double size_pt = 16;
  Color color = Color::black();
  double x_mm = 0;         // left edge of the line box
  double top_mm = 0;       // top edge of the line's em box
  double baseline_mm = 0;
  double width_mm = 0;     // width of the set text (after justification)
  double hscale = 1.0;     // horizontal scaling (long issuer marks), 1 = none
  std::vector<Glyph> glyphs;
  std::string text;        // UTF-8, what pdftotext should give back for this line
};

// A straight rule from (x1, y1) to (x2, y2), given by its centre line: horizontal for the red line
// and the 版记 lines, vertical too for table borders.
struct Rule {
  std::string role;        // "red-line", "letter-top-thick", "colophon-thick", "table", …
  double x1_mm = 0, y1_mm = 0, x2_mm = 0, y2_mm = 0;
  double thickness_mm = 0.35;
  Color color = Color::black();
};

struct Page {
  double width_mm = 210, height_mm = 297;
  int number = 0;          // the printed page number, 0 = none shown
  bool blank = false;      // inserted so the 版记 lands on an even page (7.5)
  std::vector<TextLine> lines;
  std::vector<Rule> rules;
};

struct Document {
  std::vector<Page> pages;
  // Document properties.
  std::string title, author, subject, keywords;
};

// The layout dump: JSON, one object per line box and rule, coordinates in mm rounded to 0.01.
std::string dump_json(const Document& doc);

}  // namespace gw::layout
