// Calendar dates as the forms write them. Clerks type 2024-11-05, 2024/11/5, 2024.11.05 or
// 2024年11月5日; spreadsheets store serial day numbers. Everything is normalised to one Date so
// that rules 6, 7 and 9 can compare them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gw::forms {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

// Accepts "2024-11-05", "2024/11/5", "2024.11.5", "2024年11月5日" (ASCII digits). A year-and-month
// form ("2024-11", "2024年11月") gives day 1 only when allow_month is set. nullopt when not a real
// calendar date.
std::optional<Date> parse_date(std::string_view text, bool allow_month = false);

// "2024-11-05"
std::string iso(const Date& d);

// "2024年11月5日", the way 公文 print dates (GB/T 9704 7.3.5.1 uses Arabic numerals).
std::string chinese(const Date& d);

bool is_real_date(int y, int m, int d);

// Spreadsheet serial day number (1900 date system, or 1904 when the workbook says so) to a date.
// The 1900 system counts a non-existent 1900-02-29 (serial 60), as Lotus 1-2-3 did.
std::optional<Date> from_serial(double serial, bool date1904);

}  // namespace gw::forms
