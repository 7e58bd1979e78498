// samples/forms/: the province data set reads the same from its CSV and its XLSX twin and passes every
// rule; broken.csv breaks exactly the rules its README lists, on exactly those lines.
#include <catch2/catch.hpp>

#include <set>

#include "forms/collation.h"
#include "forms/read.h"
#include "forms/validate.h"

using namespace gw::forms;

namespace {
const std::string kSamples = std::string(GW_SOURCE_DIR) + "/samples/forms/";
ColumnMap columns() { return ColumnMap::load(std::string(GW_SOURCE_DIR) + "/templates/forms/columns.json"); }
Quotas quotas() { return Quotas::load(std::string(GW_SOURCE_DIR) + "/templates/forms/quotas.json"); }
}  // namespace

TEST_CASE("province.csv and province.xlsx hold the same applications") {
  ReadResult csv = read_applications(kSamples + "province.csv", columns());
  ReadResult xlsx = read_applications(kSamples + "province.xlsx", columns());
  CHECK(csv.diagnostics.empty());
  CHECK(xlsx.diagnostics.empty());
  REQUIRE(csv.applications.size() == 20);
  REQUIRE(xlsx.applications.size() == csv.applications.size());
  for (size_t i = 0; i < csv.applications.size(); ++i) {
    std::string diff;
    bool same = same_data(csv.applications[i], xlsx.applications[i], &diff);
    INFO(csv.applications[i].where << " vs " << xlsx.applications[i].where << ": " << diff);
    CHECK(same);
  }
  int kinds[3] = {0, 0, 0};
  for (const auto& a : csv.applications) ++kinds[static_cast<int>(a.kind)];
  CHECK(kinds[0] == 8);
  CHECK(kinds[1] == 10);
  CHECK(kinds[2] == 2);

  // Spot checks against the generator's data (make_samples.py), by hand.
  const Application& first_brand = xlsx.applications[8];
  CHECK(first_brand.where == "工作表“消费名品”第2行");
  CHECK(first_brand.loc.line == 2);
  CHECK(first_brand.brand_name.text == "三坊漆艺");  // rich-text runs in the XLSX
  CHECK(first_brand.founded.text == "1992-10-26");   // a date serial under a custom format
  CHECK(first_brand.fill_date.text == "2024-11-05"); // a date serial under built-in format 14
  CHECK(first_brand.trademark_no.text == "10432876");
  CHECK(first_brand.products.text == "脱胎漆器,漆画,漆艺茶具");
  const Application& tingjiang = csv.applications[5];
  CHECK(tingjiang.name.text == "龙岩汀江家居有限公司");
  REQUIRE(tingjiang.section("解决方案"));
  CHECK(tingjiang.section("解决方案")->text.text.rfind("龙岩汀江家居有限公司以“全屋定制、七天交付”为目标", 0) == 0);
  CHECK(csv.applications[6].joint.size() == 3);
  CHECK(csv.applications[19].representatives.size() == 2);
}

TEST_CASE("the province data set passes every rule") {
  ReadResult xlsx = read_applications(kSamples + "province.xlsx", columns());
  Quotas q = quotas();
  gw::Diagnostics d = validate(xlsx.applications, ValidateOptions{&q});
  for (const auto& x : d.items()) INFO(gw::format(x));
  CHECK(d.empty());
}

TEST_CASE("broken.csv breaks each rule where its README says") {
  ReadResult r = read_applications(kSamples + "broken.csv", columns());
  REQUIRE(r.diagnostics.empty());
  Quotas q = quotas();
  gw::Diagnostics d = validate(r.applications, ValidateOptions{&q});
  std::set<std::pair<int, std::string>> got;
  for (const auto& x : d.items()) {
    INFO(gw::format(x));
    CHECK(x.severity == (x.clause == "forms.md rule 9" ? gw::Severity::Warning : gw::Severity::Error));
    got.insert({x.loc.line, x.clause});
  }
  auto rule = [](int n) { return "forms.md rule " + std::to_string(n); };
  std::set<std::pair<int, std::string>> want = {
      {2, rule(1)},  {3, rule(1)},  {4, rule(1)},  {5, rule(2)},  {6, rule(2)},  {7, rule(2)},
      {9, rule(3)},  {10, rule(4)}, {11, rule(4)}, {12, rule(5)}, {13, rule(5)}, {14, rule(6)},
      {15, rule(6)}, {16, rule(6)}, {17, rule(7)}, {21, rule(8)}, {22, rule(9)}};
  CHECK(got == want);
  CHECK(d.items().size() == want.size());
}

TEST_CASE("the sample 典型案例 in stroke order") {
  ReadResult csv = read_applications(kSamples + "province.csv", columns());
  std::vector<Application> cases(csv.applications.begin(), csv.applications.begin() + 8);
  std::vector<std::string> names;
  for (size_t i : sorted_by_applicant(cases, SortOrder::Stroke)) names.push_back(cases[i].name.text.substr(0, 6));
  // First characters by stroke count, counted by hand: 厦(12) 南(9) 宁(5) 泉(9) 漳(14) 福(13) 龙(5)
  // → 龙 宁 (5) · 南 泉 (9) · 厦 (12) · 福 漳 last; 厦门 twice. ICU (CLDR) counts the radical 礻 as
  // 示 (5 strokes), which makes 福 14 like 漳, so only the set of the last two is asserted.
  REQUIRE(names.size() == 8);
  CHECK(std::set<std::string>{names[0], names[1]} == std::set<std::string>{"龙岩", "宁德"});
  CHECK(std::set<std::string>{names[2], names[3]} == std::set<std::string>{"南平", "泉州"});
  CHECK(names[4] == "厦门");
  CHECK(names[5] == "厦门");
  CHECK(std::set<std::string>{names[6], names[7]} == std::set<std::string>{"福州", "漳州"});
}

TEST_CASE("applicant.json (JSON shape) holds the XLSX's first 企业品牌") {
  ReadResult json = read_applications(kSamples + "applicant.json", columns());
  ReadResult xlsx = read_applications(kSamples + "province.xlsx", columns());
  CHECK(json.diagnostics.empty());
  REQUIRE(json.applications.size() == 1);
  std::string diff;
  bool same = same_data(json.applications[0], xlsx.applications[8], &diff);
  INFO(diff);
  CHECK(same);
  gw::Diagnostics d = validate(json.applications);
  CHECK(d.empty());
}
