// The data checks of GB/T 9704 (check_notice): each with a passing and a failing case, the exact
// text of the findings, and the broken samples in samples/notices/broken/, one check each.
#include <catch2/catch.hpp>

#include "check/check_notice.h"
#include "check/date_rules.h"
#include "template/notice_reader.h"

using gw::Diagnostics;
using gw::Severity;
using gw::SourceLoc;
using gw::model::Field;
using gw::model::Notice;

namespace {

// A notice that passes every check; each test breaks one thing.
Notice good() {
  Notice n;
  n.source_file = "n.xml";
  n.format = gw::model::Format::Letter;
  n.issuers = {{"工业和信息化部办公厅", {"n.xml", 2, 3}}};
  n.doc_number = {"工信厅消费函〔2022〕156号", {"n.xml", 3, 3}};
  n.title = {"关于开展2022“三品”全国行活动的通知", {"n.xml", 4, 3}};
  n.recipients = {"各有关单位：", {"n.xml", 5, 3}};
  gw::model::Block b;
  b.text = "现将有关事项通知如下。";
  b.loc = {"n.xml", 7, 5};
  n.body.push_back(b);
  n.date = {"2022年6月30日", {"n.xml", 9, 3}};
  return n;
}

std::vector<std::string> lines(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds.items()) out.push_back(gw::format(d));
  return out;
}

std::vector<std::string> date_findings(const std::string& date) {
  Diagnostics ds;
  gw::check::check_date(Field{date, {"d.xml", 1, 1}}, "成文日期", "GB/T 9704 7.3.5.4", ds);
  std::vector<std::string> out;
  for (const auto& d : ds.items()) out.push_back(d.message + " | " + d.hint);
  return out;
}

}  // namespace

TEST_CASE("a correct notice has no findings", "[check]") {
  CHECK(gw::check::check_notice(good()).empty());
  Notice n = good();
  n.copy_number = {"000001", {}};
  n.secrecy = {"秘密", {}};
  n.secrecy_period = {"1年", {}};
  n.urgency = {"特急", {}};
  n.attachment_names = {{"活动方案", {}}};
  n.attachments.push_back({{"活动方案", {}}, {}, {}});
  n.cc = {"中国轻工业联合会。", {}};
  n.print_date = {"2022年6月30日", {}};
  CHECK(lines(gw::check::check_notice(n)).empty());
}

TEST_CASE("文号 with wrong brackets, 第, leading zeros, no 号 (7.2.5)", "[check]") {
  Notice n = good();
  n.doc_number.text = "工信厅消费函[2022]156号";
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].severity == Severity::Error);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:3:3: error: 文号 “工信厅消费函[2022]156号”: uses [] instead of 〔〕 around the year [GB/T 9704 7.2.5]\n"
        "  hint: write 工信厅消费函〔2022〕156号");
  for (const char* bad : {"工信厅消费函【2022】156号", "工信厅消费函(2022)156号", "工信厅消费函〔2022〕第156号",
                          "工信厅消费函〔2022〕0156号", "工信厅消费函〔2022〕156"}) {
    n.doc_number.text = bad;
    auto d = gw::check::check_notice(n);
    INFO(bad);
    REQUIRE(d.items().size() >= 1);
    CHECK(d.items()[0].clause == "GB/T 9704 7.2.5");
    CHECK(d.items()[0].hint == "write 工信厅消费函〔2022〕156号");
  }
  n.doc_number.text = "索引号：000014672";
  CHECK(gw::check::check_notice(n).has_errors());
}

TEST_CASE("an order's 令号 第58号 is canonical (10.2)", "[check]") {
  Notice n = good();
  n.format = gw::model::Format::Order;
  n.title = {};
  n.doc_number.text = "第58号";
  CHECK(gw::check::check_notice(n).empty());
}

TEST_CASE("成文日期 (7.3.5.4): leading zeros, Chinese numerals, impossible dates", "[check]") {
  CHECK(date_findings("2022年6月30日").empty());
  CHECK(date_findings("2024年2月29日").empty());
  CHECK(date_findings("2022年06月30日") == std::vector<std::string>{"成文日期 “2022年06月30日” has leading zeros | write 2022年6月30日"});
  CHECK(date_findings("2022年6月03日") == std::vector<std::string>{"成文日期 “2022年6月03日” has leading zeros | write 2022年6月3日"});
  CHECK(date_findings("二〇二二年六月三十日") ==
        std::vector<std::string>{"成文日期 “二〇二二年六月三十日” uses Chinese numerals | write 2022年6月30日 (Arabic numerals)"});
  CHECK(date_findings("２０２２年６月３０日") ==
        std::vector<std::string>{"成文日期 “２０２２年６月３０日” uses full-width digits | write 2022年6月30日 (half-width digits)"});
  CHECK(date_findings("2022年2月30日") == std::vector<std::string>{"成文日期 “2022年2月30日” does not exist | 2022年2月 has 28 days"});
  CHECK(date_findings("2023年2月29日") == std::vector<std::string>{"成文日期 “2023年2月29日” does not exist | 2023年2月 has 28 days"});
  CHECK(date_findings("2022年13月1日") == std::vector<std::string>{"成文日期 “2022年13月1日” does not exist | a year has months 1 to 12"});
  CHECK(date_findings("22年6月30日") ==
        std::vector<std::string>{"成文日期 “22年6月30日” does not give the year in full | write the year with four digits, e.g. 2022年"});
  CHECK(date_findings("2022-06-30").size() == 1);
  CHECK(date_findings("2022年6月").size() == 1);
  CHECK(date_findings("").size() == 1);
}

TEST_CASE("missing date, missing title (not for orders), empty body", "[check]") {
  Notice n = good();
  n.date = {};
  CHECK(lines(gw::check::check_notice(n)) ==
        std::vector<std::string>{"n.xml: error: the notice has no 成文日期 [GB/T 9704 7.3.5.4]\n  hint: add the date, e.g. 2022年6月30日"});
  n = good();
  n.title = {};
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].message == "the notice has no 标题");
  n.format = gw::model::Format::Order;
  n.doc_number.text = "第58号";
  CHECK(gw::check::check_notice(n).empty());
  n = good();
  n.body[0].text = "  ";
  ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(gw::format(ds.items()[0]) == "n.xml:7:5: error: the notice has an empty body [GB/T 9704 7.3.3]\n  hint: write the body text (正文)");
}

TEST_CASE("主送机关 ends with a full-width colon (7.3.2)", "[check]") {
  Notice n = good();
  n.recipients.text = "各有关单位";
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].severity == Severity::Warning);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:5:3: warning: 主送机关 does not end with “：” [GB/T 9704 7.3.2]\n  hint: end the recipients with the full-width colon “：”");
  n.recipients.text = "各有关单位:";
  CHECK(gw::check::check_notice(n).items()[0].message == "主送机关 ends with a half-width colon “:”");
  CHECK_FALSE(gw::check::check_notice(n).has_errors());
}

TEST_CASE("附件说明: no punctuation after names (7.3.4), names match the attachments' titles (7.3.7)", "[check]") {
  Notice n = good();
  n.attachment_names = {{"活动标识。", {"n.xml", 8, 11}}};
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:8:11: warning: 附件说明 name “活动标识。” ends with punctuation [GB/T 9704 7.3.4]\n"
        "  hint: remove the punctuation after the name");
  n.attachment_names = {{"活动工作方案", {"n.xml", 8, 11}}};
  n.attachments.push_back({{"活动实施方案", {"n.xml", 12, 3}}, {}, {"n.xml", 12, 3}});
  ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:12:3: error: title of attachment 1 “活动实施方案” differs from its 附件说明 name “活动工作方案” [GB/T 9704 7.3.7]\n"
        "  hint: use the same words in the 附件说明 and on the attachment's page");
  // Spaces copied from a PDF are not a different title.
  n.attachments[0].title.text = "活动 工作方案";
  CHECK(gw::check::check_notice(n).empty());
  n.attachments.push_back({{"名单", {}}, {}, {"n.xml", 20, 3}});
  ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].message == "附件说明 lists 1 attachment(s) but 2 attachment(s) follow");
}

TEST_CASE("抄送 ends with 。 (7.4.2); 印发日期 like 成文日期 (7.4.3)", "[check]") {
  Notice n = good();
  n.cc = {"中国轻工业联合会、中国商业联合会", {"n.xml", 14, 3}};
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:14:3: warning: 抄送 does not end with “。” [GB/T 9704 7.4.2]\n  hint: put “。” after the last name");
  n = good();
  n.print_date = {"2022年07月01日", {"n.xml", 15, 3}};
  ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(ds.items()[0].message == "印发日期 “2022年07月01日” has leading zeros");
  CHECK(ds.items()[0].clause == "GB/T 9704 7.4.3");
}

TEST_CASE("份号 (7.2.1), 密级 (7.2.2), 紧急程度 (7.2.3)", "[check]") {
  Notice n = good();
  n.copy_number = {"123", {"n.xml", 2, 3}};
  auto ds = gw::check::check_notice(n);
  REQUIRE(ds.items().size() == 1);
  CHECK(gw::format(ds.items()[0]) ==
        "n.xml:2:3: error: 份号 “123” is not 6 Arabic digits [GB/T 9704 7.2.1]\n  hint: pad it with zeros: 000123");
  n.copy_number.text = "A00001";
  CHECK(gw::check::check_notice(n).items()[0].hint == "write six Arabic digits, e.g. 000001");
  n = good();
  n.secrecy = {"内部", {"n.xml", 2, 3}};
  CHECK(gw::check::check_notice(n).items()[0].message == "密级 “内部” is not one of 绝密, 机密, 秘密");
  n.secrecy.text = "绝密";
  n.secrecy_period = {"一年", {"n.xml", 2, 3}};
  CHECK(gw::check::check_notice(n).items()[0].message == "保密期限 “一年” uses Chinese numerals");
  n = good();
  n.urgency = {"紧急", {"n.xml", 2, 3}};
  CHECK(gw::check::check_notice(n).items()[0].message == "紧急程度 “紧急” is not 特急 or 加急");
  n.urgency.text = "加急";
  CHECK(gw::check::check_notice(n).empty());
}

TEST_CASE("samples/notices/broken: each file breaks one check", "[check][samples]") {
  const std::string dir = std::string(GW_SOURCE_DIR) + "/samples/notices/broken/";
  struct Case {
    const char* file;
    const char* expected;  // the first finding, after "<path>:"
  };
  const Case cases[] = {
      {"wenhao-square-brackets.xml", "5: error: 文号 “工信厅消费函[2022]156号”: uses [] instead of 〔〕 around the year [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"wenhao-lenticular-brackets.xml", "5: error: 文号 “工信厅消费函【2022】156号”: uses 【】 instead of 〔〕 around the year [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"wenhao-parentheses.xml", "5: error: 文号 “工信厅消费函(2022)156号”: uses () instead of 〔〕 around the year [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"wenhao-di.xml", "5: error: 文号 “工信厅消费函〔2022〕第156号”: uses 第 before the serial [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"wenhao-leading-zeros.xml", "5: error: 文号 “工信厅消费函〔2022〕0156号”: serial has leading zeros [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"wenhao-no-hao.xml", "5: error: 文号 “工信厅消费函〔2022〕156”: missing 号 after the serial [GB/T 9704 7.2.5]\n  hint: write 工信厅消费函〔2022〕156号"},
      {"date-leading-zeros.xml", "12: error: 成文日期 “2022年06月30日” has leading zeros [GB/T 9704 7.3.5.4]\n  hint: write 2022年6月30日"},
      {"date-leading-zeros.txt", "7:1: error: 成文日期 “2022年06月30日” has leading zeros [GB/T 9704 7.3.5.4]\n  hint: write 2022年6月30日"},
      {"date-chinese-numerals.xml", "12: error: 成文日期 “二〇二二年六月三十日” uses Chinese numerals [GB/T 9704 7.3.5.4]\n  hint: write 2022年6月30日 (Arabic numerals)"},
      {"date-impossible.xml", "12: error: 成文日期 “2022年2月30日” does not exist [GB/T 9704 7.3.5.4]\n  hint: 2022年2月 has 28 days"},
      {"recipients-no-colon.xml", "7: warning: 主送机关 does not end with “：” [GB/T 9704 7.3.2]\n  hint: end the recipients with the full-width colon “：”"},
      {"attachment-name-punctuation.xml", "11: warning: 附件说明 name “活动标识。” ends with punctuation [GB/T 9704 7.3.4]\n  hint: remove the punctuation after the name"},
      {"attachment-title-mismatch.xml", "14: error: title of attachment 1 “活动实施方案” differs from its 附件说明 name “活动工作方案” [GB/T 9704 7.3.7]\n  hint: use the same words in the 附件说明 and on the attachment's page"},
      {"cc-no-period.xml", "13: warning: 抄送 does not end with “。” [GB/T 9704 7.4.2]\n  hint: put “。” after the last name"},
      {"print-date-leading-zeros.xml", "14: error: 印发日期 “2022年07月01日” has leading zeros [GB/T 9704 7.4.3]\n  hint: write 2022年7月1日"},
      {"copy-number-short.xml", "4: error: 份号 “123” is not 6 Arabic digits [GB/T 9704 7.2.1]\n  hint: pad it with zeros: 000123"},
      {"secrecy-unknown.xml", "4: error: 密级 “内部” is not one of 绝密, 机密, 秘密 [GB/T 9704 7.2.2]"},
      {"urgency-unknown.xml", "4: error: 紧急程度 “紧急” is not 特急 or 加急 [GB/T 9704 7.2.3]"},
  };
  for (const auto& c : cases) {
    const std::string path = dir + c.file;
    INFO(path);
    auto ds = gw::check::check_notice(gw::tmpl::read_notice(path));
    REQUIRE(ds.items().size() == 1);
    CHECK(gw::format(ds.items()[0]) == path + ":" + c.expected);
  }
  // The XML reader itself refuses a notice without a title (outside orders).
  CHECK_THROWS_AS(gw::tmpl::read_notice(dir + "title-missing.xml"), gw::InputError);
}

TEST_CASE("the samples pass every check", "[check][samples]") {
  const std::string dir = std::string(GW_SOURCE_DIR) + "/samples/notices/";
  for (const char* f : {"sanpin-2022-156.xml", "sanpin-2022-156.txt", "nianhuojie-2021-885.xml"}) {
    INFO(f);
    CHECK(lines(gw::check::check_notice(gw::tmpl::read_notice(dir + f))).empty());
  }
}
