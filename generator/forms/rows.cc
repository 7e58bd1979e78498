// Header row + data rows → Applications through the column mapping; see rows.h.
#include "forms/rows.h"

#include <nlohmann/json.hpp>

#include "base/files.h"
#include "base/utf8.h"

namespace gw::forms {
namespace {

// Header comparison ignores all white space, ASCII and ideographic, and line breaks.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char32_t c : to_u32(s))
    if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\u3000') out += to_utf8(c);
  return out;
}

bool row_is_empty(const Row& r) {
  for (const auto& c : r.cells)
    if (!trim(c.text).empty()) return false;
  return true;
}

// Matches `header` against a pattern with at most one "{n}"; on success `n` holds the digits.
bool match_pattern(std::string_view pattern, std::string_view header, std::string& n) {
  auto brace = pattern.find("{n}");
  if (brace == std::string_view::npos) {
    n.clear();
    return pattern == header;
  }
  std::string_view prefix = pattern.substr(0, brace), suffix = pattern.substr(brace + 3);
  if (header.size() < prefix.size() + suffix.size() + 1) return false;
  if (header.substr(0, prefix.size()) != prefix) return false;
  if (header.substr(header.size() - suffix.size()) != suffix) return false;
  std::string_view digits = header.substr(prefix.size(), header.size() - prefix.size() - suffix.size());
  if (digits.empty() || digits.size() > 2) return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  n = std::string(digits);
  return true;
}

std::string substitute(std::string_view id, const std::string& n) {
  std::string out(id);
  auto pos = out.find("{n}");
  if (pos != std::string::npos) out.replace(pos, 3, n);
  return out;
}

}  // namespace

ColumnMap ColumnMap::parse(const std::string& text, const std::string& file) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(SourceLoc{file, 0, 0}, std::string("column mapping is not valid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("columns") || !j["columns"].is_object())
    throw InputError(SourceLoc{file, 0, 0}, "column mapping needs an object \"columns\": {\"列名\": \"field id\", …}");
  ColumnMap map;
  Application probe;
  for (const auto& [header, id] : j["columns"].items()) {
    if (!id.is_string())
      throw InputError(SourceLoc{file, 0, 0}, "column \"" + header + "\" must map to a field id string");
    std::string sid = id.get<std::string>();
    bool header_n = header.find("{n}") != std::string::npos, id_n = sid.find("{n}") != std::string::npos;
    if (header_n != id_n)
      throw InputError(SourceLoc{file, 0, 0}, "column \"" + header + "\": \"{n}\" must appear on both sides or neither");
    if (!field_by_id(probe, substitute(sid, "1")))
      throw InputError(Diagnostic{Severity::Error, SourceLoc{file, 0, 0},
                                  "column \"" + header + "\" maps to unknown field id \"" + sid + "\"",
                                  "known ids: kind, name, credit_code, …, joint{n}.name, year{n}.revenue, section.<title>", {}});
    map.entries_.push_back({squeeze(header), sid});
  }
  return map;
}

ColumnMap ColumnMap::load(const std::string& path) { return parse(read_file(path), path); }

std::string ColumnMap::field_for(const std::string& header) const {
  std::string h = squeeze(header), n;
  for (const auto& e : entries_)
    if (match_pattern(e.header, h, n)) return substitute(e.id, n);
  return {};
}

std::string ColumnMap::header_for(const std::string& field_id) const {
  for (const auto& e : entries_) {
    auto brace = e.id.find("{n}");
    if (brace == std::string::npos) {
      if (e.id == field_id) return e.header;
      continue;
    }
    std::string n;
    if (match_pattern(e.id, field_id, n)) return substitute(e.header, n);
  }
  return {};
}

std::string row_label(const Sheet& sheet, int row) { return row_label(sheet.name, row); }

std::string row_label(const std::string& sheet_name, int row) {
  if (sheet_name.empty()) return "第" + std::to_string(row) + "行";
  return "工作表“" + sheet_name + "”第" + std::to_string(row) + "行";
}

SheetRecords::SheetRecords(std::string file, std::string sheet_name, const ColumnMap& columns, ReadResult& out)
    : file_(std::move(file)), name_(std::move(sheet_name)), columns_(columns), out_(out) {}

void SheetRecords::add(Row&& row) {
  if (state_ == State::Skipped || row_is_empty(row)) return;
  if (state_ == State::BeforeHeader) {
    header(row);
    return;
  }
  record(row);
}

void SheetRecords::header(const Row& header) {
  ids_.assign(header.cells.size(), {});
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const Cell& cell = header.cells[c];
    if (trim(cell.text).empty()) continue;
    ids_[c] = columns_.field_for(cell.text);
    Application probe;
    if (!ids_[c].empty() && !field_by_id(probe, ids_[c])) {
      out_.diagnostics.warning(SourceLoc{file_, cell.line, cell.column},
                               row_label(name_, header.number) + "：列名“" + trim(cell.text) + "”的组号超过上限" +
                                   std::to_string(kMaxGroup) + "，该列被忽略",
                               "forms.md rule 4");
      ids_[c].clear();
      continue;
    }
    if (ids_[c].empty())
      out_.diagnostics.warning(SourceLoc{file_, cell.line, cell.column},
                               row_label(name_, header.number) + "：列名“" + trim(cell.text) + "”不在列名对照表中，该列被忽略",
                               "forms.md 附件3—5", "check the spelling, or add the header to templates/forms/columns.json");
  }
  members_.assign(ids_.size(), nullptr);  // resolved once per column, not per cell
  sources_.assign(ids_.size(), nullptr);  // the file and trimmed header, once per column
  for (size_t c = 0; c < ids_.size(); ++c) {
    members_[c] = fixed_field_member(ids_[c]);
    sources_[c] = make_field_source(file_, trim(header.cells[c].text));
  }
  bool has_kind = false;
  for (const auto& id : ids_) has_kind |= id == "kind";
  state_ = has_kind ? State::Records : State::Skipped;
  if (!has_kind && !name_.empty()) {
    // A workbook often carries a 填表说明 or a list sheet beside the data: skip it, but say so.
    out_.diagnostics.warning(SourceLoc{file_, header.number, 0},
                             row_label(name_, header.number) + "：表头没有“" + columns_.header_for("kind") + "”列，该工作表已跳过",
                             "forms.md 附件3—5");
  } else if (!has_kind) {
    out_.diagnostics.error(SourceLoc{file_, header.number, 0},
                           row_label(name_, header.number) + "：表头没有“" + columns_.header_for("kind") + "”列，无法判断各行填写附件3还是附件4",
                           "forms.md 附件3—5", "the first non-empty row must be the header row of columns.json names");
  }
}

void SheetRecords::record(Row& row) {
  Application app;
  app.loc = SourceLoc{file_, row.number, 0};
  app.where = row_label(name_, row.number);
  for (size_t c = 0; c < row.cells.size() && c < ids_.size(); ++c) {
    if (ids_[c].empty()) continue;
    Cell& cell = row.cells[c];
    Field* f = members_[c] ? &(app.*members_[c]) : field_by_id(app, ids_[c]);
    if (!f) continue;  // cannot happen: ids were checked when the mapping was loaded
    if (const std::string_view t = trim_view(cell.text); t.size() == cell.text.size())
      f->text = std::move(cell.text);  // most are: taken, not copied
    else
      f->text = std::string(t);
    f->source = sources_[c];
    f->line = cell.line;
    f->col = cell.column;
  }
  for (size_t c = ids_.size(); c < row.cells.size(); ++c)
    if (!trim(row.cells[c].text).empty()) {
      out_.diagnostics.warning(SourceLoc{file_, row.cells[c].line, row.cells[c].column},
                               app.where + "：第" + std::to_string(c + 1) + "列有内容但没有列名，已忽略", "forms.md 附件3—5");
      break;
    }
  std::vector<Cell>().swap(row.cells);  // its texts are in `app` now; the rest of the row goes
  const SourceLoc loc = app.kind_text.line ? app.kind_text.loc() : app.loc;
  add_record(std::move(app), loc, "该行", out_);
}

void add_record(Application&& app, const SourceLoc& loc, const char* record_word, ReadResult& out) {
  auto kind = parse_kind(app.kind_text.text);
  if (!kind) {
    out.diagnostics.error(loc,
                          app.where + "「" + app.name.text + "」：申报类型“" + app.kind_text.text + "”应为 典型案例、企业品牌 或 区域品牌，" +
                              record_word + "未读入",
                          "forms.md 附件3—5");
    return;
  }
  app.kind = *kind;
  tidy(app);
  out.add(std::move(app));
}

void sheet_to_applications(Sheet&& sheet, const ColumnMap& columns, ReadResult& out) {
  // Reserved: an Application is 1.5 KB before its texts, and a vector grown by doubling moves them
  // all again and touches twice the memory (page faults were a third of reading a province's CSV).
  if (!out.sink) out.applications.reserve(out.applications.size() + sheet.rows.size());
  SheetRecords records(sheet.file, sheet.name, columns, out);
  for (auto& row : sheet.rows) records.add(std::move(row));
}

}  // namespace gw::forms
