#include "export/docx/layout_decisions.h"

namespace gw::docx {

void take_layout_decisions(DocxOptions& opts, const layout::Document& doc) {
  opts.title_lines.clear();
  opts.attachment_title_lines.clear();
  bool recipients_in_body = false, main_in_colophon = false;
  for (const auto& page : doc.pages) {
    for (const auto& l : page.lines) {
      if (l.role == "title") opts.title_lines.push_back(l.text);
      else if (l.role == "attachment-label") opts.attachment_title_lines.emplace_back();
      else if (l.role == "attachment-title" && !opts.attachment_title_lines.empty())
        opts.attachment_title_lines.back().push_back(l.text);
      else if (l.role == "recipients") recipients_in_body = true;
      else if (l.role == "cc" && l.text.rfind("主送：", 0) == 0) main_in_colophon = true;
    }
  }
  opts.recipients_in_colophon = main_in_colophon && !recipients_in_body;
}

}  // namespace gw::docx
