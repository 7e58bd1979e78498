// Heading ordinals (GB/T 9704 7.3.3). Recognition works on code points with a small numeral table,
// because headings never go past 九十九; generation uses ICU's zh spellout rules so that 十一 / 二十 come
// out the way the standard's examples write them (not 一十一).
#include "text/ordinals.h"

#include <unicode/locid.h>
#include <unicode/rbnf.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "base/utf8.h"

namespace gw::text {
namespace {

// A heading title longer than this, or one with a comma, reads as a sentence rather than a heading.
constexpr size_t kMaxHeadingTitle = 30;
// A paragraph without a sentence end and without a comma is a standalone heading up to this length.
constexpr size_t kMaxStandaloneHeading = 40;

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

int chinese_digit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"一二三四五六七八九";
  auto i = kDigits.find(c);
  return i == std::u32string_view::npos ? -1 : static_cast<int>(i) + 1;
}

bool is_chinese_numeral_char(char32_t c) { return c == U'十' || chinese_digit(c) > 0; }
bool is_open_paren(char32_t c) { return c == U'（' || c == U'('; }
bool is_close_paren(char32_t c) { return c == U'）' || c == U')'; }
bool is_sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？'; }
bool is_clause_mark(char32_t c) { return c == U'，' || c == U'；' || c == U',' || c == U';'; }

bool has_clause_mark(std::u32string_view s) {
  for (char32_t c : s)
    if (is_clause_mark(c)) return true;
  return false;
}

// Length of the run of chars satisfying pred starting at i.
template <typename Pred>
size_t run_length(std::u32string_view s, size_t i, Pred pred) {
  size_t n = 0;
  while (i + n < s.size() && pred(s[i + n])) ++n;
  return n;
}

// The ordinal at the start of s: its level, value and length in code points.
struct Found {
  int level = 0;
  int number = 0;
  size_t length = 0;
};

std::optional<Found> find_ordinal(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  if (is_open_paren(s[0])) {
    // （一） level 2, （1） level 4.
    size_t n = run_length(s, 1, is_chinese_numeral_char);
    if (n > 0 && 1 + n < s.size() && is_close_paren(s[1 + n])) {
      if (auto v = parse_chinese_numeral(s.substr(1, n))) return Found{2, *v, n + 2};
      return std::nullopt;
    }
    n = run_length(s, 1, [](char32_t c) { return digit_value(c) >= 0; });
    if (n > 0 && n <= 2 && 1 + n < s.size() && is_close_paren(s[1 + n])) {
      int v = 0;
      for (size_t i = 1; i <= n; ++i) v = v * 10 + digit_value(s[i]);
      if (v > 0) return Found{4, v, n + 2};
    }
    return std::nullopt;
  }
  size_t n = run_length(s, 0, is_chinese_numeral_char);
  if (n > 0) {
    // 一、 level 1.
    if (n < s.size() && s[n] == U'、')
      if (auto v = parse_chinese_numeral(s.substr(0, n))) return Found{1, *v, n + 1};
    return std::nullopt;
  }
  n = run_length(s, 0, [](char32_t c) { return digit_value(c) >= 0; });
  if (n > 0 && n <= 2 && n < s.size() && (s[n] == U'.' || s[n] == U'．' || s[n] == U'、')) {
    // 1. level 3 — but not "1.5亿元": the ordinal must be followed by text that is not a digit.
    if (n + 1 < s.size() && digit_value(s[n + 1]) >= 0) return std::nullopt;
    int v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + digit_value(s[i]);
    if (v > 0) return Found{3, v, n + 1};
  }
  return std::nullopt;
}

size_t skip_spaces(std::u32string_view s, size_t i) {
  while (i < s.size() && (s[i] == U' ' || s[i] == U'\t' || s[i] == U'\u3000')) ++i;
  return i;
}

}  // namespace

std::optional<int> parse_chinese_numeral(std::u32string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  auto ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() != 1) return std::nullopt;
    int d = chinese_digit(s[0]);
    return d > 0 ? std::optional<int>(d) : std::nullopt;
  }
  // [d]十[d]: 十 = 10, 十一 = 11, 二十 = 20, 二十三 = 23.
  int tens = 1;
  if (ten == 1) {
    tens = chinese_digit(s[0]);
    if (tens < 2) return std::nullopt;  // "一十" is not how headings are written
  } else if (ten != 0) {
    return std::nullopt;
  }
  int units = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    units = chinese_digit(s[ten + 1]);
    if (units < 1) return std::nullopt;
  }
  return tens * 10 + units;
}

Heading recognise_heading(std::string_view paragraph) {
  std::u32string s = to_u32(trim(paragraph));
  auto found = find_ordinal(s);
  if (!found) return {};
  std::u32string_view sv(s);
  std::u32string_view ordinal = sv.substr(0, found->length);
  size_t body_start = skip_spaces(sv, found->length);
  std::u32string_view rest = sv.substr(body_start);
  Heading h;
  h.level = found->level;
  h.number = found->number;
  h.ordinal = to_utf8(ordinal);
  if (rest.empty()) {  // a bare ordinal, e.g. the <lead> of a numbered sentence in notice XML
    h.lead = h.ordinal;
    return h;
  }

  size_t end = std::u32string_view::npos;
  for (size_t i = 0; i < rest.size(); ++i)
    if (is_sentence_end(rest[i])) {
      end = i;
      break;
    }
  if (end == std::u32string_view::npos) {
    if (!has_clause_mark(rest) && rest.size() <= kMaxStandaloneHeading) {
      h.lead = to_utf8(sv);  // standalone heading: 一、活动主题
    } else {
      h.lead = to_utf8(ordinal);
      h.text = to_utf8(rest);
    }
    return h;
  }
  std::u32string_view title = rest.substr(0, end);
  if (!has_clause_mark(title) && title.size() <= kMaxHeadingTitle) {
    h.lead = to_utf8(sv.substr(0, body_start + end + 1));
    h.text = trim(to_utf8(rest.substr(end + 1)));
  } else {
    h.lead = to_utf8(ordinal);
    h.text = to_utf8(rest);
  }
  return h;
}

std::string chinese_ordinal(int n) {
  if (n < 1) throw std::invalid_argument("chinese_ordinal: n must be at least 1, got " + std::to_string(n));
  // RuleBasedNumberFormat is expensive to build and format() is const: build it once.
  static std::once_flag once;
  static std::unique_ptr<icu::RuleBasedNumberFormat> fmt;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), status);
    if (U_SUCCESS(status)) fmt = std::move(f);
  });
  if (!fmt) throw std::runtime_error("ICU has no zh spellout rules (ICU data missing?)");
  icu::UnicodeString out;
  fmt->format(static_cast<int32_t>(n), out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace gw::text
