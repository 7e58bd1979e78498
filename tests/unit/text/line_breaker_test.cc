// Line breaking and 禁则 (GB/T 9704 clause 9), title balancing (7.3.1). Advances are in "characters":
// an ideograph 1, a Latin letter or digit 0.5, so widths read as the standard's 字.
#include <catch2/catch.hpp>

#include "base/utf8.h"
#include "text/line_breaker.h"

using namespace gw;
using namespace gw::text;

namespace {

std::vector<double> advances(const std::u32string& s) {
  std::vector<double> a;
  for (char32_t c : s) a.push_back(is_cjk(c) ? 1.0 : 0.5);
  return a;
}

std::vector<std::string> lines_of(const std::string& text, double first, double width) {
  auto s = to_u32(text);
  std::vector<std::string> out;
  for (const auto& l : break_lines(s, advances(s), first, width)) out.push_back(to_utf8(s.substr(l.begin, l.end - l.begin)));
  return out;
}

}  // namespace

TEST_CASE("a paragraph fills lines of exactly the grid width") {
  auto lines = lines_of("一二三四五六七八九十一二三四五", 10, 10);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九十");
  CHECK(lines[1] == "一二三四五");
}

TEST_CASE("clause 9: closing punctuation never starts a line — it is squeezed onto the line") {
  // Ten characters fill the line; the "。" would start the next one.
  auto s = to_u32("一二三四五六七八，十。下一句");
  auto ls = break_lines(s, advances(s), 10, 10);
  REQUIRE(ls.size() == 2);
  CHECK(to_utf8(s.substr(ls[0].begin, ls[0].end - ls[0].begin)) == "一二三四五六七八，十。");
  CHECK(ls[0].squeeze_mm == Approx(1.0));  // the overflow, absorbed by the halves of ， and 。
  CHECK(to_utf8(s.substr(ls[1].begin)) == "下一句");
}

TEST_CASE("clause 9: without punctuation to squeeze, the last character is pushed down") {
  auto lines = lines_of("一二三四五六七八九十。下一句", 10, 10);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九");
  CHECK(lines[1] == "十。下一句");
}

TEST_CASE("clause 9: opening punctuation never ends a line") {
  auto lines = lines_of("一二三四五六七八九《十一》", 10, 10);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九");
  CHECK(lines[1] == "《十一》");
}

TEST_CASE("clause 9: an opening mark that fills a line goes down with the next character, unsqueezed") {
  // "《" fits as the tenth character but may not end the line; the two "，" could absorb "十",
  // yet the line is pushed: punctuation is squeezed only to keep closing marks off a line start.
  auto s = to_u32("一，三，五六七八九《十一》");
  auto ls = break_lines(s, advances(s), 10, 10);
  REQUIRE(ls.size() == 2);
  CHECK(to_utf8(s.substr(ls[0].begin, ls[0].end - ls[0].begin)) == "一，三，五六七八九");
  CHECK(ls[0].squeeze_mm == 0);
  CHECK(to_utf8(s.substr(ls[1].begin)) == "《十一》");
}

TEST_CASE("clause 9: —— and …… are never split") {
  auto dash = lines_of("一二三四五六七八九——十一", 10, 10);
  REQUIRE(dash.size() == 2);
  CHECK(dash[0] == "一二三四五六七八九");
  CHECK(dash[1] == "——十一");
  // "……" may not start a line either, so the character before it goes down with it.
  auto ellipsis = lines_of("一二三四五六七八九……十一", 10, 10);
  REQUIRE(ellipsis.size() == 2);
  CHECK(ellipsis[0] == "一二三四五六七八");
  CHECK(ellipsis[1] == "九……十一");
}

TEST_CASE("clause 9: digit runs and Latin words are never split") {
  auto lines = lines_of("一二三四五六七八九2022年", 10, 10);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九");
  CHECK(lines[1] == "2022年");
  auto latin = lines_of("一二三四五六七八九Word文档", 10, 10);
  CHECK(latin[0] == "一二三四五六七八九");
  CHECK(latin[1] == "Word文档");
}

TEST_CASE("Chinese quotation marks break like other CJK punctuation, not glued to their neighbours") {
  // ICU 72 forbids breaks around “ ”; clause 9 only forbids “ at a line end and ” at a line start.
  auto lines = lines_of("一二三四五六七八九“三品”活动", 10, 10);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "一二三四五六七八九");
  CHECK(lines[1] == "“三品”活动");
}

TEST_CASE("the first line is narrower by the paragraph indent") {
  auto lines = lines_of("一二三四五六七八九十一二", 8, 10);
  CHECK(lines[0] == "一二三四五六七八");
  CHECK(lines[1] == "九十一二");
}

TEST_CASE("7.3.1: a title is broken between words, balanced, with no single character alone") {
  std::string t = "工业和信息化部办公厅关于开展2022“三品”全国行活动的通知";
  auto s = to_u32(t);
  auto adv = advances(s);
  auto breaks = balance_title(s, adv, 20);
  REQUIRE(breaks.size() == 1);
  auto bounds = word_boundaries(s);
  CHECK(std::find(bounds.begin(), bounds.end(), breaks[0]) != bounds.end());
  double w1 = 0, w2 = 0;
  for (size_t i = 0; i < s.size(); ++i) (i < breaks[0] ? w1 : w2) += adv[i];
  CHECK(w1 <= 20);
  CHECK(w2 <= 20);
  CHECK(std::abs(w1 - w2) <= 5);  // balanced, not 20 + 7
}

TEST_CASE("7.3.1: a title that fits stays on one line") {
  auto s = to_u32("关于印发工作方案的通知");
  CHECK(balance_title(s, advances(s), 28).empty());
}

TEST_CASE("7.3.1: a quoted name stays whole when one more line avoids splitting it") {
  // Two lines would fit only by breaking “数字|三品” (the seed packet's cover letter did); three
  // lines keep the name whole.
  auto s = to_u32("福建省工业和信息化厅关于推荐2024年“数字三品”应用场景典型案例和中国消费名品的函");
  auto adv = advances(s);
  auto breaks = balance_title(s, adv, 20);
  REQUIRE_FALSE(breaks.empty());
  const size_t open = s.find(U'“'), close = s.find(U'”');
  for (size_t b : breaks) {
    INFO("break at " << b);
    CHECK((b <= open || b > close));
  }
  double w = 0;
  size_t k = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (k < breaks.size() && i == breaks[k])) {
      CHECK(w <= 20);
      w = 0;
      ++k;
    }
    if (i < s.size()) w += adv[i];
  }
}
