// A spreadsheet as the readers hand it over (CSV and XLSX alike): rows of text cells that remember
// their line, and the deployer's column mapping that turns a header row plus data rows into
// Applications. Keeping both formats on this one shape is what makes a CSV and its XLSX twin read
// the same.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "forms/application.h"

namespace gw::forms {

struct Cell {
  std::string text;
  int line = 0;    // CSV: the line the field starts on; XLSX: the row number
  int column = 0;  // 1-based: CSV character column of the field start; XLSX column index (A = 1)
};

struct Row {
  int number = 0;           // CSV: the record's first line; XLSX: the row's r attribute
  std::vector<Cell> cells;  // by column; missing cells are empty
};

struct Sheet {
  std::string file;  // the data file as the user named it
  std::string name;  // XLSX sheet name; empty for CSV
  std::vector<Row> rows;
};

// Column header → field id (application.h). Patterns may contain "{n}" for a group number, on the
// header side as digits: "联合申报单位{n}名称" → "joint{n}.name" matches "联合申报单位2名称".
// Loaded from templates/forms/columns.json so that a deployer can rename columns without a rebuild.
class ColumnMap {
 public:
  // Throws InputError (naming `file`) when the JSON is malformed or maps to an unknown field id.
  static ColumnMap parse(const std::string& json_text, const std::string& file);
  static ColumnMap load(const std::string& path);

  // The field id for a header cell, or empty when no pattern matches. Headers are compared without
  // white space (a header wrapped over two lines in Excel still matches).
  std::string field_for(const std::string& header) const;
  // The header a field id is written under (the first pattern that produces it), for hints.
  std::string header_for(const std::string& field_id) const;

 private:
  struct Entry {
    std::string header, id;
  };
  std::vector<Entry> entries_;
};

struct ReadResult {
  std::vector<Application> applications;
  Diagnostics diagnostics;  // problems that do not stop reading (unknown columns, a row without 申报类型)
  // When set, each record is handed here as soon as it is read instead of kept in `applications`:
  // a batch checks and packs records one by one rather than holding a data set's worth of them.
  std::function<void(Application&&)> sink;

  void add(Application&& app) {
    if (sink)
      sink(std::move(app));
    else
      applications.push_back(std::move(app));
  }
};

// How a record is named in messages: "第5行" or "工作表“Sheet1”第5行".
std::string row_label(const Sheet& sheet, int row);

// The first non-empty row is the header; every later non-empty row is one application.
void sheet_to_applications(Sheet&& sheet, const ColumnMap& columns, ReadResult& out);  // takes the cells' texts

}  // namespace gw::forms
