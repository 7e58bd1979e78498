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

// The last step of every reader: the kind from the record's 申报类型, tidy(), out.add. A 申报类型
// that names no kind is an error at `loc`, and the record ("该行" of a sheet, "该条" of JSON) is dropped.
void add_record(Application&& app, const SourceLoc& loc, const char* record_word, ReadResult& out);

// How a record is named in messages: "第5行" or "工作表“Sheet1”第5行".
std::string row_label(const Sheet& sheet, int row);
std::string row_label(const std::string& sheet_name, int row);

// Rows to Applications as they come: the first non-empty row is the header, every later non-empty
// row one application, handed to out.add. A sheet without a 申报类型 column is reported at its
// header (an error for a CSV, a warning for an XLSX sheet) and its rows ignored.
class SheetRecords {
 public:
  SheetRecords(std::string file, std::string sheet_name, const ColumnMap& columns, ReadResult& out);
  void add(Row&& row);  // takes the cells' texts

 private:
  void header(const Row& row);
  void record(Row& row);

  enum class State { BeforeHeader, Records, Skipped };
  std::string file_, name_;
  const ColumnMap& columns_;
  ReadResult& out_;
  State state_ = State::BeforeHeader;
  std::vector<std::string> ids_;                              // field id per column; empty = ignored
  std::vector<FieldMember> members_;                          // the fixed field per column, if any
  std::vector<std::shared_ptr<const FieldSource>> sources_;  // file and header per column
};

// A whole sheet through SheetRecords.
void sheet_to_applications(Sheet&& sheet, const ColumnMap& columns, ReadResult& out);  // takes the cells' texts

}  // namespace gw::forms
