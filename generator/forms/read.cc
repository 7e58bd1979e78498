// Format dispatch and narrative files; see read.h.
#include "forms/read.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "base/files.h"
#include "base/utf8.h"
#include "forms/csv.h"
#include "forms/xlsx.h"

#ifndef GW_FORMS_DATA_DIR
#define GW_FORMS_DATA_DIR "templates/forms"
#endif

namespace gw::forms {
namespace {

// A narrative cell that is just a file name ending in .txt stands for that file's text: long
// narratives do not fit comfortably in a spreadsheet cell.
bool names_text_file(const std::string& s) {
  if (s.size() < 5 || s.size() > 255 || s.find('\n') != std::string::npos) return false;
  std::string ext = s.substr(s.size() - 4);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt";
}

void load_narratives(Application& app, const std::string& data_file, Diagnostics& diags) {
  namespace fs = std::filesystem;
  fs::path base = fs::path(data_file).parent_path();
  for (auto& sec : app.sections) {
    if (!names_text_file(sec.text.text)) continue;
    fs::path p = fs::path(sec.text.text);
    if (p.is_relative()) p = base / p;
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    if (ec) {
      diags.error(sec.text.loc(), app.where + "「" + app.name.text + "」" + sec.title + "：文件“" + sec.text.text + "”无法读取（" + ec.message() + "）",
                  "forms.md 附件3—5", "paths are relative to the data file's folder");
      continue;
    }
    if (size > kMaxNarrativeBytes) {
      diags.error(sec.text.loc(), app.where + "「" + app.name.text + "」" + sec.title + "：文件“" + sec.text.text + "”大于1 MiB（上限）", "forms.md 附件3—5");
      continue;
    }
    std::string text = read_file(p.string());
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
    if (!is_valid_utf8(text)) {
      diags.error(sec.text.loc(), app.where + "「" + app.name.text + "」" + sec.title + "：文件“" + sec.text.text + "”不是UTF-8编码", "forms.md 附件3—5",
                  "convert it: iconv -f GBK -t UTF-8");
      continue;
    }
    std::string clean;
    for (char c : text)
      if (c != '\r') clean += c;
    sec.text.text = trim(clean);
    sec.text.source = make_field_source(p.string(), sec.text.column());
    sec.text.line = 1;
    sec.text.col = 0;
  }
}

}  // namespace

std::string forms_data_dir() {
  if (const char* env = std::getenv("GONGWEN_FORMS_DATA"); env && *env) return env;
  return GW_FORMS_DATA_DIR;
}

ColumnMap default_columns() { return ColumnMap::load(forms_data_dir() + "/columns.json"); }

namespace {

// Every reader, one record at a time: `sink` gets each record with its narrative files read (a CSV's
// as each row is parsed). The messages come in the order the readers give them, then the narrative
// files' (as they did when narratives were read after the whole file).
Diagnostics read_each(std::string_view bytes, const std::string& path, const ColumnMap& columns,
                      const std::function<void(Application&&)>& sink) {
  ReadResult out;
  Diagnostics narratives;
  out.sink = [&](Application&& app) {
    load_narratives(app, path, narratives);
    sink(std::move(app));
  };
  std::string ext = file_extension_lower(path);
  if (ext == ".csv") {
    SheetRecords records(path, "", columns, out);
    parse_csv_rows(bytes, path, [&records](Row&& row) { records.add(std::move(row)); });
  } else if (ext == ".xlsx") {
    for (auto& sheet : read_xlsx(bytes, path)) sheet_to_applications(std::move(sheet), columns, out);
  } else if (ext == ".json") {
    read_json(bytes, path, columns, out);
  } else {
    throw InputError(Diagnostic{Severity::Error, SourceLoc{path, 0, 0}, "unknown data file type \"" + ext + "\"",
                                "give a .json, .csv or .xlsx file (save .xls/.et workbooks as .xlsx)", {}});
  }
  for (const auto& d : narratives.items()) out.diagnostics.add(d);
  return std::move(out.diagnostics);
}

std::string read_data_file(const std::string& path) {
  // Refuse a huge file before reading it into memory; the readers bound what they unpack.
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > std::max(kMaxCsvBytes, kMaxXlsxBytes))
    throw InputError(SourceLoc{path, 0, 0}, "data file larger than " + std::to_string(std::max(kMaxCsvBytes, kMaxXlsxBytes) >> 20) +
                                                " MiB (limit)");
  return read_file(path);
}

}  // namespace

ReadResult read_applications(std::string_view bytes, const std::string& path, const ColumnMap& columns) {
  ReadResult out;
  out.diagnostics = read_each(bytes, path, columns, [&out](Application&& app) { out.applications.push_back(std::move(app)); });
  return out;
}

ReadResult read_applications(const std::string& path, const ColumnMap& columns) {
  return read_applications(read_data_file(path), path, columns);
}

Diagnostics read_applications(const std::string& path, const ColumnMap& columns, const std::function<void(Application&&)>& sink) {
  return read_each(read_data_file(path), path, columns, sink);
}

}  // namespace gw::forms
