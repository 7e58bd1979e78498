#include "export/docx/layout_decisions.h"

#include <cmath>
#include <set>

namespace gw::docx {

namespace {
bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

void take_layout_decisions(DocxOptions& opts, const layout::Document& doc) {
  opts.title_lines.clear();
  opts.attachment_title_lines.clear();
  opts.colophon_lines.clear();
  opts.mark_size_pt = 0;
  opts.mark_hscale_percent = 0;
  opts.colophon_page = DocxOptions::ColophonPage::Last;
  bool recipients_in_body = false, main_in_colophon = false;
  int colophon_page = -1;
  for (size_t pi = 0; pi < doc.pages.size(); ++pi) {
    for (const auto& l : doc.pages[pi].lines) {
      if (l.role == "title") {
        opts.title_lines.push_back(l.text);
      } else if (l.role == "attachment-label") {
        opts.attachment_title_lines.emplace_back();
      } else if (l.role == "attachment-title" && !opts.attachment_title_lines.empty()) {
        opts.attachment_title_lines.back().push_back(l.text);
      } else if (l.role == "recipients") {
        recipients_in_body = true;
      } else if (l.role == "issuer-mark" && opts.mark_size_pt == 0) {
        opts.mark_size_pt = l.size_pt;
        // Rounded down: a mark filled to the last point must not wrap in a client that rounds up.
        opts.mark_hscale_percent = static_cast<int>(std::floor(l.hscale * 100 + 1e-6));
      } else if (l.role == "cc") {
        if (starts_with(l.text, "主送：")) main_in_colophon = true;
        if (starts_with(l.text, "主送：") || starts_with(l.text, "抄送：") || opts.colophon_lines.empty())
          opts.colophon_lines.emplace_back();
        opts.colophon_lines.back().push_back(l.text);
        colophon_page = static_cast<int>(pi);
      } else if (l.role == "printer") {
        colophon_page = static_cast<int>(pi);
      }
    }
  }
  opts.recipients_in_colophon = main_in_colophon && !recipients_in_body;
  if (colophon_page > 0) {
    static const std::set<std::string> colophon_roles = {"cc", "printer", "page-number"};
    bool alone = true;
    for (const auto& l : doc.pages[static_cast<size_t>(colophon_page)].lines)
      if (!colophon_roles.count(l.role)) alone = false;
    if (doc.pages[static_cast<size_t>(colophon_page) - 1].blank)
      opts.colophon_page = DocxOptions::ColophonPage::AfterBlankPage;
    else if (alone)
      opts.colophon_page = DocxOptions::ColophonPage::NewPage;
  }
}

}  // namespace gw::docx
