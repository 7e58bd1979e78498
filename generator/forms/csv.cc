// RFC 4180 reader; see csv.h. A small state machine over bytes: the delimiters are ASCII, so UTF-8
// text passes through untouched and only columns need counting in code points.
#include "forms/csv.h"

#include <algorithm>
#include <functional>

#include "base/utf8.h"

namespace gw::forms {
namespace {

class CsvParser {
 public:
  CsvParser(std::string_view s, const std::string& file) : s_(s), file_(file) {}

  void run(const std::function<void(Row&&)>& on_row) {
    // A byte-order mark is how Excel marks "UTF-8 CSV"; it is not part of the first header.
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    size_t width = 0;  // the first row's: the others are read into that many cells, not grown to it
    while (pos_ < s_.size()) {
      Row row;
      row.number = line_;
      row.cells.reserve(width);
      read_record(row);
      width = std::max(width, row.cells.size());
      on_row(std::move(row));
    }
  }

 private:
  [[noreturn]] void fail(int line, int col, const std::string& msg, const std::string& hint = {}) {
    throw InputError(Diagnostic{Severity::Error, SourceLoc{file_, line, col}, msg, hint, "RFC 4180"});
  }

  void advance_char() {
    unsigned char c = static_cast<unsigned char>(s_[pos_]);
    ++pos_;
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col_;  // count code points, not bytes: the column a text editor shows
    }
  }

  // Appends the bytes up to the next of `stops` (none of them a line end's continuation) to `out` in
  // one piece — a field is mostly plain text, and byte-by-byte appending was most of reading a CSV —
  // counting its characters into the column.
  void take_run_until_any(const char* stops, std::string& out) {
    const size_t end = std::min(s_.find_first_of(stops, pos_), s_.size());
    out.append(s_.data() + pos_, end - pos_);
    for (; pos_ < end; ++pos_)
      if ((static_cast<unsigned char>(s_[pos_]) & 0xC0) != 0x80) ++col_;
  }

  // Reads fields up to and including the record's line end (or the end of input).
  void read_record(Row& row) {
    while (true) {
      Cell cell;
      cell.line = line_;
      cell.column = col_;
      bool ended_record = read_field(cell.text);
      if (row.cells.size() >= kMaxCsvColumns)
        fail(cell.line, cell.column, "more than " + std::to_string(kMaxCsvColumns) + " columns in one row (limit)");
      row.cells.push_back(std::move(cell));
      if (ended_record) return;
    }
  }

  // Returns true when the field ended its record (line end or end of input), false at a comma.
  bool read_field(std::string& out) {
    if (pos_ < s_.size() && s_[pos_] == '"') {
      int open_line = line_, open_col = col_;
      advance_char();
      while (true) {
        take_run_until_any("\"\r\n", out);
        if (pos_ >= s_.size())
          fail(open_line, open_col, "quoted field opened here is never closed",
               "a field that starts with \" must end with \"; write a quote inside a field as \"\"");
        char c = s_[pos_];
        if (c == '"') {
          if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
            out += '"';
            advance_char();
            advance_char();
            continue;
          }
          advance_char();
          break;
        }
        // Keep embedded line breaks as LF: a narrative typed in Excel on Windows has CRLF.
        if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
          advance_char();
          continue;
        }
        out += c;
        advance_char();
      }
      return end_of_field(true);
    }
    take_run_until_any(",\"\r\n", out);
    if (pos_ < s_.size() && s_[pos_] == '"')
      fail(line_, col_, "quote inside an unquoted field",
           "put the whole field in quotes and double the quote: \"他说\"\"好\"\"\"");
    return end_of_field(false);
  }

  bool end_of_field(bool quoted) {
    if (pos_ >= s_.size()) return true;
    char c = s_[pos_];
    if (c == ',') {
      advance_char();
      return false;
    }
    if (c == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
      advance_char();
      advance_char();
      return true;
    }
    if (c == '\n' || c == '\r') {
      advance_char();
      if (c == '\r') {  // a lone CR (old Mac line end) ends the record too
        ++line_;
        col_ = 1;
      }
      return true;
    }
    if (quoted) fail(line_, col_, "text after the closing quote of a field", "a quoted field must be followed by a comma or a line end");
    return false;
  }

  std::string_view s_;
  const std::string& file_;
  size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

Sheet parse_csv(std::string_view bytes, const std::string& file) {
  Sheet sheet;
  sheet.file = file;
  parse_csv_rows(bytes, file, [&sheet](Row&& row) { sheet.rows.push_back(std::move(row)); });
  return sheet;
}

void parse_csv_rows(std::string_view bytes, const std::string& file, const std::function<void(Row&&)>& on_row) {
  if (bytes.size() > kMaxCsvBytes)
    throw InputError(SourceLoc{file, 0, 0}, "CSV file larger than " + std::to_string(kMaxCsvBytes >> 20) + " MiB (limit)");
  if (!is_valid_utf8(bytes)) {
    // Name the first bad line: most often the file was saved as GBK by an older Excel.
    int line = 1;
    for (size_t start = 0; start < bytes.size(); ++line) {
      size_t end = bytes.find('\n', start);
      if (end == std::string_view::npos) end = bytes.size();
      if (!is_valid_utf8(bytes.substr(start, end - start))) break;
      start = end + 1;
    }
    throw InputError(Diagnostic{Severity::Error, SourceLoc{file, line, 0}, "file is not UTF-8",
                                "save the CSV as \"CSV UTF-8\" (Excel) or convert it: iconv -f GBK -t UTF-8", {}});
  }
  CsvParser(bytes, file).run(on_row);
}

}  // namespace gw::forms
