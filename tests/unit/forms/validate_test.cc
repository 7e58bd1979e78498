// forms.md rules 1–9: each has a record that passes and one that fails, built from JSON so that the
// one field that breaks the rule is visible in the test.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "forms/read.h"
#include "forms/validate.h"

using namespace gw::forms;
using nlohmann::json;

namespace {

json years(int last) {
  json y = json::array();
  for (int k = last - 2; k <= last; ++k) y.push_back({{"year", k}, {"revenue", 1000.5}, {"profit", -20}, {"tax", "35.2"}});
  return y;
}

json common(const char* kind, const char* name, const char* code) {
  return {{"kind", kind}, {"name", name}, {"credit_code", code}, {"contact", "陈某"}, {"mobile", "13900000000"},
          {"province", "福建省"}, {"recommender", "福建省工业和信息化厅"}, {"fill_date", "2024-11-05"}, {"years", years(2023)}};
}

json typical(const char* name = "福州甲公司", const char* code = "91350100M000100Y43") {
  json j = common("典型案例", name, code);
  j["direction"] = "3";
  j["case_name"] = "某案例";
  j["applicant_type"] = "消费品企业";
  return j;
}

json enterprise() {
  json j = common("企业品牌", "泉州乙公司", "91350102MAMWC1L5R4");
  j["brand_name"] = "乙牌";
  j["dimension"] = "时代优品";
  j["trademark_no"] = "10432876";
  j["trademark_valid_until"] = "2031-06-27";
  return j;
}

json regional() {
  json j = common("区域品牌", "德化县人民政府", "11350526003591578W");
  j["brand_name"] = "德化白瓷";
  j["representatives"] = json::array({{{"name", "丙公司"}, {"credit_code", "91350526MAN2AYNJWQ"}}});
  return j;
}

const char* kQuotas = R"({"2024": {"*": {"典型案例": 2, "消费名品": 2}}})";

gw::Diagnostics check(const json& apps) {
  ReadResult r;
  read_json(apps.dump(), "t.json", ColumnMap::parse(R"({"columns": {}})", "c.json"), r);
  REQUIRE_FALSE(r.diagnostics.has_errors());
  static const Quotas quotas = Quotas::parse(kQuotas, "q.json");
  return validate(r.applications, ValidateOptions{&quotas});
}

// The messages carrying `clause`, errors and warnings alike.
std::vector<std::string> hits(const gw::Diagnostics& d, const std::string& clause) {
  std::vector<std::string> out;
  for (const auto& x : d.items())
    if (x.clause == clause) out.push_back(x.message);
  return out;
}

}  // namespace

TEST_CASE("the baseline records pass every rule") {
  gw::Diagnostics d = check(json::array({typical(), enterprise(), regional()}));
  for (const auto& x : d.items()) INFO(gw::format(x));
  CHECK(d.empty());
}

TEST_CASE("rule 1: credit codes of applicant, joint applicants and representative enterprises") {
  json t = typical();
  t["credit_code"] = "91350100M000100Y44";
  t["joint"] = json::array({{{"name", "丁公司"}, {"credit_code", "91350100M000100Y43"}}, {{"name", "戊公司"}, {"credit_code", "9135010"}}});
  json r = regional();
  r["representatives"][0]["credit_code"] = "91350526MAN2AYNJWO";
  auto h = hits(check(json::array({t, r})), "forms.md rule 1");
  REQUIRE(h.size() == 3);
  CHECK(h[0] == "第1条「福州甲公司」统一社会信用代码“91350100M000100Y44”第18位校验码应为 3，实为 4");
  CHECK(h[1] == "第1条「福州甲公司」联合申报单位2统一社会信用代码“9135010”应为18位，实为7位");
  CHECK(h[2].find("代表性企业1统一社会信用代码“91350526MAN2AYNJWO”第18位 'O' 不在代码字符集中") != std::string::npos);
}

TEST_CASE("rule 2: enterprises for 典型案例/企业品牌, a 人民政府 for 区域品牌") {
  json gov_case = typical("某市人民政府", "11350526003591578W");
  json non_enterprise = typical("某中心", "12350625MB01372546");
  json not_gov = regional();
  not_gov["name"] = "某县茶叶协会";
  json platform = typical("厦门丁公司", "91350203MAQA7877F1");
  platform["applicant_type"] = "互联网平台企业";
  CHECK(hits(check(json::array({platform})), "forms.md rule 2").empty());
  json association = typical("厦门丁公司", "91350203MAQA7877F1");
  association["applicant_type"] = "行业协会";
  auto h = hits(check(json::array({gov_case, non_enterprise, not_gov, association})), "forms.md rule 2");
  REQUIRE(h.size() == 4);
  CHECK(h[3] == "第4条「厦门丁公司」申报主体类型“行业协会”应为 消费品企业 或 互联网平台企业");
  CHECK(h[0].find("“某市人民政府”是政府机关：典型案例应由在中国境内注册、具有独立法人资格的企业申报") != std::string::npos);
  CHECK(h[1].find("以“12”开头，不是企业") != std::string::npos);
  CHECK(h[2] == "第3条「某县茶叶协会」单位名称“某县茶叶协会”不是人民政府：区域品牌应由城市或主产区所在地人民政府申报");
}

TEST_CASE("rule 3: one direction per applicant across the data set") {
  json same = typical();  // a second case in the same direction is not a second direction
  same["case_name"] = "另一案例";
  CHECK(hits(check(json::array({typical(), same})), "forms.md rule 3").empty());
  json other = typical();
  other["direction"] = "个性化定制驱动消费模式重塑";  // still 3
  CHECK(hits(check(json::array({typical(), other})), "forms.md rule 3").empty());
  other["direction"] = "5";
  auto h = hits(check(json::array({typical(), other})), "forms.md rule 3");
  REQUIRE(h.size() == 1);
  CHECK(h[0] == "第2条「福州甲公司」“福州甲公司”申报方向5，但已在第1条申报方向3：每个申报主体只能申报1个方向");
  // As a joint applicant in another direction.
  json lead = typical("厦门丁公司", "91350203MAQA7877F1");
  lead["direction"] = "8";
  lead["joint"] = json::array({{{"name", "福州甲公司"}, {"credit_code", "91350100M000100Y43"}}});
  h = hits(check(json::array({typical(), lead})), "forms.md rule 3");
  REQUIRE(h.size() == 1);
  CHECK(h[0].find("（联合申报单位1）“福州甲公司”申报方向8") != std::string::npos);
}

TEST_CASE("rule 4: at most 3 joint applicants and 3 representative enterprises") {
  json t = typical();
  json r = regional();
  const char* codes[] = {"91350104MAPKFGHRLX", "91350206MA12MB1N6W", "91350582MA0N8Y302Q", "91350211MANA28YLGK"};
  for (int i = 0; i < 3; ++i) {
    t["joint"].push_back({{"name", "联合" + std::to_string(i)}, {"credit_code", codes[i]}});
    if (i < 2) r["representatives"].push_back({{"name", "代表" + std::to_string(i)}, {"credit_code", codes[i]}});
  }
  CHECK(hits(check(json::array({t, r})), "forms.md rule 4").empty());
  t["joint"].push_back({{"name", "联合3"}, {"credit_code", codes[3]}});
  r["representatives"].push_back({{"name", "代表3"}, {"credit_code", codes[3]}});
  auto h = hits(check(json::array({t, r})), "forms.md rule 4");
  REQUIRE(h.size() == 2);
  CHECK(h[0].find("联合申报单位有4家，不得超过3家") != std::string::npos);
  CHECK(h[1].find("代表性企业有4家，不得超过3家") != std::string::npos);
}

TEST_CASE("rule 5: dimension and direction from their lists") {
  for (const char* dim : {"历史经典", "时代优品", "潮流新锐"}) {
    json e = enterprise();
    e["dimension"] = dim;
    CHECK(hits(check(json::array({e})), "forms.md rule 5").empty());
  }
  for (const char* dir : {"1", "10", "10.数字服务供给助力区域名品打造", "面向透明消费的质量追溯管理"}) {
    json t = typical();
    t["direction"] = dir;
    CHECK(hits(check(json::array({t})), "forms.md rule 5").empty());
  }
  json e = enterprise();
  e["dimension"] = "老字号";
  json t = typical();
  t["direction"] = "0";
  json t2 = typical("厦门丁公司", "91350203MAQA7877F1");
  t2["direction"] = "3.面向透明消费的质量追溯管理";  // number and name disagree
  auto h = hits(check(json::array({e, t, t2})), "forms.md rule 5");
  REQUIRE(h.size() == 3);
  CHECK(h[0] == "第1条「泉州乙公司」推荐维度“老字号”应为 历史经典、时代优品 或 潮流新锐");
  CHECK(h[1] == "第2条「福州甲公司」申报方向“0”不是十个应用场景方向之一");
}

TEST_CASE("rule 6: three years, the latest the year before the 填报日期") {
  json t = typical();
  t["fill_date"] = "2025-03-01";
  t["years"] = years(2024);
  CHECK(hits(check(json::array({t})), "forms.md rule 6").empty());
  json two = typical();
  two["years"].erase(2);
  json old = enterprise();
  old["years"] = years(2022);
  json bad = regional();
  bad["years"][1]["tax"] = "不详";
  bad["years"][2]["year"] = 2021;  // duplicate of years[0]
  auto h = hits(check(json::array({two, old, bad})), "forms.md rule 6");
  REQUIRE(h.size() == 4);
  CHECK(h[0] == "第1条「福州甲公司」近三年经营情况填了2年，应填3年");
  CHECK(h[1] == "第2条「泉州乙公司」近三年经营情况应为2021—2023年（填报日期前一年为最近一年），实为2020、2021、2022年");
  CHECK(h[2] == "第3条「德化县人民政府」年度2纳税额（万元）“不详”不是数字（万元）");
  CHECK(h[3] == "第3条「德化县人民政府」年度3“2021”重复");
}

TEST_CASE("rule 7: trademark valid on the 填报日期") {
  json e = enterprise();
  e["trademark_valid_until"] = "2024-11-05";  // the same day is still valid
  CHECK(hits(check(json::array({e})), "forms.md rule 7").empty());
  e["trademark_valid_until"] = "2024-11-04";
  json missing = enterprise();
  missing.erase("trademark_valid_until");
  auto h = hits(check(json::array({e, missing})), "forms.md rule 7");
  REQUIRE(h.size() == 2);
  CHECK(h[0] == "第1条「泉州乙公司」商标有效期至“2024-11-04”早于填报日期2024年11月5日：商标已过有效期");
  CHECK(h[1] == "第2条「泉州乙公司」商标有效期至未填写");
}

TEST_CASE("rule 8: counts within the province quota, per list") {
  json t2 = typical("厦门丁公司", "91350203MAQA7877F1");
  CHECK(hits(check(json::array({typical(), t2, enterprise(), regional()})), "forms.md rule 8").empty());
  json t3 = typical("厦门戊公司", "91350102MAMWC1L5R4");
  auto h = hits(check(json::array({typical(), t2, t3, enterprise()})), "forms.md rule 8");
  REQUIRE(h.size() == 1);
  CHECK(h[0] == "第3条「厦门戊公司」：福建省2024年典型案例推荐3项，超过附件2名额2项（自本条起超出）");
  // A campaign year the quota table does not know is a warning, not a silent pass.
  json later = typical();
  later["fill_date"] = "2026-10-01";
  later["years"] = years(2025);
  auto d = check(json::array({later}));
  REQUIRE(hits(d, "forms.md rule 8").size() == 1);
  CHECK(d.items()[0].severity == gw::Severity::Warning);
}

TEST_CASE("rule 9: late lists are warnings") {
  json t = typical();
  t["fill_date"] = "2024-11-10";  // on the deadline day: in time
  json e = enterprise();
  e["fill_date"] = "2024-12-10";
  gw::Diagnostics d = check(json::array({t, e}));
  CHECK(d.empty());
  t["fill_date"] = "2024-11-11";
  e["fill_date"] = "2024-12-11";
  d = check(json::array({t, e}));
  REQUIRE(d.items().size() == 2);
  CHECK_FALSE(d.has_errors());
  CHECK(d.items()[0].message == "第1条「福州甲公司」填报日期2024年11月11日晚于典型案例推荐名单报送期限11月10日（福建省共1项）");
  CHECK(d.items()[1].message == "第2条「泉州乙公司」填报日期2024年12月11日晚于消费名品推荐名单报送期限12月10日（福建省共1项）");
}

TEST_CASE("required fields are named") {
  json t = typical();
  t.erase("case_name");
  t.erase("fill_date");
  auto d = check(json::array({t}));
  CHECK(hits(d, "forms.md 附件3") == std::vector<std::string>{"第1条「福州甲公司」案例名称未填写"});
  CHECK(hits(d, "forms.md 附件5") == std::vector<std::string>{"第1条「福州甲公司」填报日期未填写"});
}
