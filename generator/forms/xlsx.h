// XLSX (ECMA-376 SpreadsheetML) as provincial staff keep their lists: every worksheet of the workbook
// becomes a Sheet of text cells. Read with libzip + libxml2: xl/workbook.xml for the sheet names
// and order, xl/_rels/workbook.xml.rels for their parts, xl/sharedStrings.xml (rich-text runs
// joined, phonetic runs dropped), inline strings, numbers, and dates — numbers in cells whose style
// (xl/styles.xml numFmts/cellXfs) is a date format, given as "YYYY-MM-DD".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "forms/rows.h"

namespace gw::forms {

// Limits on untrusted input, named in the error when exceeded.
inline constexpr size_t kMaxXlsxBytes = 64u << 20;        // the .xlsx file itself
inline constexpr size_t kMaxXlsxPartBytes = 128u << 20;   // one uncompressed part (zip bomb guard)
inline constexpr size_t kMaxXlsxTotalBytes = 256u << 20;  // all parts read, uncompressed
inline constexpr int kMaxXlsxColumns = 1000;
inline constexpr int kMaxXlsxEntries = 10000;

// `file` names the workbook in messages. Sheets come in workbook order; hidden sheets are left out
// (they hold drop-down lists, not applications). Throws InputError for a file that is not a zip,
// an entry name with ".." or an absolute path, a missing part, malformed XML (naming the part and
// line), a shared-string index out of range, and the limits above.
std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file);

// "AB12" → column 28, row 12; false when `ref` is not a cell reference.
bool parse_cell_ref(std::string_view ref, int& column, int& row);

// Whether a number format (built-in id or custom code) shows a date.
bool is_date_format(int num_fmt_id, std::string_view format_code);

}  // namespace gw::forms
