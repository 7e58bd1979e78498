// Date parsing for the forms; see dates.h.
#include "forms/dates.h"

#include <cmath>
#include <cstdio>

namespace gw::forms {
namespace {

// Days from 1970-01-01 to y-m-d, and back (Howard Hinnant's civil-from-days algorithms).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Reads up to `max_digits` ASCII digits at s[i]; -1 when there are none.
int read_number(std::string_view s, size_t& i, int max_digits) {
  int v = 0, n = 0;
  while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n == 0 ? -1 : v;
}

// Accepts one separator: '-', '/', '.', or the given UTF-8 unit word (年 / 月).
bool read_separator(std::string_view s, size_t& i, std::string_view word) {
  if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    ++i;
    return true;
  }
  if (s.substr(i, word.size()) == word) {
    i += word.size();
    return true;
  }
  return false;
}

}  // namespace

bool is_real_date(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

std::optional<Date> parse_date(std::string_view s, bool allow_month) {
  // Trim ASCII spaces; callers already trimmed ideographic ones.
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  size_t i = 0;
  int y = read_number(s, i, 4);
  if (y < 0 || i != 4 || !read_separator(s, i, "年")) return std::nullopt;
  int m = read_number(s, i, 2);
  if (m < 0) return std::nullopt;
  if (i == s.size() || s.substr(i) == "月") {
    if (!allow_month || !is_real_date(y, m, 1)) return std::nullopt;
    return Date{y, m, 1};
  }
  if (!read_separator(s, i, "月")) return std::nullopt;
  int d = read_number(s, i, 2);
  if (d < 0) return std::nullopt;
  if (s.substr(i) == "日") i = s.size();
  // A spreadsheet exported as text may carry a time of day: "2024-11-05 00:00:00".
  if (i < s.size() && s[i] == ' ' && s.substr(i + 1).find_first_not_of("0123456789:") == std::string_view::npos) i = s.size();
  if (i != s.size() || !is_real_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::string iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string chinese(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::optional<Date> from_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 1 || serial > 2958465) return std::nullopt;  // 9999-12-31
  long days = static_cast<long>(std::floor(serial));
  long epoch;
  if (date1904) {
    epoch = days_from_civil(1904, 1, 1);
  } else {
    if (days == 60) return std::nullopt;  // the fictitious 1900-02-29: no real date to give
    if (days > 60) --days;                     // skip the fictitious 1900-02-29
    epoch = days_from_civil(1899, 12, 31);
  }
  return civil_from_days(epoch + days);
}

}  // namespace gw::forms
