// write_docx: notice + style -> .docx bytes; see docx_writer.h.
#include "export/docx/docx_writer.h"

#include "export/docx/docx_builder.h"
#include "export/docx/docx_limits.h"
#include "export/docx/notice_body.h"

namespace gw::docx {

DocxOptions options_for_fonts(const fonts::FontSet& fonts) {
  DocxOptions o;
  for (const auto& role : fonts.roles())
    if (std::string face = fonts.docx_name(role); !face.empty()) o.fonts[role] = face;
  return o;
}

std::string write_docx(const model::Notice& notice, const model::Style& style, const DocxOptions& opts) {
  check_expressible(style, opts);
  DocxBuilder b(style, opts);
  // 10.1: a letter shows no page number on its first page.
  b.set_letter_first_page(notice.format == model::Format::Letter);
  write_notice_body(b, notice);

  DocProps p;
  p.title = notice.title.text;
  for (auto& ch : p.title)
    if (ch == '\n') ch = ' ';
  for (const auto& i : notice.issuers) {
    if (i.empty()) continue;
    if (!p.creator.empty()) p.creator += "、";
    p.creator += i.text;
  }
  // Deterministic: the created date is the notice's own date, never the clock.
  p.created = w3cdtf_from_chinese_date(notice.date.text);
  if (!notice.doc_number.empty()) p.custom.push_back({"文号", notice.doc_number.text});
  if (!notice.date.empty()) p.custom.push_back({"成文日期", notice.date.text});
  p.custom.push_back({"公文格式", model::format_name(notice.format)});
  b.set_properties(std::move(p));
  return b.finish();
}

}  // namespace gw::docx
