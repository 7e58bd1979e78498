// Dates as clerks write them: 2022年6月30日 (right), 2022年06月30日, ２０２２年６月３０日, 二〇二二年六月三十日,
// 22年6月30日 and 2022年2月30日 (each wrong for its own reason). The value is recovered whenever possible so
// that the hint can say exactly what to write instead.
#include "check/date_rules.h"

#include <optional>
#include <vector>

#include "base/utf8.h"
#include "text/ordinals.h"

namespace gw::check {
namespace {

enum class Digits { Ascii, FullWidth, Chinese, Invalid };

struct Part {
  std::u32string raw;
  Digits digits = Digits::Invalid;
  std::optional<int> value;
};

int chinese_digit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c == U'零' || c == U'○' || c == U'O') return 0;
  auto i = kDigits.find(c);
  return i == std::u32string_view::npos ? -1 : static_cast<int>(i);
}

Part classify(std::u32string raw, bool is_year) {
  Part p;
  p.raw = std::move(raw);
  if (p.raw.empty()) return p;
  bool ascii = true, full = true, chinese = true;
  for (char32_t c : p.raw) {
    ascii = ascii && c >= U'0' && c <= U'9';
    full = full && ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'));
    chinese = chinese && (chinese_digit(c) >= 0 || c == U'十');
  }
  if (ascii || full) {
    p.digits = ascii ? Digits::Ascii : Digits::FullWidth;
    if (p.raw.size() > 6) return p;
    int v = 0;
    for (char32_t c : p.raw) v = v * 10 + static_cast<int>(c >= U'０' ? c - U'０' : c - U'0');
    p.value = v;
  } else if (chinese) {
    p.digits = Digits::Chinese;
    if (is_year) {  // 二〇二二: digit by digit
      int v = 0;
      for (char32_t c : p.raw) {
        if (c == U'十' || p.raw.size() > 6) return p;
        v = v * 10 + chinese_digit(c);
      }
      p.value = v;
    } else {        // 六, 十二, 三十: the 十 system
      p.value = text::parse_chinese_numeral(p.raw);
    }
  }
  return p;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

void check_date(const model::Field& f, const std::string& what, const std::string& clause, Diagnostics& out) {
  const std::string quoted = what + " “" + f.text + "”";
  std::u32string s;
  bool spaces = false;
  for (char32_t c : to_u32(trim(f.text))) {
    if (c == U' ' || c == U'\u3000' || c == U'\t') spaces = true;
    else s += c;
  }
  // Split Y年M月D日.
  std::vector<std::u32string> raw;
  size_t start = 0;
  for (char32_t unit : {U'年', U'月', U'日'}) {
    size_t at = s.find(unit, start);
    if (at == std::u32string::npos) {
      raw.clear();
      break;
    }
    raw.push_back(s.substr(start, at - start));
    start = at + 1;
  }
  if (raw.size() != 3 || start != s.size()) {
    out.error(f.loc, quoted + " is not a date like 2022年6月30日", clause,
              "write the year in full, then month and day, in Arabic numerals without leading zeros");
    return;
  }
  Part y = classify(raw[0], true), m = classify(raw[1], false), d = classify(raw[2], false);
  for (const Part* p : {&y, &m, &d})
    if (p->digits == Digits::Invalid || !p->value) {
      out.error(f.loc, quoted + " is not a date like 2022年6月30日", clause,
                "write the year in full, then month and day, in Arabic numerals without leading zeros");
      return;
    }
  const std::string canonical =
      std::to_string(*y.value) + "年" + std::to_string(*m.value) + "月" + std::to_string(*d.value) + "日";
  const std::string write = "write " + canonical;
  bool chinese = y.digits == Digits::Chinese || m.digits == Digits::Chinese || d.digits == Digits::Chinese;
  bool full = y.digits == Digits::FullWidth || m.digits == Digits::FullWidth || d.digits == Digits::FullWidth;
  auto leading_zero = [](const Part& p) {
    return p.digits != Digits::Chinese && p.raw.size() > 1 && (p.raw[0] == U'0' || p.raw[0] == U'０');
  };
  if (chinese) out.error(f.loc, quoted + " uses Chinese numerals", clause, write + " (Arabic numerals)");
  if (full) out.error(f.loc, quoted + " uses full-width digits", clause, write + " (half-width digits)");
  if (leading_zero(m) || leading_zero(d)) out.error(f.loc, quoted + " has leading zeros", clause, write);
  if (y.raw.size() != 4 || *y.value < 1000) {
    out.error(f.loc, quoted + " does not give the year in full", clause, "write the year with four digits, e.g. 2022年");
    return;
  }
  if (spaces) out.warning(f.loc, quoted + " contains spaces", clause, write);
  if (*m.value < 1 || *m.value > 12) {
    out.error(f.loc, quoted + " does not exist", clause, "a year has months 1 to 12");
    return;
  }
  int days = days_in_month(*y.value, *m.value);
  if (*d.value < 1 || *d.value > days)
    out.error(f.loc, quoted + " does not exist", clause,
              std::to_string(*y.value) + "年" + std::to_string(*m.value) + "月 has " + std::to_string(days) + " days");
}

}  // namespace gw::check
