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

std::string row_label(const Sheet& sheet, int row) {
  if (sheet.name.empty()) return "第" + std::to_string(row) + "行";
  return "工作表“" + sheet.name + "”第" + std::to_string(row) + "行";
}

void sheet_to_applications(Sheet&& sheet, const ColumnMap& columns, ReadResult& out) {
  size_t r = 0;
  while (r < sheet.rows.size() && row_is_empty(sheet.rows[r])) ++r;
  if (r == sheet.rows.size()) return;  // an empty sheet (a workbook's spare Sheet2) holds nothing
  const Row& header = sheet.rows[r];
  std::vector<std::string> ids(header.cells.size());
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const Cell& cell = header.cells[c];
    if (trim(cell.text).empty()) continue;
    ids[c] = columns.field_for(cell.text);
    Application probe;
    if (!ids[c].empty() && !field_by_id(probe, ids[c])) {
      out.diagnostics.warning(SourceLoc{sheet.file, cell.line, cell.column},
                              row_label(sheet, header.number) + "：列名“" + trim(cell.text) + "”的组号超过上限" +
                                  std::to_string(kMaxGroup) + "，该列被忽略",
                              "forms.md rule 4");
      ids[c].clear();
      continue;
    }
    if (ids[c].empty())
      out.diagnostics.warning(SourceLoc{sheet.file, cell.line, cell.column},
                              row_label(sheet, header.number) + "：列名“" + trim(cell.text) + "”不在列名对照表中，该列被忽略",
                              "forms.md 附件3—5", "check the spelling, or add the header to templates/forms/columns.json");
  }
  std::vector<FieldMember> members(ids.size());  // resolved once per column, not per cell
  std::vector<std::shared_ptr<const FieldSource>> sources(ids.size());  // the file and trimmed header, once
  for (size_t c = 0; c < ids.size(); ++c) {
    members[c] = fixed_field_member(ids[c]);
    sources[c] = make_field_source(sheet.file, trim(header.cells[c].text));
  }
  bool has_kind = false;
  for (const auto& id : ids) has_kind |= id == "kind";
  if (!has_kind && !sheet.name.empty()) {
    // A workbook often carries a 填表说明 or a list sheet beside the data: skip it, but say so.
    out.diagnostics.warning(SourceLoc{sheet.file, header.number, 0},
                            row_label(sheet, header.number) + "：表头没有“" + columns.header_for("kind") + "”列，该工作表已跳过",
                            "forms.md 附件3—5");
    return;
  }
  if (!has_kind) {
    out.diagnostics.error(SourceLoc{sheet.file, header.number, 0},
                          row_label(sheet, header.number) + "：表头没有“" + columns.header_for("kind") + "”列，无法判断各行填写附件3还是附件4",
                          "forms.md 附件3—5", "the first non-empty row must be the header row of columns.json names");
    return;
  }
  // Reserved: an Application is 1.5 KB before its texts, and a vector grown by doubling moves them all again and
  // touches twice the memory (page faults were a third of reading a province's CSV).
  if (!out.sink) out.applications.reserve(out.applications.size() + (sheet.rows.size() - r));
  for (++r; r < sheet.rows.size(); ++r) {
    Row& row = sheet.rows[r];
    if (row_is_empty(row)) continue;
    Application app;
    app.loc = SourceLoc{sheet.file, row.number, 0};
    app.where = row_label(sheet, row.number);
    for (size_t c = 0; c < row.cells.size() && c < ids.size(); ++c) {
      if (ids[c].empty()) continue;
      Cell& cell = row.cells[c];
      Field* f = members[c] ? &(app.*members[c]) : field_by_id(app, ids[c]);
      if (!f) continue;  // cannot happen: ids were checked when the mapping was loaded
      if (const std::string_view t = trim_view(cell.text); t.size() == cell.text.size())
        f->text = std::move(cell.text);  // most are: taken, not copied
      else
        f->text = std::string(t);
      f->source = sources[c];
      f->line = cell.line;
      f->col = cell.column;
    }
    for (size_t c = ids.size(); c < row.cells.size(); ++c)
      if (!trim(row.cells[c].text).empty()) {
        out.diagnostics.warning(SourceLoc{sheet.file, row.cells[c].line, row.cells[c].column},
                                app.where + "：第" + std::to_string(c + 1) + "列有内容但没有列名，已忽略", "forms.md 附件3—5");
        break;
      }
    auto kind = parse_kind(app.kind_text.text);
    if (!kind) {
      out.diagnostics.error(app.kind_text.line ? app.kind_text.loc() : app.loc,
                            app.where + "「" + app.name.text + "」：申报类型“" + app.kind_text.text +
                                "”应为 典型案例、企业品牌 或 区域品牌，该行未读入",
                            "forms.md 附件3—5");
      continue;
    }
    app.kind = *kind;
    tidy(app);
    std::vector<Cell>().swap(row.cells);  // its texts are in `app` now; the rest of the row goes
    out.add(std::move(app));
  }
}

}  // namespace gw::forms
