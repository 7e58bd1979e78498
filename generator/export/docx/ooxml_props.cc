// Schema-ordered writers for w:pPr and w:rPr; see ooxml_props.h.
#include "export/docx/ooxml_props.h"

#include <algorithm>
#include <cmath>

#include "base/utf8.h"

namespace gw::docx {

int mm_to_twips(double mm) { return static_cast<int>(std::lround(mm * 1440.0 / 25.4)); }
int pt_to_twips(double pt) { return static_cast<int>(std::lround(pt * 20.0)); }
int pt_to_half_points(double pt) { return static_cast<int>(std::lround(pt * 2.0)); }
int mm_to_eighth_points(double mm) {
  // ST_EighthPointMeasure for borders: Word accepts 2..96.
  return std::clamp(static_cast<int>(std::lround(mm * 72.0 / 25.4 * 8.0)), 2, 96);
}
int chars_to_hundredths(double chars) { return static_cast<int>(std::lround(chars * 100.0)); }

double text_width_chars(std::string_view utf8) {
  double w = 0;
  for (char32_t c : to_u32(utf8)) w += c < 0x80 ? 0.5 : 1.0;
  return w;
}

bool ParaProps::empty() const {
  return style.empty() && !keep_next && !keep_lines && !page_break_before && !frame && !widow_control &&
         !border_top && !border_bottom && tabs.empty() && !overflow_punct && !auto_space && !snap_to_grid && !space_before_twips &&
         !space_after_twips && !line_twips && !left_chars && !right_chars && !first_line_chars &&
         !hanging_chars && !left_twips && !right_twips && !first_line_twips && !hanging_twips && jc.empty() &&
         !outline_level;
}

bool RunProps::empty() const {
  return style.empty() && font_east_asia.empty() && font_latin.empty() && hint.empty() && !bold &&
         color.empty() && !hscale_percent && !size_half_pt && lang_east_asia.empty();
}

void fill_twips_from_chars(ParaProps& p, double pitch) {
  auto fill = [&](const std::optional<int>& chars, std::optional<int>& twips) {
    if (chars && !twips) twips = static_cast<int>(std::lround(*chars / 100.0 * pitch));
  };
  fill(p.left_chars, p.left_twips);
  fill(p.right_chars, p.right_twips);
  fill(p.first_line_chars, p.first_line_twips);
  fill(p.hanging_chars, p.hanging_twips);
}

void write_border(XmlWriter& w, const char* name, const Border& b) {
  w.start(name);
  w.attr("w:val", b.val);
  w.attr("w:color", b.color);
  w.attr("w:sz", b.size_eighth_pt);
  w.attr("w:space", b.space_pt);
  w.end();
}

static void on_off(XmlWriter& w, const char* name, bool v) {
  if (v) {
    w.empty(name);
  } else {
    w.val(name, "0");
  }
}

void write_ppr(XmlWriter& w, const ParaProps& p) {
  if (p.empty()) return;
  w.start("w:pPr");
  // CT_PPrBase sequence order.
  if (!p.style.empty()) w.val("w:pStyle", p.style);
  if (p.keep_next) w.empty("w:keepNext");
  if (p.keep_lines) w.empty("w:keepLines");
  if (p.page_break_before) w.empty("w:pageBreakBefore");
  if (p.frame) {
    const Frame& f = *p.frame;
    w.start("w:framePr");
    if (f.width_twips > 0) w.attr("w:w", f.width_twips);
    w.attr("w:wrap", f.wrap);
    w.attr("w:hAnchor", f.h_anchor);
    w.attr("w:vAnchor", f.v_anchor);
    if (f.x_align.empty()) {
      w.attr("w:x", f.x_twips);
    } else {
      w.attr("w:xAlign", f.x_align);
    }
    if (f.y_align.empty()) {
      w.attr("w:y", f.y_twips);
    } else {
      w.attr("w:yAlign", f.y_align);
    }
    w.end();
  }
  if (p.widow_control) on_off(w, "w:widowControl", *p.widow_control);
  if (p.border_top || p.border_bottom) {
    w.start("w:pBdr");  // CT_PBdr: top, left, bottom, right, between, bar
    if (p.border_top) write_border(w, "w:top", *p.border_top);
    if (p.border_bottom) write_border(w, "w:bottom", *p.border_bottom);
    w.end();
  }
  if (!p.tabs.empty()) {
    w.start("w:tabs");
    for (const auto& t : p.tabs) {
      w.start("w:tab");
      w.attr("w:val", t.val);
      w.attr("w:pos", t.pos_twips);
      w.end();
    }
    w.end();
  }
  if (p.overflow_punct) on_off(w, "w:overflowPunct", *p.overflow_punct);
  if (p.auto_space) {
    on_off(w, "w:autoSpaceDE", *p.auto_space);
    on_off(w, "w:autoSpaceDN", *p.auto_space);
  }
  if (p.snap_to_grid) on_off(w, "w:snapToGrid", *p.snap_to_grid);
  if (p.space_before_twips || p.space_after_twips || p.line_twips) {
    w.start("w:spacing");
    if (p.space_before_twips) w.attr("w:before", std::max(0, *p.space_before_twips));
    if (p.space_after_twips) w.attr("w:after", std::max(0, *p.space_after_twips));
    if (p.line_twips) {
      w.attr("w:line", *p.line_twips);
      w.attr("w:lineRule", p.line_rule.empty() ? "exact" : p.line_rule);
    }
    w.end();
  }
  if (p.left_chars || p.right_chars || p.first_line_chars || p.hanging_chars || p.left_twips ||
      p.right_twips || p.first_line_twips || p.hanging_twips) {
    w.start("w:ind");  // attributes: order is free, but keep the schema's for readability
    if (p.left_twips) w.attr("w:left", *p.left_twips);
    if (p.left_chars) w.attr("w:leftChars", *p.left_chars);
    if (p.right_twips) w.attr("w:right", *p.right_twips);
    if (p.right_chars) w.attr("w:rightChars", *p.right_chars);
    if (p.hanging_twips) w.attr("w:hanging", *p.hanging_twips);
    if (p.hanging_chars) w.attr("w:hangingChars", *p.hanging_chars);
    if (p.first_line_twips) w.attr("w:firstLine", *p.first_line_twips);
    if (p.first_line_chars) w.attr("w:firstLineChars", *p.first_line_chars);
    w.end();
  }
  if (!p.jc.empty()) w.val("w:jc", p.jc);
  if (p.outline_level) w.val("w:outlineLvl", *p.outline_level);
  w.end();
}

void write_rpr(XmlWriter& w, const RunProps& r) {
  if (r.empty()) return;
  w.start("w:rPr");
  // EG_RPrBase sequence order.
  if (!r.style.empty()) w.val("w:rStyle", r.style);
  if (!r.font_east_asia.empty() || !r.font_latin.empty() || !r.hint.empty()) {
    w.start("w:rFonts");
    if (!r.font_latin.empty()) {
      w.attr("w:ascii", r.font_latin);
      w.attr("w:hAnsi", r.font_latin);
    }
    if (!r.font_east_asia.empty()) w.attr("w:eastAsia", r.font_east_asia);
    if (!r.hint.empty()) w.attr("w:hint", r.hint);
    w.end();
  }
  if (r.bold) {
    on_off(w, "w:b", *r.bold);
    on_off(w, "w:bCs", *r.bold);
  }
  if (!r.color.empty()) w.val("w:color", r.color);
  if (r.hscale_percent) w.val("w:w", *r.hscale_percent);
  if (r.size_half_pt) {
    w.val("w:sz", *r.size_half_pt);
    w.val("w:szCs", *r.size_half_pt);
  }
  if (!r.lang_east_asia.empty()) w.val("w:lang", r.lang_east_asia, "w:eastAsia");
  w.end();
}

}  // namespace gw::docx
