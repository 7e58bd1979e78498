// A notice typed as plain text by a clerk -> model::Notice. The layout of the text is the one people
// already use in Word: an optional short header block (份号, 密级, 紧急程度, 发文机关, 文号, 签发人, either
// as "键：值" lines or bare), the title on the first other line, the recipients on a line ending with
// "：", the body one paragraph a line (heading levels from their ordinals 一、（一）1.（1）), an "附件："
// block, the signature and the date, then 附注 "（…）", 抄送, the 印发 line and the attachments' pages
// ("附件N" on its own line, then the attachment's title). `gongwen convert` shows what was recognised.
//
// The date line anchors the structure: without it the end of the body cannot be found, so a missing
// date is an InputError. Everything else missing is left empty for `check` to report.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "model/notice.h"

namespace gw::tmpl {

// `file_name` is used in every field's SourceLoc (line, column). Scraped text is cleaned first: blank
// lines, full-width and repeated spaces and <BR> tags go, paragraphs glued after "。" or "：" are split
// before a 一、/（一） heading, and a paragraph repeated verbatim is dropped (reported as a warning in
// `notes` when given).
model::Notice read_plain_text_notice(const std::string& text, const std::string& file_name,
                                     Diagnostics* notes = nullptr);

}  // namespace gw::tmpl

namespace gw::model {
// Convenience name used by the CLI commands.
inline Notice read_plain_text_notice(const std::string& text, const std::string& file_name,
                                     Diagnostics* notes = nullptr) {
  return tmpl::read_plain_text_notice(text, file_name, notes);
}
}  // namespace gw::model
