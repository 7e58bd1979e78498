#include "model/notice.h"

namespace gw::model {

const char* format_name(Format f) {
  switch (f) {
    case Format::File: return "文件格式";
    case Format::Letter: return "信函格式";
    case Format::Order: return "命令格式";
    case Format::Minutes: return "纪要格式";
  }
  return "文件格式";
}

std::optional<Format> parse_format(std::string_view s) {
  if (s == "file" || s == "文件格式" || s == "文件") return Format::File;
  if (s == "letter" || s == "信函格式" || s == "信函") return Format::Letter;
  if (s == "order" || s == "命令格式" || s == "命令" || s == "令") return Format::Order;
  if (s == "minutes" || s == "纪要格式" || s == "纪要") return Format::Minutes;
  return std::nullopt;
}

std::vector<std::string> Notice::mark_lines() const {
  if (!mark.empty()) return {mark.text};
  std::vector<std::string> out;
  for (const auto& i : issuers) out.push_back(i.text);
  return out;
}

std::string Notice::plain_text() const {
  std::string out;
  auto line = [&](const std::string& s) {
    if (!s.empty()) out += s + "\n";
  };
  for (const auto& l : mark_lines()) line(l);
  line(doc_number.text);
  line(title.text);
  line(recipients.text);
  for (const auto& b : body) {
    if (b.kind == BlockKind::Table) {
      for (const auto& r : b.table.rows)
        for (const auto& c : r) line(c.text);
    } else {
      line(b.lead + b.text);
    }
  }
  for (size_t i = 0; i < attachment_names.size(); ++i) line(attachment_names[i].text);
  for (const auto& s : signature_names) line(s.text);
  line(date.text);
  line(note.text);
  for (const auto& a : attachments) {
    line(a.title.text);
    for (const auto& b : a.blocks) {
      if (b.kind == BlockKind::Table) {
        for (const auto& r : b.table.rows)
          for (const auto& c : r) line(c.text);
      } else {
        line(b.lead + b.text);
      }
    }
  }
  line(cc.text);
  line(printer.text);
  return out;
}

}  // namespace gw::model
