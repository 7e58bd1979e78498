// 文号 parser: the examples of issue 5, what people type instead of the canonical form, look-alikes that
// must be refused, finding numbers in running text, and sorting (9号 before 10号).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "text/wenhao.h"

using gw::text::compare_wenhao;
using gw::text::find_wenhao;
using gw::text::parse_wenhao;

namespace {
bool has_problem(const gw::text::Wenhao& w, const std::string& needle) {
  return std::any_of(w.problems.begin(), w.problems.end(),
                     [&](const std::string& p) { return p.find(needle) != std::string::npos; });
}
gw::text::Wenhao must_parse(const std::string& s) {
  std::string why;
  auto w = parse_wenhao(s, &why);
  INFO(s << " -> " << why);
  REQUIRE(w);
  return *w;
}
std::string refusal(const std::string& s) {
  std::string why;
  auto w = parse_wenhao(s, &why);
  INFO(s);
  REQUIRE_FALSE(w);
  return why;
}
}  // namespace

TEST_CASE("canonical 文号 from the issue parse without problems") {
  auto w = must_parse("工信厅消费函〔2022〕156号");
  CHECK(w.agency == "工信厅消费函");
  CHECK(w.year == 2022);
  CHECK(w.serial == 156);
  CHECK_FALSE(w.is_order);
  CHECK(w.canonical == "工信厅消费函〔2022〕156号");
  CHECK(w.problems.empty());

  auto g = must_parse("国发〔2022〕12号");
  CHECK(g.agency == "国发");
  CHECK(g.serial == 12);
  CHECK(g.problems.empty());

  auto l = must_parse("工信部联消费〔2022〕8号");
  CHECK(l.agency == "工信部联消费");
  CHECK(l.canonical == "工信部联消费〔2022〕8号");

  auto c = must_parse("工消费函〔2021〕885号");
  CHECK(c.agency == "工消费函");
  CHECK(c.year == 2021);
  CHECK(c.serial == 885);
}

TEST_CASE("what people type: [] 第 and leading zeros") {
  auto w = must_parse("工信厅消费函[2022]第0156号");
  CHECK(w.canonical == "工信厅消费函〔2022〕156号");
  CHECK(w.serial == 156);
  CHECK(has_problem(w, "uses [] instead of 〔〕 around the year"));
  CHECK(has_problem(w, "uses 第 before the serial"));
  CHECK(has_problem(w, "serial has leading zeros"));
  CHECK(w.problems.size() == 3);
}

TEST_CASE("other brackets, full-width digits, spaces, missing 号") {
  for (const char* s : {"国发【2022】12号", "国发(2022)12号", "国发（2022）12号", "国发［2022］12号",
                        "国发｛2022｝12号", "国发﹝2022﹞12号"}) {
    auto w = must_parse(s);
    CHECK(w.canonical == "国发〔2022〕12号");
    CHECK(has_problem(w, "instead of 〔〕 around the year"));
  }
  auto fw = must_parse("国发〔２０２２〕１２号");
  CHECK(fw.canonical == "国发〔2022〕12号");
  CHECK(has_problem(fw, "full-width digits"));

  auto sp = must_parse(" 国发 〔2022〕\n12 号 ");
  CHECK(sp.canonical == "国发〔2022〕12号");
  CHECK(has_problem(sp, "spaces or line breaks"));

  auto no_hao = must_parse("国发〔2022〕12");
  CHECK(no_hao.canonical == "国发〔2022〕12号");
  CHECK(has_problem(no_hao, "missing 号 after the serial"));
}

TEST_CASE("traditional characters go through Traditional-Simplified") {
  auto w = must_parse("工信部聯消費〔2022〕8號");
  CHECK(w.canonical == "工信部联消费〔2022〕8号");
  CHECK(w.agency == "工信部联消费");
  CHECK(has_problem(w, "traditional characters"));
  CHECK(has_problem(w, "號 → 号"));
}

TEST_CASE("year and serial run together: the first four digits are the year") {
  auto w = must_parse("国发202212号");
  CHECK(w.year == 2022);
  CHECK(w.serial == 12);
  CHECK(has_problem(w, "year is not enclosed in 〔〕"));
  auto s = must_parse("国发 2022 12号");
  CHECK(s.canonical == "国发〔2022〕12号");
}

TEST_CASE("order numbers") {
  auto a = must_parse("第58号");
  CHECK(a.is_order);
  CHECK(a.serial == 58);
  CHECK(a.canonical == "第58号");
  CHECK(a.problems.empty());
  auto b = must_parse("令第58号");
  CHECK(b.canonical == "第58号");
  CHECK(b.agency.empty());
  auto c = must_parse("工业和信息化部令第58号");
  CHECK(c.agency == "工业和信息化部令");
  CHECK(c.canonical == "工业和信息化部令第58号");
}

TEST_CASE("look-alikes are refused with a reason") {
  CHECK_THAT(refusal("000014672/2022-00123"), Catch::Contains("索引号"));
  CHECK_THAT(refusal("(2022)京01民初123号"), Catch::Contains("court case"));
  CHECK_THAT(refusal("（2022）京01民初123号"), Catch::Contains("court case"));
  CHECK_THAT(refusal("京ICP备12345678号"), Catch::Contains("not a 文号"));
  CHECK_THAT(refusal("京公网安备11010502030143号"), Catch::Contains("not a 文号"));
  CHECK_THAT(refusal("2022年6月30日"), Catch::Contains("date"));
  CHECK_THAT(refusal("2022-07-04"), Catch::Contains("not a 文号"));
  CHECK_THAT(refusal("国发〔1900〕12号"), Catch::Contains("outside 1949"));
  CHECK_THAT(refusal("国发〔22〕12号"), Catch::Contains("four digits"));
  CHECK_THAT(refusal("国发〔2022〕0号"), Catch::Contains("serial is 0"));
  CHECK_THAT(refusal("国发〔2022〕12号文件"), Catch::Contains("after the serial"));
  CHECK_THAT(refusal("关于开展活动的通知"), Catch::Contains("not a 文号"));
  CHECK_THAT(refusal(""), Catch::Contains("empty"));
}

TEST_CASE("find_wenhao finds numbers inside running text") {
  auto found = find_wenhao(
      "工业和信息化部办公厅关于开展2022“三品”全国行活动的通知发布日期:2022-07-04工信厅消费函〔2022〕156号"
      "各省、自治区：为贯彻落实《国务院关于印发扎实稳住经济一揽子政策措施的通知》（国发〔2022〕12号）要求");
  REQUIRE(found.size() == 2);
  CHECK(found[0].canonical == "工信厅消费函〔2022〕156号");
  CHECK(found[1].canonical == "国发〔2022〕12号");

  auto cited = find_wenhao("根据国发〔2022〕12号和工信部联消费〔2022〕8號，现通知如下");
  REQUIRE(cited.size() == 2);
  CHECK(cited[0].canonical == "国发〔2022〕12号");
  CHECK(cited[1].canonical == "工信部联消费〔2022〕8号");

  auto broken = find_wenhao("工信厅消费函〔2022〕\n156号");
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].serial == 156);

  CHECK(find_wenhao("判决书（2022）京01民初123号，索引号000014672/2022-00123，2022年6月30日").empty());
  auto order = find_wenhao("根据工业和信息化部令第58号");
  REQUIRE(order.size() == 1);
  CHECK(order[0].is_order);
  CHECK(find_wenhao("这是第3号展厅").empty());
}

TEST_CASE("sorting: agency by collation, then year, then serial as a number") {
  std::vector<std::string> in = {"国发〔2022〕10号", "国发〔2021〕100号", "国发〔2022〕9号", "工信厅消费函〔2022〕156号",
                                 "国办发〔2022〕1号"};
  std::vector<gw::text::Wenhao> ws;
  for (auto& s : in) ws.push_back(must_parse(s));
  std::sort(ws.begin(), ws.end(), [](auto& a, auto& b) { return compare_wenhao(a, b) < 0; });
  std::vector<std::string> out;
  for (auto& w : ws) out.push_back(w.canonical);
  // zh collation orders by pinyin: 工 (gong) < 国 (guo); 国办发 (guo ban) < 国发 (guo fa).
  CHECK(out == std::vector<std::string>{"工信厅消费函〔2022〕156号", "国办发〔2022〕1号", "国发〔2021〕100号",
                                        "国发〔2022〕9号", "国发〔2022〕10号"});
  CHECK(compare_wenhao(must_parse("国发〔2022〕9号"), must_parse("国发[2022]第09号")) == 0);
}

TEST_CASE("arbitrary input never crashes and a parsed 文号 re-parses to itself") {
  // Pieces that exercise every branch, glued at random, plus raw bytes (invalid UTF-8 included).
  const std::vector<std::string> pieces = {"国发", "工信厅消费函", "〔", "〕", "[", "]", "（", "）", "2022", "２０２２",
                                           "第", "0", "12", "号", "號", " ", "\n", "令", "/", "-", "年", "月", "日",
                                           "京", "ICP", "备", "\xff", "\xe4\xb8", "〇"};
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    int n = std::uniform_int_distribution<int>(0, 8)(rng);
    for (int k = 0; k < n; ++k) s += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(rng)];
    std::string why;
    auto w = parse_wenhao(s, &why);
    if (w) {
      auto again = parse_wenhao(w->canonical);
      INFO(s << " -> " << w->canonical);
      REQUIRE(again);
      CHECK(again->canonical == w->canonical);
      CHECK(again->problems.empty());
    } else {
      CHECK_FALSE(why.empty());
    }
    (void)find_wenhao(s);
  }
}
