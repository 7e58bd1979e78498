// A house style: every geometric and typographic value of a document kind, as data read from
// templates/styles/*.xml (template/ reads it). The defaults below are GB/T 9704-2012's own values;
// a local style overrides them. Layout and the DOCX writer take all measures from here.
#pragma once

#include <map>
#include <string>

#include "base/diagnostic.h"

namespace gw::model {

// CMYK, each 0..1. GB/T 9704 6.2: red is Y80% M80%.
struct Color {
  double c = 0, m = 0, y = 0, k = 1;
  static Color black() { return {0, 0, 0, 1}; }
  static Color red() { return {0, 0.8, 0.8, 0}; }
  bool operator==(const Color&) const = default;
  std::string hex_rgb() const;  // "FF3333" for DOCX
};

// How one element is set: which font role (a chain in the font map), size, colour.
struct ElementStyle {
  std::string font_role = "body";
  double size_pt = 16;  // 三号 (5.2.2)
  Color color = Color::black();
};

struct Style {
  std::string name = "gbt9704-2012";
  std::string source_file;

  // 5.1 / 5.2.1
  double page_width_mm = 210.0;
  double page_height_mm = 297.0;
  double top_margin_mm = 37.0;   // 天头
  double left_margin_mm = 28.0;  // 订口
  double block_width_mm = 156.0;
  double block_height_mm = 225.0;
  // 5.2.3
  int lines_per_page = 22;
  int chars_per_line = 28;
  // 0 = derived: block_height / lines_per_page. A local style may give a pitch in points instead.
  double line_pitch_pt = 0;

  // 7.2.4 / 10.1 / 10.2 / 10.3: issuer mark top edges
  double mark_top_from_block_mm = 35.0;      // 文件格式, 纪要格式
  double letter_mark_top_from_page_mm = 30.0;  // 信函格式
  double order_mark_top_from_block_mm = 20.0;  // 命令格式
  double red_line_gap_mm = 4.0;              // 7.2.7
  double red_line_width_mm = 0.5;            // not fixed by the standard; common practice
  double letter_line_length_mm = 170.0;      // 10.1
  double letter_bottom_line_from_page_bottom_mm = 20.0;  // 10.1
  // Long marks (issue 7): compress horizontally down to this scale, then reduce the size.
  double mark_min_hscale = 0.7;

  // 7.4.1
  double colophon_thick_mm = 0.35;
  double colophon_thin_mm = 0.25;

  // 7.5
  double page_number_gap_mm = 7.0;  // top edge of the dashes below the text block
  int page_number_indent_chars = 1;
  std::string page_number_form = "— {n} —";

  bool duplex = true;  // 6.2: 版记 on an even page, blank page inserted when needed

  // Element role -> typography. Roles: issuer-mark, doc-number, signer-label, signer-name, copy-number,
  // secrecy, urgency, title, recipients, body, heading-1, heading-2, heading-3, heading-4,
  // attachment-list, attachment-label, attachment-title, signature, date, note, minutes-label,
  // cc, printer, page-number, table.
  std::map<std::string, ElementStyle> elements;

  double line_pitch_mm() const;
  double char_pitch_mm() const { return block_width_mm / chars_per_line; }
  const ElementStyle& element(const std::string& role) const;  // falls back to "body"
  // Page n as printed: page_number_form with {n} replaced ("— 3 —").
  std::string page_number_text(int n) const;

  static Style gbt9704();  // the standard's values with the standard's typography
};

}  // namespace gw::model
