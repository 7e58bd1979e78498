// CSV as RFC 4180 writes it and spreadsheets export it: comma-separated, CRLF or LF line ends,
// fields in double quotes may hold commas, line breaks and doubled quotes (""), UTF-8 with or
// without a byte-order mark. One record per row; see rows.h for what the rows become.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "forms/rows.h"

namespace gw::forms {

// Limits on untrusted input, named in the error when exceeded.
inline constexpr size_t kMaxCsvBytes = 64u << 20;
inline constexpr size_t kMaxCsvColumns = 1000;

// Throws InputError with line and column for a quote in the middle of an unquoted field, text after
// a closing quote, a quoted field never closed (naming the line it opened on), bytes that are not
// UTF-8 (a GBK export), and the limits above.
Sheet parse_csv(std::string_view bytes, const std::string& file);
// The same a row at a time, as each is read: a batch turns each into a record at once instead of
// holding the file's cells. Rows before a malformed one have been handed over when it throws.
void parse_csv_rows(std::string_view bytes, const std::string& file, const std::function<void(Row&&)>& on_row);

}  // namespace gw::forms
