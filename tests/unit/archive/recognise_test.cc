// Import recognition on the real seeds (tests/data/seeds): 文号, title, issuer, date, recipients, 抄送,
// attachments, and de-duplication of the scraped notice whose paragraphs repeat.
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "archive/recognise.h"
#include "base/diagnostic.h"
#include "base/files.h"

using namespace gw::archive;

namespace {
std::string seed(const std::string& name) { return gw::read_file(std::string(GW_TEST_DATA) + "/seeds/" + name); }
size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("the 网上年货节 letter is recognised") {
  auto n = recognise_notice(extract_text("letter.txt", seed("letter-2022-wangshang-nianhuojie.txt")));
  CHECK(n.wenhao == "工消费函〔2021〕885号");
  CHECK(n.title == "关于组织开展“2022全国网上年货节”的通知");
  CHECK(n.issuer == "工业和信息化部消费品工业司");
  CHECK(n.date == "2021-12-28");
  CHECK(n.recipients == "各省、自治区、直辖市工业和信息化主管部门：");
  CHECK(n.cc == "中国轻工业联合会、中国纺织工业联合会、中国商业联合会、中国食品工业协会。");
  REQUIRE(n.attachments.size() == 1);
  CHECK(n.attachments[0] == "“2022全国网上年货节”工作方案");
  CHECK(n.missing.empty());
}

TEST_CASE("the scraped 三品 notice: run-together text, repeated paragraphs") {
  std::string raw = seed("notice-2022-sanpin-quanguoxing.txt");
  const std::string repeated = "组织京东、阿里、抖音、快手、得物等电商平台开设“三品”消费专区";
  REQUIRE(count(raw, repeated) >= 2);
  auto n = recognise_notice(extract_text("notice.txt", raw));
  CHECK(count(n.text, repeated) == 1);
  CHECK(count(n.text, "发布日期") == 1);
  CHECK(n.text.find("<BR>") == std::string::npos);
  CHECK(n.wenhao == "工信厅消费函〔2022〕156号");  // not the cited 国发〔2022〕12号
  CHECK(n.title == "工业和信息化部办公厅关于开展2022“三品”全国行活动的通知");
  CHECK(n.issuer == "工业和信息化部办公厅");
  CHECK(n.date == "2022-06-30");
  CHECK(n.recipients == "各省、自治区、直辖市及计划单列市工业和信息化主管部门，各有关单位：");
  REQUIRE(n.attachments.size() == 1);
  CHECK(n.attachments[0] == "2022“三品”全国行活动标识.docx");
  // Every distinct sentence survives.
  CHECK(n.text.find("（三）百家区域品牌推介名优好物。") != std::string::npos);
  CHECK(n.text.find("加强活动安全管理。") != std::string::npos);
}

TEST_CASE("an article without 文号 says what is missing") {
  auto n = recognise_notice(extract_text("a.md", seed("article-2024-supply-demand-adaptation.txt")));
  CHECK(n.wenhao.empty());
  CHECK(std::find(n.missing.begin(), n.missing.end(), "文号") != n.missing.end());
  CHECK_FALSE(n.title.empty());
}

TEST_CASE("dedupe keeps short repeated lines and the first of long ones") {
  CHECK(dedupe_paragraphs("附件\n这是一段足够长的重复段落。\n附件\n这是一段足够长的重复段落。\n") ==
        "附件\n这是一段足够长的重复段落。\n附件\n");
}

TEST_CASE("unsupported or broken files are input errors") {
  CHECK_THROWS_AS(extract_text("x.xls", "abc"), gw::InputError);
  CHECK_THROWS_AS(extract_text("x.pdf", "not a pdf"), gw::InputError);
  CHECK_THROWS_AS(extract_text("x.docx", "not a zip"), gw::InputError);
}

TEST_CASE("iso_date") {
  CHECK(iso_date("2022年6月30日") == "2022-06-30");
  CHECK(iso_date("２０２２年６月３０日") == "2022-06-30");
  CHECK(iso_date("2022-6-3") == "2022-06-03");
  CHECK(iso_date("2022年13月1日").empty());
  CHECK(iso_date("六月").empty());
}
