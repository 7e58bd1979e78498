#include "text/line_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <functional>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "base/code_point_set.h"

namespace gw::text {
namespace {

constexpr std::u32string_view kStartProhibited =
    U"，。、；：？！）》」』”’〕】］｝〉〗〙〛…‥·・％‰℃°′″﹚﹜﹞,.;:?!)]}%ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
constexpr std::u32string_view kEndProhibited = U"（《「『“‘〔【［｛〈〖〘〚﹙﹛﹝([{$￥＄";

bool ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
bool is_digit_any(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

// ICU break iterators are expensive to create: one per thread and kind, given each paragraph in
// turn (a clone per paragraph cost more than the breaking).
template <icu::BreakIterator* (*Create)(const icu::Locale&, UErrorCode&)>
icu::BreakIterator& per_thread() {
  thread_local const std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(Create(icu::Locale("zh"), err));
    if (U_FAILURE(err) || !made) throw std::runtime_error(std::string("ICU break iterator: ") + u_errorName(err));
    return made;
  }();
  return *it;
}

icu::BreakIterator& line_iterator() { return per_thread<&icu::BreakIterator::createLineInstance>(); }
icu::BreakIterator& word_iterator() { return per_thread<&icu::BreakIterator::createWordInstance>(); }

// What a thread's iterator is left with between paragraphs (setText keeps a reference to its text).
const icu::UnicodeString kNoText;

// ICU works in UTF-16; map its offsets back to code-point indices.
struct Utf16 {
  icu::UnicodeString str;
  std::vector<size_t> cp_at;  // UTF-16 offset -> code point index (size = length + 1)
  explicit Utf16(std::u32string_view s) {
    str = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()), static_cast<int32_t>(s.size()));
    cp_at.assign(static_cast<size_t>(str.length()) + 1, 0);
    size_t cp = 0;
    for (int32_t i = 0; i < str.length(); ++i) {
      cp_at[static_cast<size_t>(i)] = cp;
      if (!U16_IS_LEAD(str.charAt(i)) || i + 1 >= str.length() || !U16_IS_TRAIL(str.charAt(i + 1))) ++cp;
    }
    cp_at[static_cast<size_t>(str.length())] = cp;
  }
};

}  // namespace

bool is_line_start_prohibited(char32_t c) {
  static const CodePointSet set(kStartProhibited);  // asked per character of every paragraph
  return set.contains(c);
}
bool is_line_end_prohibited(char32_t c) {
  static const CodePointSet set(kEndProhibited);
  return set.contains(c);
}

bool is_squeezable(char32_t c) {
  static const CodePointSet set(U"，。、；：？！（）《》「」『』“”‘’〔〕【】");
  return set.contains(c);
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFF) || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == U'—' || c == U'…' || c == U'·';
}

std::vector<bool> break_opportunities(std::u32string_view s) {
  std::vector<bool> allowed(s.size(), false);
  if (s.size() < 2) return allowed;
  Utf16 u(s);
  icu::BreakIterator& it = line_iterator();
  it.setText(u.str);
  for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
    size_t i = u.cp_at[static_cast<size_t>(b)];
    if (i > 0 && i < s.size()) allowed[i] = true;
  }
  it.setText(kNoText);
  for (size_t i = 1; i < s.size(); ++i) {
    char32_t prev = s[i - 1], cur = s[i];
    // ICU 72 (UAX #14 LB19) never breaks around quotation marks; in Chinese “ opens and ” closes,
    // so they behave like other CJK punctuation (allowed by Unicode 15.1's revision of LB19).
    if ((cur == U'“' || cur == U'‘') && !is_line_end_prohibited(prev) && prev != U' ') allowed[i] = true;
    if ((prev == U'”' || prev == U'’') && !is_line_start_prohibited(cur)) allowed[i] = true;
    // Between two CJK characters ICU may be stricter than needed only for the cases handled below.
    // The 禁则 (clause 9), applied last so they always win:
    if (is_line_start_prohibited(cur)) allowed[i] = false;
    if (is_line_end_prohibited(prev)) allowed[i] = false;
    if ((prev == U'—' && cur == U'—') || (prev == U'…' && cur == U'…')) allowed[i] = false;
    if (ascii_alnum(prev) && ascii_alnum(cur)) allowed[i] = false;
    if (is_digit_any(prev) && is_digit_any(cur)) allowed[i] = false;
    // A decimal point or thousands separator inside a number.
    if ((cur == U'.' || cur == U',') && is_digit_any(prev) && i + 1 < s.size() && is_digit_any(s[i + 1])) allowed[i] = false;
    if ((prev == U'.' || prev == U',') && i >= 2 && is_digit_any(s[i - 2]) && is_digit_any(cur)) allowed[i] = false;
  }
  allowed[0] = false;
  return allowed;
}

std::vector<size_t> word_boundaries(std::u32string_view s) {
  std::vector<size_t> out;
  if (s.size() < 2) return out;
  Utf16 u(s);
  icu::BreakIterator& it = word_iterator();
  it.setText(u.str);
  for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
    size_t i = u.cp_at[static_cast<size_t>(b)];
    if (i > 0 && i < s.size()) out.push_back(i);
  }
  it.setText(kNoText);
  return out;
}

std::vector<BrokenLine> break_lines(std::u32string_view s, const std::vector<double>& adv, double first_width,
                                    double width) {
  std::vector<BrokenLine> lines;
  const size_t n = s.size();
  if (n == 0) return lines;
  auto allowed = break_opportunities(s);
  constexpr double kEps = 1e-6;
  size_t pos = 0;
  while (pos < n) {
    const double w = lines.empty() ? first_width : width;
    double sum = 0;
    size_t j = pos;
    while (j < n && sum + adv[j] <= w + kEps) sum += adv[j++];
    if (j == n) {
      lines.push_back({pos, n, sum, 0, true});
      break;
    }
    if (j == pos) j = pos + 1;  // a glyph wider than the line: set it alone
    // Option 1, squeeze: when s[j] may not start a line, keep the prohibited run on this line if
    // the blank halves of the line's full-width punctuation absorb the overflow. Not when the line
    // is merely full up to an opening mark (“《（ at its end): that mark goes down with what follows
    // it, as Word and LibreOffice (punctuation not compressed, characterSpacingControl) break it too.
    if (!allowed[j] && !is_line_end_prohibited(s[j - 1])) {
      size_t k = j;
      double ext = sum;
      while (k < n && !allowed[k] && k - j < 3) ext += adv[k++];
      if (k == n || allowed[k]) {
        double capacity = 0;
        for (size_t i = pos; i < k; ++i)
          if (is_squeezable(s[i])) capacity += adv[i] / 2;
        double over = ext - w;
        if (over <= capacity + kEps) {
          lines.push_back({pos, k, ext, std::max(0.0, over), k == n});
          pos = k;
          continue;
        }
      }
    }
    // Option 2, push: break at the last opportunity that fits.
    size_t k = j;
    while (k > pos && !allowed[k]) --k;
    if (k == pos) k = j;  // one unbreakable run longer than the line: break it where it overflows
    double natural = 0;
    for (size_t i = pos; i < k; ++i) natural += adv[i];
    lines.push_back({pos, k, natural, 0, false});
    pos = k;
  }
  return lines;
}

std::vector<size_t> balance_title(std::u32string_view s, const std::vector<double>& adv, double width) {
  const size_t n = s.size();
  double total = 0;
  for (double a : adv) total += a;
  if (total <= width + 1e-6 || n < 2) return {};
  // Candidate break points: word boundaries that the 禁则 also allow.
  auto allowed = break_opportunities(s);
  std::vector<size_t> cand;
  for (size_t b : word_boundaries(s))
    if (allowed[b] && b >= 2 && n - b >= 2) cand.push_back(b);  // never one character alone
  if (cand.empty()) {
    for (size_t b = 2; b + 2 <= n; ++b)
      if (allowed[b]) cand.push_back(b);
  }
  std::vector<double> prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + adv[i];
  auto w = [&](size_t a, size_t b) { return prefix[b] - prefix[a]; };
  // ICU's dictionary also splits compounds (市场|监管总局, 数字|化转型); 词意完整 asks for phrase
  // boundaries, so a break that is not next to a space or punctuation, nor at the seams of a
  // title's usual frame (…关于 | subject | 的通知), costs as much as a few characters of imbalance.
  const double em = total / static_cast<double>(n);
  // A quoted name (“数字三品”, 《中国消费名品方阵推荐工作指引》) is one phrase: breaking inside it
  // costs more than any word seam, and more than a title one line longer.
  constexpr double kQuotedBreak = 20.0, kExtraLine = 6.0;  // in characters of imbalance
  std::vector<int> quoted(n + 1, 0);
  for (size_t i = 0; i < n; ++i)
    quoted[i + 1] = std::max(0, quoted[i] + (s[i] == U'“' || s[i] == U'《') - (s[i] == U'”' || s[i] == U'》'));
  auto seam_cost = [&](size_t b) {
    char32_t prev = s[b - 1], cur = s[b];
    if (quoted[b] > 0) return kQuotedBreak * em;
    if (prev == U' ' || cur == U' ' || prev == U'\u3000') return 0.0;
    if (is_line_start_prohibited(prev) || prev == U'”' || prev == U'》' || prev == U'）' || cur == U'“' || cur == U'《' || cur == U'（')
      return 0.0;
    if (s.substr(b).substr(0, 2) == U"关于") return 0.0;
    if (b >= 2 && s.substr(b - 2, 2) == U"关于") return 0.5 * em;
    if (cur == U'的' && n - b <= 5) return 0.0;  // …的通知 / 的函 / 的决定
    return 3.0 * em;
  };

  std::vector<size_t> best;
  double best_cost = INFINITY;
  std::vector<size_t> cur;
  // Depth-first over the few candidates; titles are short.
  const size_t min_lines = static_cast<size_t>(std::ceil(total / width));
  // The fewest lines that fit, unless they must break inside a quoted name: then one line more
  // (costing less than that break) is tried too.
  const size_t base_lines = std::max<size_t>(2, min_lines);
  size_t found_at = 0;
  for (size_t lines = base_lines;
       lines <= 5 && (best.empty() || (lines == found_at + 1 && best_cost >= 0.5 * kQuotedBreak * em)); ++lines) {
    std::function<void(size_t, size_t)> go = [&](size_t start_idx, size_t from) {
      if (cur.size() + 1 == lines) {
        if (w(from, n) > width + 1e-6) return;
        std::vector<double> ws;
        size_t a = 0;
        for (size_t b : cur) { ws.push_back(w(a, b)); a = b; }
        ws.push_back(w(a, n));
        double mx = *std::max_element(ws.begin(), ws.end()), mn = *std::min_element(ws.begin(), ws.end());
        bool dec = true, inc = true;
        for (size_t i = 1; i < ws.size(); ++i) {
          if (ws[i] > ws[i - 1] + 1e-6) dec = false;
          if (ws[i] < ws[i - 1] - 1e-6) inc = false;
        }
        bool diamond = ws.size() >= 3;
        if (diamond) {
          size_t peak = static_cast<size_t>(std::max_element(ws.begin(), ws.end()) - ws.begin());
          for (size_t i = 1; i <= peak; ++i) diamond = diamond && ws[i] >= ws[i - 1] - 1e-6;
          for (size_t i = peak + 1; i < ws.size(); ++i) diamond = diamond && ws[i] <= ws[i - 1] + 1e-6;
        }
        double cost = mx - mn + kExtraLine * em * static_cast<double>(lines - base_lines);
        for (size_t b : cur) cost += seam_cost(b);
        if (!(dec || inc || diamond)) cost += 1000;  // not a trapezoid or diamond: last resort
        if (dec) cost -= 0.01;                       // prefer the usual long-over-short trapezoid
        if (cost < best_cost) { best_cost = cost; best = cur; }
        return;
      }
      for (size_t ci = start_idx; ci < cand.size(); ++ci) {
        size_t b = cand[ci];
        if (b <= from) continue;
        if (w(from, b) > width + 1e-6) break;
        cur.push_back(b);
        go(ci + 1, b);
        cur.pop_back();
      }
    };
    go(0, 0);
    if (!best.empty() && found_at == 0) found_at = lines;
  }
  if (best.empty()) {
    // No word-boundary solution fits: fall back to greedy breaking.
    for (const auto& l : break_lines(s, adv, width, width))
      if (l.begin > 0) best.push_back(l.begin);
  }
  return best;
}

}  // namespace gw::text
