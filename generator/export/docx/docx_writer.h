// The DOCX exporter's entry point: a notice (model/notice.h) in a house style (model/style.h) ->
// the bytes of a .docx that Word, WPS and LibreOffice open with the GB/T 9704 layout and that stays
// editable: named paragraph styles per element, the 22 × 28 document grid, PAGE fields in odd/even
// footers, content controls for unfilled fields. Deterministic: the same input gives the same bytes.
#pragma once

#include <map>
#include <vector>
#include <string>

#include "fonts/font_set.h"
#include "model/notice.h"
#include "model/style.h"

namespace gw::docx {

// Font role (Style::ElementStyle::font_role) -> the face name written in w:rFonts/@w:eastAsia.
// The standard faces are named, not embedded: an office's installed fonts are used (GB/T 9704 fonts table).
std::map<std::string, std::string> default_font_faces();

struct DocxOptions {
  std::map<std::string, std::string> fonts = default_font_faces();
  // w:ascii / w:hAnsi for digits and Latin letters. Empty = the role's own face (w:eastAsia), which
  // is what the PDF sets them in: layout takes digits from the role's font chain, half an em wide.
  std::string latin_font;
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
  // 7.2.4: the mark's size and horizontal scale as layout fitted them (0 = fit it here).
  double mark_size_pt = 0;
  int mark_hscale_percent = 0;
  // 7.4.2: the 版记's 主送/抄送 lines as layout broke them, each group starting with its label
  // ("主送：…", "抄送：…"); wrapped lines continue after the label. Empty = one line per group.
  std::vector<std::vector<std::string>> colophon_lines;
  // 7.4 / 7.5 / 6.2: where the 版记 goes. Last: at the bottom of the last page of text. NewPage: the
  // last page was odd (or full), so the 版记 starts an even page of its own. AfterBlankPage: the text
  // ended on an even page with no room left, so an unnumbered blank page comes first and the 版记
  // page carries no number either.
  enum class ColophonPage { Last, NewPage, AfterBlankPage };
  ColophonPage colophon_page = ColophonPage::Last;
};

// The options that name, for each font role, the face the font map gives for DOCX (docx-name), so
// that every DOCX gongwen writes asks for the same faces as the PDF used.
DocxOptions options_for_fonts(const fonts::FontSet& fonts);

std::string write_docx(const model::Notice& notice, const model::Style& style, const DocxOptions& opts = {});

}  // namespace gw::docx
