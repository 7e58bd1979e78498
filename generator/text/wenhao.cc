// 文号 parser: turns what people type or what a scraper produced (工信厅消费函[2022]第0156号, 國發〔2022〕
// 12號, 国发 2022 12号) into the canonical `机关代字〔年份〕序号号` of GB/T 9704 7.2.5, listing every
// departure from it, and refuses look-alikes (索引号, court case numbers, registration numbers, dates).
//
// Decisions worth knowing:
// - White space (spaces, ideographic spaces, line breaks) is ignored anywhere, so "国发 2022 12号" and
//   "国发202212号" are the same: a year is always four digits (7.2.5: 年份应标全称), so the first four
//   digits after the agency code are the year and the rest the serial. Without brackets the serial must
//   be at most 6 digits and the agency must not end in 备 (备案号 such as 京公网安备11010502030143号).
// - The agency code must be Chinese characters only: 京01民初 or 京ICP备 are refused.
// - Orders: "第58号", "令第58号" (canonical 第58号) and "工业和信息化部令第58号" (agency kept).
// - Traditional characters go through ICU's Traditional-Simplified transform before parsing.
#include "text/wenhao.h"

#include <unicode/ucnv.h>
#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>

#include "base/utf8.h"

namespace gw::text {
namespace {

constexpr int kMinYear = 1949;
constexpr int kMaxYear = 2100;
constexpr size_t kMaxAgencyChars = 20;
constexpr size_t kMaxSerialDigits = 6;

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || c == U'〇';
}
bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0 || c == 0x200B;
}
// Full-width digits fold to ASCII; returns -1 for a non-digit.
int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

struct Bracket {
  char32_t open, close;
  const char* name;
};
// 〔〕 is canonical; the rest are what people type instead. ﹝﹞ (small tortoise shell) is common in PDFs.
constexpr Bracket kBrackets[] = {
    {U'〔', U'〕', "〔〕"}, {U'[', U']', "[]"},   {U'【', U'】', "【】"}, {U'(', U')', "()"},
    {U'（', U'）', "（）"}, {U'［', U'］', "［］"}, {U'｛', U'｝', "｛｝"}, {U'{', U'}', "{}"},
    {U'﹝', U'﹞', "﹝﹞"}, {U'〖', U'〗', "〖〗"},
};
const Bracket* open_bracket(char32_t c) {
  for (const auto& b : kBrackets)
    if (b.open == c) return &b;
  return nullptr;
}
const Bracket* close_bracket(char32_t c) {
  for (const auto& b : kBrackets)
    if (b.close == c) return &b;
  return nullptr;
}

bool encodable_in_gb2312(const std::u32string& in) {
  thread_local std::unique_ptr<UConverter, void (*)(UConverter*)> conv(nullptr, ucnv_close);
  UErrorCode status = U_ZERO_ERROR;
  if (!conv) {
    conv.reset(ucnv_open("GB2312", &status));
    if (U_FAILURE(status) || !conv) return false;  // no converter data: let the transform decide
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return false;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(in.data()),
                                                       static_cast<int32_t>(in.size()));
  char buf[512];
  status = U_ZERO_ERROR;
  ucnv_resetFromUnicode(conv.get());
  ucnv_fromUChars(conv.get(), buf, sizeof buf, u.getBuffer(), u.length(), &status);
  return U_SUCCESS(status);  // an unmappable character, or text too long to check: use the transform
}

// ICU's transform is built once (it parses rule data: milliseconds) and shared; Transliterator is not
// documented as safe for concurrent use, so calls are serialised.
std::u32string simplify(const std::u32string& in) {
  static std::mutex mu;
  static std::unique_ptr<icu::Transliterator> tr;
  static bool failed = false;
  bool any_han = std::any_of(in.begin(), in.end(), is_han);
  if (!any_han) return in;
  // GB2312 holds simplified characters only: text it can encode has nothing to simplify, and the
  // check spares every ordinary run of the CLI the transform's start-up (a third of a cold render).
  if (encodable_in_gb2312(in)) return in;
  // Bulk import parses the same agency codes over and over: remember recent results.
  static std::unordered_map<std::u32string, std::u32string> cache;
  std::string utf8 = to_utf8(in);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(in); it != cache.end()) return it->second;
  {
    if (!tr && !failed) {
      UErrorCode status = U_ZERO_ERROR;
      tr.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) {
        tr.reset();
        failed = true;  // ICU data without the transform: parse the text as it is
      }
    }
    if (tr) tr->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  if (cache.size() > 4096) cache.clear();
  return cache[in] = to_u32(out);
}

const icu::Collator* zh_collator() {
  static const std::unique_ptr<icu::Collator> coll = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) c.reset();
    return c;
  }();
  return coll.get();
}

bool fail(std::string* why, std::string msg) {
  if (why) *why = std::move(msg);
  return false;
}

// Recognises the look-alikes so the error says what the string is instead of a generic refusal.
bool refuse_lookalike(const std::u32string& s, std::string* why) {
  size_t digits = 0;
  bool slash = false, dash = false, han = false;
  for (char32_t c : s) {
    if (digit_value(c) >= 0) ++digits;
    if (c == U'/' || c == U'／') slash = true;
    if (c == U'-' || c == U'－') dash = true;
    if (is_han(c)) han = true;
  }
  if (slash && digits >= 6)
    return fail(why, "looks like an 索引号 (index number such as 000014672/2022-00123), not a 文号");
  if (!han && digits >= 6 && dash)
    return fail(why, "looks like a date or an index number, not a 文号");
  // 2022年6月30日 / 2022年6月
  {
    size_t i = 0, n = 0;
    while (i < s.size() && digit_value(s[i]) >= 0) ++i, ++n;
    if (n == 4 && i < s.size() && s[i] == U'年' && s.find(U'月') != std::u32string::npos)
      return fail(why, "is a date, not a 文号");
  }
  if (!s.empty() && open_bracket(s[0])) {
    size_t i = 1, n = 0;
    while (i < s.size() && digit_value(s[i]) >= 0) ++i, ++n;
    if (n == 4 && i < s.size() && close_bracket(s[i]))
      return fail(why,
                  "starts with the year in brackets: that is a court case number like (2022)京01民初123号, "
                  "not a 文号 (a 文号 starts with the agency code, e.g. 国发〔2022〕12号)");
  }
  return true;
}

std::string join_traditional(const std::u32string& before, const std::u32string& after) {
  if (before.size() != after.size()) return {};
  std::string list;
  std::set<std::pair<char32_t, char32_t>> seen;
  for (size_t i = 0; i < before.size(); ++i) {
    if (before[i] == after[i] || !seen.insert({before[i], after[i]}).second) continue;
    if (!list.empty()) list += ", ";
    list += to_utf8(before[i]) + " → " + to_utf8(after[i]);
  }
  return list;
}

std::optional<Wenhao> parse_impl(std::string_view text, std::string* why) {
  std::u32string raw = to_u32(text);
  std::vector<std::string> problems;

  // Spaces anywhere, full-width digits and traditional characters are folded first.
  std::u32string s;
  bool had_space = false, had_fullwidth = false;
  std::u32string trimmed;
  {
    size_t b = 0, e = raw.size();
    while (b < e && is_space(raw[b])) ++b;
    while (e > b && is_space(raw[e - 1])) --e;
    trimmed = raw.substr(b, e - b);
  }
  for (char32_t c : trimmed) {
    if (is_space(c)) {
      had_space = true;
      continue;
    }
    if (c >= 0xFF10 && c <= 0xFF19) {
      had_fullwidth = true;
      c = U'0' + (c - 0xFF10);
    }
    s.push_back(c);
  }
  if (s.empty()) {
    fail(why, "is empty");
    return std::nullopt;
  }
  std::u32string simp = simplify(s);
  if (simp != s) {
    std::string list = join_traditional(s, simp);
    problems.push_back("uses traditional characters" + (list.empty() ? std::string() : " (" + list + ")"));
    s = simp;
  }
  if (had_space) problems.push_back("contains spaces or line breaks");
  if (had_fullwidth) problems.push_back("uses full-width digits");
  if (!refuse_lookalike(s, why)) return std::nullopt;

  // Agency code: the leading run of Chinese characters (empty for a bare order number 第58号).
  size_t i = 0;
  while (i < s.size() && is_han(s[i]) && !(s[i] == U'第' && i + 1 < s.size() && digit_value(s[i + 1]) >= 0)) ++i;
  std::u32string agency = s.substr(0, i);
  if (agency.size() > kMaxAgencyChars) {
    fail(why, "agency code is longer than " + std::to_string(kMaxAgencyChars) + " characters");
    return std::nullopt;
  }
  Wenhao w;

  auto read_digits = [&](size_t& p, std::string& out) {
    while (p < s.size() && digit_value(s[p]) >= 0) out.push_back(static_cast<char>('0' + digit_value(s[p++])));
  };
  auto finish_serial = [&](size_t p, const std::string& digits, bool is_order) -> bool {
    if (digits.empty()) return fail(why, "has no serial number");
    if (digits.size() > kMaxSerialDigits)
      return fail(why, "serial " + digits + " has more than " + std::to_string(kMaxSerialDigits) + " digits");
    if (digits.size() > 1 && digits[0] == '0' && !is_order) problems.push_back("serial has leading zeros");
    if (digits.size() > 1 && digits[0] == '0' && is_order) problems.push_back("order number has leading zeros");
    w.serial = std::stol(digits);
    if (w.serial == 0) return fail(why, "serial is 0");
    if (p < s.size() && s[p] == U'号') {
      ++p;
    } else {
      problems.push_back("missing 号 after the serial");
    }
    if (p != s.size())
      return fail(why, "unexpected \"" + to_utf8(std::u32string_view(s).substr(p)) + "\" after the serial");
    return true;
  };

  // Order number: [agency[令]]第N号, no year.
  if (i < s.size() && s[i] == U'第') {
    size_t p = i + 1;
    std::string digits;
    read_digits(p, digits);
    if (!finish_serial(p, digits, true)) return std::nullopt;
    if (agency == U"令") agency.clear();  // 令第58号 is how people write the bare 令号
    w.is_order = true;
    w.agency = to_utf8(agency);
    w.canonical = w.agency + "第" + std::to_string(w.serial) + "号";
    w.problems = std::move(problems);
    return w;
  }
  if (agency.empty()) {
    if (i < s.size() && digit_value(s[i]) >= 0)
      fail(why, "has no agency code before the number (a 文号 looks like 国发〔2022〕12号)");
    else
      fail(why, "does not start with an agency code in Chinese characters (a 文号 looks like 国发〔2022〕12号)");
    return std::nullopt;
  }
  if (i == s.size()) {
    fail(why, "has no year and serial (a 文号 looks like 国发〔2022〕12号)");
    return std::nullopt;
  }

  const Bracket* ob = open_bracket(s[i]);
  size_t p = i + (ob ? 1 : 0);
  std::string year_digits;
  read_digits(p, year_digits);
  if (year_digits.empty()) {
    fail(why, std::string("after the agency code \"") + to_utf8(agency) + "\" comes \"" + to_utf8(s[i]) +
                  "\"; expected the year, e.g. 〔2022〕");
    return std::nullopt;
  }
  const Bracket* cb = p < s.size() ? close_bracket(s[p]) : nullptr;
  std::string serial_digits;
  if (!ob && !cb) {
    // Year and serial run together (spaces already removed): the first four digits are the year.
    if (year_digits.size() <= 4) {
      fail(why, "has a year but no serial number");
      return std::nullopt;
    }
    if (agency.back() == U'备') {
      fail(why, "looks like a registration number (备案号), not a 文号");
      return std::nullopt;
    }
    serial_digits = year_digits.substr(4);
    year_digits.resize(4);
    problems.push_back("year is not enclosed in 〔〕");
  } else {
    if (year_digits.size() != 4) {
      fail(why, "year \"" + year_digits + "\" must have four digits (GB/T 9704 7.2.5: the year in full)");
      return std::nullopt;
    }
    if (!ob) problems.push_back("missing 〔 before the year");
    if (!cb) problems.push_back("missing 〕 after the year");
    if (ob && cb && ob != cb)
      problems.push_back(std::string("uses mismatched brackets ") + to_utf8(ob->open) + to_utf8(cb->close) +
                         " instead of 〔〕 around the year");
    else if (ob && ob->open != U'〔')
      problems.push_back(std::string("uses ") + ob->name + " instead of 〔〕 around the year");
    else if (cb && cb->close != U'〕')
      problems.push_back(std::string("uses ") + cb->name + " instead of 〔〕 around the year");
    if (cb) ++p;
    if (p < s.size() && s[p] == U'第') {
      problems.push_back("uses 第 before the serial");
      ++p;
    }
    read_digits(p, serial_digits);
  }
  w.year = std::stoi(year_digits);
  if (w.year < kMinYear || w.year > kMaxYear) {
    fail(why, "year " + year_digits + " is outside " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear));
    return std::nullopt;
  }
  if (!finish_serial(p, serial_digits, false)) return std::nullopt;
  w.agency = to_utf8(agency);
  w.canonical = w.agency + "〔" + std::to_string(w.year) + "〕" + std::to_string(w.serial) + "号";
  w.problems = std::move(problems);
  return w;
}

// Words that often stand right before a cited 文号 in running text ("根据国发〔2022〕12号") and are
// never the start of an agency code; stripped from the front of the candidate agency.
constexpr std::u32string_view kLeadWords[] = {
    U"根据", U"按照", U"依据", U"依照", U"参照", U"参见", U"详见", U"印发", U"转发", U"落实", U"贯彻",
    U"执行", U"通过", U"以及", U"见", U"和", U"及", U"与", U"或", U"即", U"的", U"是", U"为", U"以",
    U"对", U"在", U"由", U"号", U"并", U"文",
};

std::u32string strip_lead_words(std::u32string a) {
  for (bool changed = true; changed;) {
    changed = false;
    for (auto w : kLeadWords) {
      if (a.size() > w.size() + 1 && std::u32string_view(a).substr(0, w.size()) == w) {
        a.erase(0, w.size());
        changed = true;
      }
    }
  }
  return a;
}

}  // namespace

std::optional<Wenhao> parse_wenhao(std::string_view text, std::string* why) {
  std::string reason;
  auto w = parse_impl(text, &reason);
  if (!w && why) *why = "\"" + std::string(text) + "\" is not a 文号: " + reason;
  return w;
}

std::vector<WenhaoMatch> find_wenhao_matches(std::string_view text) {
  std::vector<WenhaoMatch> out;
  std::u32string s = to_u32(text);
  // Byte offset of every code point, to report where each match is.
  std::vector<size_t> off(s.size() + 1, 0);
  {
    size_t b = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      off[k] = b;
      // The UTF-8 length of s[k], computed rather than encoded (that allocated per character); invalid
      // bytes, which to_u32 made U+FFFD, count three as they always did.
      char32_t c = s[k];
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    off[s.size()] = b;
  }
  auto skip_space = [&](size_t p) {
    while (p < s.size() && is_space(s[p])) ++p;
    return p;
  };
  size_t i = 0;
  while (i < s.size()) {
    const Bracket* ob = open_bracket(s[i]);
    bool order = s[i] == U'第';
    bool digits_run = !ob && !order && digit_value(s[i]) >= 0 && i > 0 && is_han(s[i - 1]);
    if (!ob && !order && !digits_run) {
      ++i;
      continue;
    }
    // Agency: Chinese characters right before (line breaks allowed in between).
    size_t a_end = i;
    while (a_end > 0 && is_space(s[a_end - 1])) --a_end;
    size_t a_begin = a_end;
    while (a_begin > 0 && is_han(s[a_begin - 1]) && a_end - a_begin < 12) --a_begin;
    std::u32string agency = s.substr(a_begin, a_end - a_begin);
    if (order) {
      // Only 令第N号 counts inside running text: a bare 第3号 is too common to be a 令号.
      if (agency.empty() || agency.back() != U'令') {
        ++i;
        continue;
      }
      agency = U"令";
      a_begin = a_end - 1;
    } else {
      if (agency.empty()) {
        ++i;
        continue;
      }
      if (digits_run) {
        // Year and serial run together only after an agency code that looks like one.
        char32_t last = agency.back();
        if (last != U'发' && last != U'函' && last != U'字' && last != U'办' && last != U'电') {
          ++i;
          continue;
        }
      }
      std::u32string stripped = strip_lead_words(agency);
      a_begin += agency.size() - stripped.size();
      agency = stripped;
    }
    // Forward: bracket, digits, 第, spaces, up to and including 号 (or 號).
    size_t p = i, last_good = i;
    int budget = 24;
    bool seen_digit = false;
    while (p < s.size() && budget-- > 0) {
      char32_t c = s[p];
      if (digit_value(c) >= 0) {
        seen_digit = true;
        last_good = ++p;
      } else if (open_bracket(c) || close_bracket(c) || c == U'第' || is_space(c)) {
        ++p;
      } else if (c == U'号' || c == U'號') {
        last_good = ++p;
        break;
      } else {
        break;
      }
    }
    if (!seen_digit) {
      ++i;
      continue;
    }
    std::u32string cand = agency + s.substr(i, last_good - i);
    if (auto w = parse_impl(to_utf8(cand), nullptr)) {
      out.push_back({std::move(*w), off[a_begin], off[last_good]});
      i = skip_space(last_good);
      continue;
    }
    ++i;
  }
  return out;
}

std::vector<Wenhao> find_wenhao(std::string_view text) {
  std::vector<Wenhao> out;
  for (auto& m : find_wenhao_matches(text)) out.push_back(std::move(m.wenhao));
  return out;
}

int compare_wenhao(const Wenhao& a, const Wenhao& b) {
  if (a.agency != b.agency) {
    if (const icu::Collator* coll = zh_collator()) {
      UErrorCode status = U_ZERO_ERROR;
      auto r = coll->compareUTF8(a.agency, b.agency, status);
      if (U_SUCCESS(status) && r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
    }
    if (a.agency != b.agency) return a.agency < b.agency ? -1 : 1;
  }
  if (a.is_order != b.is_order) return a.is_order ? 1 : -1;
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.serial != b.serial) return a.serial < b.serial ? -1 : 1;
  return 0;
}

}  // namespace gw::text
