// Every part of the package other than the body: styles (one named paragraph style per GB/T 9704
// element), settings, font table, footers with PAGE fields, content types, relationships and the
// document properties. Each function returns the part's XML bytes, written with XmlWriter.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "export/docx/docx_writer.h"
#include "export/docx/ooxml_props.h"

namespace gw::docx {

// Paragraph style ids (ASCII ids; the Chinese names are the w:name users see).
namespace sid {
inline constexpr const char* kBody = "Normal";             // 正文
inline constexpr const char* kCopyNumber = "GwCopyNumber";  // 份号
inline constexpr const char* kSecrecy = "GwSecrecy";        // 密级和保密期限
inline constexpr const char* kUrgency = "GwUrgency";        // 紧急程度
inline constexpr const char* kMark = "GwIssuerMark";        // 发文机关标志
inline constexpr const char* kDocNumber = "GwDocNumber";    // 发文字号
inline constexpr const char* kSigner = "GwSigner";          // 签发人
inline constexpr const char* kTitle = "GwTitle";            // 标题
inline constexpr const char* kRecipients = "GwRecipients";  // 主送机关
inline constexpr const char* kHeading1 = "GwHeading1";      // 一级标题
inline constexpr const char* kHeading2 = "GwHeading2";
inline constexpr const char* kHeading3 = "GwHeading3";
inline constexpr const char* kHeading4 = "GwHeading4";
inline constexpr const char* kAttachmentList = "GwAttachmentList";  // 附件说明
inline constexpr const char* kSignature = "GwSignature";    // 署名
inline constexpr const char* kDate = "GwDate";              // 成文日期
inline constexpr const char* kNote = "GwNote";              // 附注
inline constexpr const char* kAttachmentLabel = "GwAttachmentLabel";  // 附件N
inline constexpr const char* kAttachmentTitle = "GwAttachmentTitle";  // 附件标题
inline constexpr const char* kCc = "GwCc";                  // 抄送
inline constexpr const char* kPrinter = "GwPrinter";        // 印发机关和印发日期
inline constexpr const char* kPageNumber = "GwPageNumber";  // 页码
inline constexpr const char* kTable = "GwTable";            // 表格
}  // namespace sid

// The page and grid of GB/T 9704 5.2 in twips, derived from the style.
struct PageSetup {
  int page_w = 0, page_h = 0;
  int top = 0, bottom = 0, left = 0, right = 0;  // w:pgMar
  int footer = 0;                                // distance of the footer's bottom from the page edge
  int block_w = 0, block_h = 0;
  int line_pitch = 0;  // w:docGrid/@w:linePitch and the exact line spacing of body text
  int char_space = 0;  // w:docGrid/@w:charSpace (1/4096 pt added to the default font size)
  double char_pitch = 0;  // twips per grid character
  // The twips twin of a character indent (w:firstLine next to w:firstLineChars …). Word reads the
  // character units; LibreOffice 7.4 the twips, and it snaps a gridded line's first character to
  // the next cell after the indent, with cells up to ~0.07 pt narrower than Word's (it truncates
  // the pitch to 1/100 mm): an indent of exactly two cells became three there and every first line
  // lost a character. A tenth of a point less per character stays within the cells of both.
  double indent_char_twips = 0;
  // Horizontal scale (w:w, percent) of text on the character grid. LibreOffice 7.4 gives a character
  // wider than the grid pitch two cells, where Word squeezes it into one: 16 pt characters on the
  // 15.79 pt pitch came out 14 to a line. At 98 % they fit one cell in both clients; the glyphs are
  // 0.3 pt narrower, which no reader sees.
  int grid_hscale = 100;
};
PageSetup page_setup(const model::Style& style);

// Fonts, size and colour of an element role ("title", "body", …) as a run.
RunProps element_run(const model::Style& style, const DocxOptions& opts, const std::string& role);

std::string styles_xml(const model::Style& style, const DocxOptions& opts);
std::string settings_xml(const model::Style& style);
std::string font_table_xml(const DocxOptions& opts);

// Empty: no page number. LetterFirst: no page number, and 10.1's red double line (thin over thick)
// 20 mm above the bottom edge of the page, as a page-anchored frame in the first-page footer.
// LandscapeOdd/LandscapeEven: clause 8's numbers of a landscape table page, in its left margin.
enum class FooterKind { Odd, Even, Empty, LetterFirst, LandscapeOdd, LandscapeEven };
std::string footer_xml(const model::Style& style, const DocxOptions& opts, FooterKind kind);

struct DocProps {
  std::string title, creator, subject, keywords;
  std::string created;  // W3CDTF, e.g. 2022-06-30T00:00:00Z; empty = omitted
  std::vector<std::pair<std::string, std::string>> custom;  // docProps/custom.xml string properties
};
std::string core_xml(const DocProps& p);
std::string app_xml();
std::string custom_xml(const DocProps& p);

// "2022年6月30日" -> "2022-06-30T00:00:00Z"; empty when the date is not in that form.
std::string w3cdtf_from_chinese_date(const std::string& date);

}  // namespace gw::docx
