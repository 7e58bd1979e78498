// From rows and JSON to Applications: the column mapping (with repeated groups), JSON shapes,
// narrative .txt files and per-record problems.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "base/files.h"
#include "forms/application.h"
#include "forms/read.h"

using namespace gw::forms;

namespace {
ColumnMap columns() { return ColumnMap::load(std::string(GW_SOURCE_DIR) + "/templates/forms/columns.json"); }
}  // namespace

TEST_CASE("column mapping: plain headers, {n} groups, white space in headers") {
  ColumnMap m = columns();
  CHECK(m.field_for("单位名称") == "name");
  CHECK(m.field_for(" 统一社会\n信用代码 ") == "credit_code");
  CHECK(m.field_for("联合申报单位2信用代码") == "joint2.credit_code");
  CHECK(m.field_for("联合申报单位12名称") == "joint12.name");
  CHECK(m.field_for("营业收入3（万元）") == "year3.revenue");
  CHECK(m.field_for("营业收入3") == "year3.revenue");
  CHECK(m.field_for("案例背景") == "section.案例背景");
  CHECK(m.field_for("联合申报单位名称").empty());  // no number
  CHECK(m.field_for("备注").empty());
  CHECK(m.header_for("kind") == "申报类型");
  CHECK(m.header_for("joint3.name") == "联合申报单位3名称");
}

TEST_CASE("a deployer's mapping is checked when loaded") {
  CHECK_THROWS_WITH(ColumnMap::parse(R"({"columns": {"名称": "nmae"}})", "c.json"),
                    Catch::Contains("maps to unknown field id \"nmae\""));
  CHECK_THROWS_WITH(ColumnMap::parse(R"({"columns": {"单位{n}": "name"}})", "c.json"), Catch::Contains("{n}"));
  ColumnMap m = ColumnMap::parse(R"({"columns": {"企业名称": "name", "类别": "kind"}})", "c.json");
  CHECK(m.field_for("企业名称") == "name");
}

TEST_CASE("CSV rows become applications; groups compacted, unknown columns warned") {
  std::string csv =
      "申报类型,单位名称,联合申报单位1名称,联合申报单位1信用代码,联合申报单位2名称,联合申报单位2信用代码,年度1,营业收入1（万元）,备注,解决方案\n"
      "典型案例,甲公司,,,乙公司,91350100M000100Y43,2023,100.5,随便,\"第一段\n第二段\"\n"
      ",,,,,,,,,\n"
      "奖项,丙公司,,,,,,,,\n";
  ReadResult r = read_applications(csv, "/tmp/x.csv", columns());
  REQUIRE(r.applications.size() == 1);
  const Application& a = r.applications[0];
  CHECK(a.kind == Kind::TypicalCase);
  CHECK(a.where == "第2行");
  CHECK(a.name.text == "甲公司");
  CHECK(a.name.line == 2);
  CHECK(a.name.column() == "单位名称");
  REQUIRE(a.joint.size() == 1);  // group 1 was empty, group 2 moves up
  CHECK(a.joint[0].name.text == "乙公司");
  CHECK(a.joint[0].credit_code.column() == "联合申报单位2信用代码");
  REQUIRE(a.years.size() == 1);
  CHECK(a.years[0].revenue.text == "100.5");
  REQUIRE(a.section("解决方案"));
  CHECK(a.section("解决方案")->text.text == "第一段\n第二段");
  REQUIRE(r.diagnostics.items().size() == 2);
  CHECK(r.diagnostics.items()[0].severity == gw::Severity::Warning);
  CHECK(r.diagnostics.items()[0].message == "第1行：列名“备注”不在列名对照表中，该列被忽略");
  CHECK(r.diagnostics.items()[1].severity == gw::Severity::Error);
  CHECK(r.diagnostics.items()[1].loc.line == 5);
  CHECK(r.diagnostics.items()[1].message == "第5行「丙公司」：申报类型“奖项”应为 典型案例、企业品牌 或 区域品牌，该行未读入");
}

TEST_CASE("a CSV without the kind column is refused") {
  ReadResult r = read_applications(std::string("单位名称\n甲公司\n"), "/tmp/x.csv", columns());
  CHECK(r.applications.empty());
  REQUIRE(r.diagnostics.has_errors());
  CHECK(r.diagnostics.items()[0].message.find("表头没有“申报类型”列") != std::string::npos);
}

TEST_CASE("JSON: one object, arrays of groups, sections, Chinese keys") {
  std::string json = R"({"kind": "区域品牌", "name": "某县人民政府", "品牌名称": "某县白茶",
    "representatives": [{"name": "甲", "credit_code": "91350100M000100Y43", "products": "白茶"}, {"name": "乙"}],
    "years": [{"year": 2021, "revenue": 1.5, "profit": 0.25, "tax": 1}],
    "sections": {"产业基础": "文本"}, "多余": 1})";
  ReadResult r = read_applications(json, "/tmp/one.json", columns());
  REQUIRE(r.applications.size() == 1);
  const Application& a = r.applications[0];
  CHECK(a.kind == Kind::RegionalBrand);
  CHECK(a.brand_name.text == "某县白茶");
  REQUIRE(a.representatives.size() == 2);
  CHECK(a.representatives[0].products.text == "白茶");
  CHECK(a.years[0].year.text == "2021");
  CHECK(a.years[0].revenue.text == "1.5");
  CHECK(a.section("产业基础")->text.text == "文本");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message == "第1条：键“多余”不是已知字段，已忽略");
  CHECK_THROWS_WITH(read_applications(std::string("[1,"), "/tmp/bad.json", columns()), Catch::Contains("not valid JSON"));
}

TEST_CASE("a narrative cell may name a .txt file beside the data file") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("gw_forms_read_" + std::to_string(::getpid()));
  fs::create_directories(dir / "n");
  gw::write_file_atomic((dir / "n" / "bg.txt").string(), "\xEF\xBB\xBF背景第一段\r\n背景第二段\r\n");
  std::string csv = "申报类型,单位名称,案例背景,解决方案\n典型案例,甲公司,n/bg.txt,n/missing.txt\n";
  ReadResult r = read_applications(csv, (dir / "data.csv").string(), columns());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].section("案例背景")->text.text == "背景第一段\n背景第二段");
  CHECK(r.applications[0].section("案例背景")->text.file() == (dir / "n" / "bg.txt").string());
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message.find("文件“n/missing.txt”无法读取") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("records handed to a sink one by one are the records read whole, with the same messages") {
  const std::string samples = std::string(GW_SOURCE_DIR) + "/samples/forms/";
  for (const char* file : {"province.csv", "province.xlsx", "applicant.json", "broken.csv"}) {
    INFO(file);
    ReadResult whole = read_applications(samples + file, columns());
    std::vector<Application> got;
    gw::Diagnostics messages = read_applications(samples + file, columns(), [&](Application&& a) {
      CHECK(a.sections.size() == whole.applications.at(got.size()).sections.size());  // narratives read before the sink
      got.push_back(std::move(a));
    });
    REQUIRE(got.size() == whole.applications.size());
    CHECK(!got.empty());
    for (size_t i = 0; i < got.size(); ++i) {
      std::string diff;
      CHECK(same_data(got[i], whole.applications[i], &diff));
      INFO(diff);
      CHECK(got[i].where == whole.applications[i].where);
    }
    REQUIRE(messages.items().size() == whole.diagnostics.items().size());
    for (size_t i = 0; i < messages.items().size(); ++i) CHECK(format(messages.items()[i]) == format(whole.diagnostics.items()[i]));
  }
}

TEST_CASE("unknown extension") {
  CHECK_THROWS_WITH(read_applications(std::string("x"), "/tmp/a.xls", columns()), Catch::Contains("unknown data file type \".xls\""));
}

TEST_CASE("a group number beyond the limit is a warning, not a silent loss") {
  ReadResult r = read_applications(std::string("申报类型,单位名称,联合申报单位25名称\n典型案例,甲公司,乙公司\n"), "/tmp/x.csv", columns());
  REQUIRE(r.applications.size() == 1);
  CHECK(r.applications[0].joint.empty());
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message == "第1行：列名“联合申报单位25名称”的组号超过上限20，该列被忽略");
}

TEST_CASE("for_each_field visits every value once, by the id field_by_id takes") {
  Application a;
  a.kind = Kind::RegionalBrand;
  for (const char* id : {"name", "credit_code", "joint1.name", "joint2.credit_code", "representative1.products",
                         "year1.revenue", "year3.tax", "section.品牌建设"})
    *field_by_id(a, id) = Field{std::string("值") + id, {}};
  std::vector<std::string> ids;
  for_each_field(a, [&](const std::string& id, const Field& f) {
    ids.push_back(id);
    CHECK(find_field(a, id) == &f);  // the id names this very field
  });
  // Every fixed field, and every field of each group entry the record has (empty ones too).
  const size_t fixed = fixed_field_ids().size();
  CHECK(ids.size() == fixed + 2 * 2 + 3 * 1 + 4 * a.years.size() + 1);
  CHECK(a.years.size() == 3);
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // none twice
  for (const char* id : {"joint2.credit_code", "representative1.products", "year3.tax", "section.品牌建设"})
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
}
