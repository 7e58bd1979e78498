// The plain-text notice reader: the sample as a clerk types it, scraped input, the header block,
// orders, the 版记 and attachment pages, and the errors for text it cannot place.
#include <catch2/catch.hpp>

#include "base/files.h"
#include "template/notice_xml_reader.h"
#include "template/plain_text_reader.h"

using gw::model::BlockKind;
using gw::model::Format;
using gw::model::Notice;
using gw::tmpl::read_plain_text_notice;

namespace {

const std::string kSamples = std::string(GW_SOURCE_DIR) + "/samples/notices/";

int count(const Notice& n, BlockKind k) {
  int c = 0;
  for (const auto& b : n.body) c += b.kind == k;
  return c;
}

}  // namespace

TEST_CASE("the sanpin sample as typed by a clerk", "[plaintext]") {
  const std::string path = kSamples + "sanpin-2022-156.txt";
  Notice n = read_plain_text_notice(gw::read_file(path), path);
  CHECK(n.format == Format::Letter);  // a 函 (工信厅消费函) is printed in 信函格式
  REQUIRE(n.issuers.size() == 1);
  CHECK(n.issuers[0].text == "工业和信息化部办公厅");
  CHECK_FALSE(n.mark_with_wenjian);
  CHECK(n.doc_number.text == "工信厅消费函〔2022〕156号");
  CHECK(n.doc_number.loc.line == 2);
  CHECK(n.title.text == "工业和信息化部办公厅关于开展2022“三品”全国行活动的通知");
  CHECK(n.title.loc.file == path);
  CHECK(n.title.loc.line == 4);
  CHECK(n.title.loc.column == 1);
  CHECK(n.recipients.text == "各省、自治区、直辖市及计划单列市工业和信息化主管部门，各有关单位：");
  CHECK(n.recipients.loc.line == 6);
  CHECK(n.body.size() == 23);
  CHECK(count(n, BlockKind::Heading1) == 6);
  CHECK(count(n, BlockKind::Heading2) == 14);
  CHECK(n.body[1].lead == "一、活动主题");
  CHECK(n.body[1].loc.line == 9);
  // 全角 spaces are normalised.
  CHECK(n.body[2].text == "优品智造 尚品臻选 有品生活");
  REQUIRE(n.attachment_names.size() == 1);
  CHECK(n.attachment_names[0].text == "2022“三品”全国行活动标识");
  REQUIRE(n.signature_names.size() == 1);
  CHECK(n.signature_names[0].text == "工业和信息化部办公厅");
  CHECK(n.seal == gw::model::SealKind::Seal);
  CHECK(n.date.text == "2022年6月30日");
  CHECK(n.date.loc.line == 35);
  CHECK(n.attachments.empty());
}

TEST_CASE("plain text and XML samples of the sanpin notice have the same structure", "[plaintext]") {
  const std::string txt = kSamples + "sanpin-2022-156.txt";
  Notice a = read_plain_text_notice(gw::read_file(txt), txt);
  Notice b = gw::tmpl::read_notice_xml(kSamples + "sanpin-2022-156.xml");
  CHECK(a.format == b.format);
  CHECK(a.title.text == b.title.text);
  CHECK(a.doc_number.text == b.doc_number.text);
  CHECK(a.recipients.text == b.recipients.text);
  CHECK(a.date.text == b.date.text);
  REQUIRE(a.body.size() == b.body.size());
  for (size_t i = 0; i < a.body.size(); ++i) {
    INFO("paragraph " << i);
    CHECK(a.body[i].kind == b.body[i].kind);
    CHECK(a.body[i].lead + a.body[i].text == b.body[i].lead + b.body[i].text);
  }
  REQUIRE(a.attachment_names.size() == b.attachment_names.size());
  CHECK(a.attachment_names[0].text == b.attachment_names[0].text);
}

TEST_CASE("scraped text: glued paragraphs split, repeats dropped, <BR> and spaces cleaned", "[plaintext]") {
  const std::string text =
      "关于开展活动的通知\n"
      "各有关单位：\n"
      "\n"
      "　　为提振消费信心，决定开展活动。有关事项通知如下：一、活动主题\n"
      "优品智造\n"
      "为提振消费信心，决定开展活动。\n"
      "各地要加强组织领导，精心策划，周密部署，确保活动在保\n"
      "障生活必需品供应的同时顺利开展。\n"
      "各地要加强组织领导，精心策划，周密部署，确保活动在保\n"
      "附件：<BR>活动<BR>标识\n"
      "工业和信息化部办公厅\n"
      "2022年6月30日\n";
  gw::Diagnostics notes;
  Notice n = read_plain_text_notice(text, "s.txt", &notes);
  REQUIRE(n.body.size() == 5);
  CHECK(n.body[0].text == "为提振消费信心，决定开展活动。有关事项通知如下：");
  CHECK(n.body[0].loc.line == 4);
  CHECK(n.body[0].loc.column == 3);  // after the two full-width spaces
  CHECK(n.body[1].kind == BlockKind::Heading1);
  CHECK(n.body[1].lead == "一、活动主题");
  CHECK(n.body[1].loc.column == 27);  // where "一、" stands in the glued line
  CHECK(n.body[3].text == "为提振消费信心，决定开展活动。");
  // A paragraph broken by a page end is joined again.
  CHECK(n.body[4].text == "各地要加强组织领导，精心策划，周密部署，确保活动在保障生活必需品供应的同时顺利开展。");
  REQUIRE(notes.items().size() == 1);
  CHECK(gw::format(notes.items()[0]) ==
        "s.txt:9:1: warning: paragraph repeats line 7 verbatim; dropped\n  hint: delete the repeated paragraph");
  REQUIRE(n.attachment_names.size() == 1);
  CHECK(n.attachment_names[0].text == "活动标识");
}

TEST_CASE("header block, joint issue, attachments list and pages, 版记", "[plaintext]") {
  const std::string text =
      "份号：000123\n"
      "密级：秘密★1年\n"
      "紧急程度：特急\n"
      "发文机关：工业和信息化部、商务部\n"
      "文号：工信部联消费〔2023〕12号\n"
      "签发人：张三 李四\n"
      "关于推进消费品工业数字化\n"
      "转型的通知\n"
      "各省、自治区、直辖市工业和信息化主管部门：\n"
      "一、总体要求\n"
      "（一）基本原则。坚持市场主导。\n"
      "1.强化标准引领\n"
      "（1）完善标准体系。\n"
      "附件：1.重点任务清单\n"
      "2.联系人名单\n"
      "工业和信息化部\n"
      "商务部\n"
      "2023年3月1日\n"
      "（此件公开发布）\n"
      "抄送：国家发展改革委。\n"
      "工业和信息化部办公厅 2023年3月2日印发\n"
      "附件1\n"
      "重点任务清单\n"
      "|任务|牵头单位|\n"
      "|---|---|\n"
      "|标准体系|工业和信息化部|\n"
      "附件2\n"
      "联系人名单\n"
      "王五 010-12345678\n";
  Notice n = read_plain_text_notice(text, "h.txt");
  CHECK(n.format == Format::File);
  CHECK(n.copy_number.text == "000123");
  CHECK(n.secrecy.text == "秘密");
  CHECK(n.secrecy_period.text == "1年");
  CHECK(n.urgency.text == "特急");
  REQUIRE(n.issuers.size() == 2);
  CHECK(n.issuers[1].text == "商务部");
  CHECK(n.doc_number.text == "工信部联消费〔2023〕12号");
  REQUIRE(n.signers.size() == 2);
  CHECK(n.signers[0].text == "张三");
  CHECK(n.title.text == "关于推进消费品工业数字化转型的通知");  // two title lines joined
  CHECK(n.recipients.loc.line == 9);
  REQUIRE(n.body.size() == 4);
  CHECK(n.body[0].kind == BlockKind::Heading1);
  CHECK(n.body[1].kind == BlockKind::Heading2);
  CHECK(n.body[1].lead == "（一）基本原则。");
  CHECK(n.body[1].text == "坚持市场主导。");
  CHECK(n.body[2].kind == BlockKind::Heading3);
  CHECK(n.body[3].kind == BlockKind::Heading4);
  REQUIRE(n.attachment_names.size() == 2);
  CHECK(n.attachment_names[0].text == "重点任务清单");
  CHECK(n.attachment_names[1].text == "联系人名单");
  CHECK(n.attachment_names[1].loc.line == 15);
  REQUIRE(n.signature_names.size() == 2);
  CHECK(n.signature_names[0].text == "工业和信息化部");
  CHECK(n.date.text == "2023年3月1日");
  CHECK(n.note.text == "此件公开发布");
  CHECK(n.cc.text == "国家发展改革委。");
  CHECK(n.printer.text == "工业和信息化部办公厅");
  CHECK(n.print_date.text == "2023年3月2日");
  REQUIRE(n.attachments.size() == 2);
  CHECK(n.attachments[0].title.text == "重点任务清单");
  CHECK(n.attachments[0].loc.line == 22);
  REQUIRE(n.attachments[0].blocks.size() == 1);
  const auto& table = n.attachments[0].blocks[0].table;
  CHECK(n.attachments[0].blocks[0].kind == BlockKind::Table);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1][1].text == "工业和信息化部");
  CHECK(table.rows[1][1].loc.column == 7);
  REQUIRE(n.attachments[1].blocks.size() == 1);
  CHECK(n.attachments[1].blocks[0].text == "王五 010-12345678");
}

TEST_CASE("an order: mark, 令号, signature seal", "[plaintext]") {
  const std::string text =
      "中华人民共和国工业和信息化部令\n"
      "第58号\n"
      "《消费品召回管理办法》已经2022年5月18日工业和信息化部第9次部务会议审议通过，现予公布，自2022年8月1日起施行。\n"
      "部长 金壮龙\n"
      "2022年6月2日\n";
  Notice n = read_plain_text_notice(text, "o.txt");
  CHECK(n.format == Format::Order);
  CHECK(n.mark.text == "中华人民共和国工业和信息化部令");
  REQUIRE(n.issuers.size() == 1);
  CHECK(n.issuers[0].text == "中华人民共和国工业和信息化部");
  CHECK(n.doc_number.text == "第58号");
  CHECK(n.title.empty());
  REQUIRE(n.body.size() == 1);
  CHECK(n.signer_title.text == "部长");
  CHECK(n.signer_name.text == "金壮龙");
  CHECK(n.signer_name.loc.column == 4);
  CHECK(n.seal == gw::model::SealKind::SignatureSeal);
  CHECK(n.signature_names.empty());
}

TEST_CASE("text the reader cannot place is an error with its line", "[plaintext]") {
  try {
    read_plain_text_notice("关于开展活动的通知\n各有关单位：\n正文。\n工业和信息化部\n", "d.txt");
    FAIL("expected an InputError");
  } catch (const gw::InputError& e) {
    CHECK(gw::format(e.diagnostic()) ==
          "d.txt:4:1: error: no 成文日期 line found\n"
          "  hint: put the date alone on a line after the signature, e.g. 2022年6月30日 (GB/T 9704 7.3.5.4)");
  }
  try {
    read_plain_text_notice("关于开展活动的通知\n各有关单位：\n正文。\n工业和信息化部\n2022年6月30日\n多余的一行\n", "e.txt");
    FAIL("expected an InputError");
  } catch (const gw::InputError& e) {
    CHECK(e.diagnostic().loc.line == 6);
    CHECK(e.diagnostic().message == "text after the 成文日期 that is not a 附注, 抄送 or attachment: “多余的一行”");
  }
  try {
    read_plain_text_notice("标题\n正文。\n工业和信息化部\n2022年6月30日\n附件\n", "h.txt");
    FAIL("expected an InputError");
  } catch (const gw::InputError& e) {
    CHECK(gw::format(e.diagnostic()) ==
          "h.txt:5:1: error: “附件” starts an attachment page but no title follows\n"
          "  hint: put the attachment's title on the line after “附件” (GB/T 9704 7.3.7)");
  }
  try {
    read_plain_text_notice("标题\n正文。\n工业和信息化部\n2022年6月30日\n印发机关：工业和信息化部办公厅\n", "p.txt");
    FAIL("expected an InputError");
  } catch (const gw::InputError& e) {
    CHECK(e.diagnostic().loc.line == 5);
    CHECK(e.diagnostic().message == "印发机关 without 印发日期 (GB/T 9704 7.4.3)");
  }
  // A short last line is the signature only when body text remains above it.
  auto n = read_plain_text_notice("发文机关：工业和信息化部\n标题\n正文\n2022年6月30日\n", "s.txt");
  REQUIRE(n.body.size() == 1);
  CHECK(n.body[0].text == "正文");
  CHECK(n.signature_names.empty());
  REQUIRE(n.issuers.size() == 1);
  CHECK(n.issuers[0].text == "工业和信息化部");
  try {
    read_plain_text_notice("标题\n正文\n2022年6月30日\n", "s.txt");
    FAIL("expected an InputError");
  } catch (const gw::InputError& e) {
    CHECK(e.diagnostic().message == "no 发文机关 found");
  }
  CHECK_THROWS_AS(read_plain_text_notice("\n\n", "f.txt"), gw::InputError);
  CHECK_THROWS_AS(read_plain_text_notice(std::string("\xff\xfe", 2), "g.txt"), gw::InputError);
}
