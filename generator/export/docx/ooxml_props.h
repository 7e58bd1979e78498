// Paragraph and run properties as plain structs, written in the order wml.xsd's sequences demand
// (CT_PPrBase, EG_RPrBase). Word refuses a part whose children are out of schema order even where
// LibreOffice accepts it, so no other code writes w:pPr or w:rPr children by hand: everything goes
// through write_ppr / write_rpr, whose field order is the schema's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "export/docx/xml_writer.h"

namespace gw::docx {

// OOXML units. Twips = 1/20 pt; border widths in 1/8 pt; font sizes in half-points; chars in 1/100 char.
int mm_to_twips(double mm);
int pt_to_twips(double pt);
int pt_to_half_points(double pt);
int mm_to_eighth_points(double mm);
int chars_to_hundredths(double chars);

// Width of a text in characters: CJK and full-width forms count 1, ASCII (digits in dates) ½.
double text_width_chars(std::string_view utf8);

struct Border {
  std::string val = "single";  // ST_Border: single, thick, double, thinThickSmallGap, thickThinSmallGap …
  int size_eighth_pt = 4;      // w:sz, 2..96
  int space_pt = 0;            // w:space, distance from the text, 0..31 pt
  std::string color = "000000";
};

// w:framePr: a paragraph positioned on the page (used for the letter-format head, 10.1).
struct Frame {
  int width_twips = 0;          // 0 = auto
  std::string wrap = "notBeside";
  std::string h_anchor = "margin", v_anchor = "margin";
  std::string x_align;          // "center", "left" … or empty for x_twips
  int x_twips = 0;
  std::string y_align;          // "top", "bottom" … or empty for y_twips
  int y_twips = 0;
};

struct TabStop {
  std::string val = "right";  // ST_TabJc: left, center, right …
  int pos_twips = 0;
};

struct ParaProps {
  std::string style;                 // w:pStyle (style id)
  bool keep_next = false;
  bool keep_lines = false;
  bool page_break_before = false;
  std::optional<Frame> frame;
  std::optional<bool> widow_control;
  std::optional<Border> border_top, border_bottom;
  std::vector<TabStop> tabs;
  std::optional<bool> overflow_punct;  // w:overflowPunct: punctuation may hang past the line's end
  std::optional<bool> auto_space;    // w:autoSpaceDE + w:autoSpaceDN (extra space between CJK and Latin/digits)
  std::optional<bool> snap_to_grid;
  // w:spacing
  std::optional<int> space_before_twips, space_after_twips;
  std::optional<int> line_twips;     // with line_rule
  std::string line_rule;             // "exact", "atLeast", "auto"
  // w:ind: in hundredths of a character (the grid's character pitch) or in twips.
  std::optional<int> left_chars, right_chars, first_line_chars, hanging_chars;
  std::optional<int> left_twips, right_twips, first_line_twips, hanging_twips;
  std::string jc;                    // left, center, right, both, distribute
  std::optional<int> outline_level;  // 0-based
  bool empty() const;
};

struct RunProps {
  std::string style;                 // w:rStyle
  std::string font_east_asia;        // w:rFonts eastAsia
  std::string font_latin;            // w:rFonts ascii + hAnsi
  std::string hint;                  // w:rFonts hint, e.g. "eastAsia"
  std::optional<bool> bold;
  std::string color;                 // RRGGBB
  std::optional<int> hscale_percent; // w:w, horizontal scaling 1..600
  std::optional<int> size_half_pt;   // w:sz + w:szCs
  std::string lang_east_asia;        // w:lang eastAsia
  bool empty() const;
};

// Sets each twips indent from its *Chars twin where only the latter is given. Word prefers the
// character units; LibreOffice 7.4 reads only w:firstLineChars, so the others need the twips too.
void fill_twips_from_chars(ParaProps& p, double char_pitch_twips);

void write_ppr(XmlWriter& w, const ParaProps& p);
void write_rpr(XmlWriter& w, const RunProps& r);  // nothing when r.empty()
void write_border(XmlWriter& w, const char* name, const Border& b);

}  // namespace gw::docx
