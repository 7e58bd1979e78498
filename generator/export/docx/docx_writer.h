// The DOCX exporter's entry point: a notice (model/notice.h) in a house style (model/style.h) ->
// the bytes of a .docx that Word, WPS and LibreOffice open with the GB/T 9704 layout and that stays
// editable: named paragraph styles per element, the 22 × 28 document grid, PAGE fields in odd/even
// footers, content controls for unfilled fields. Deterministic: the same input gives the same bytes.
#pragma once

#include <map>
#include <vector>
#include <string>

#include "model/notice.h"
#include "model/style.h"

namespace gw::docx {

// Font role (Style::ElementStyle::font_role) -> the face name written in w:rFonts/@w:eastAsia.
// The standard faces are named, not embedded: an office's installed fonts are used (GB/T 9704 fonts table).
std::map<std::string, std::string> default_font_faces();

struct DocxOptions {
  std::map<std::string, std::string> fonts = default_font_faces();
  std::string latin_font = "Times New Roman";  // w:ascii / w:hAnsi for digits and Latin letters
  // The issuer mark's size when the style leaves it to the office (size 0): this size (≈ 18 mm
  // characters, common practice for 小标宋 marks), compressed horizontally down to
  // Style::mark_min_hscale and then made smaller when the longest mark line would not fit the block.
  double mark_max_size_pt = 52;
  // An empty 份号 becomes a content control (w:sdt, placeholder "（份号）") that the clerk fills in
  // Word; otherwise an empty 份号 takes no line.
  bool fillable_head_fields = false;

  // Decisions the layout made, so that the DOCX of a `--format pdf,docx` run says what the PDF says
  // (fill them with take_layout_decisions() in layout_decisions.h). Left empty, the client decides.
  std::vector<std::string> title_lines;                        // 7.3.1: balanced, between words
  std::vector<std::vector<std::string>> attachment_title_lines;  // 7.3.7, one entry per attachment
  bool recipients_in_colophon = false;                         // 7.3.2: moved to the 版记 as 主送
};

std::string write_docx(const model::Notice& notice, const model::Style& style, const DocxOptions& opts = {});

}  // namespace gw::docx
