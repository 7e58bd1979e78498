// The notice XML writer: its output validates against templates/notice.xsd (libxml2's own validator,
// not ours) and reads back into the same notice.
#include <catch2/catch.hpp>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "base/files.h"
#include "template/notice_xml_reader.h"
#include "template/notice_xml_writer.h"
#include "template/plain_text_reader.h"

namespace {

const std::string kSamples = std::string(GW_SOURCE_DIR) + "/samples/notices/";

// Number of schema errors of `xml` against notice.xsd (0 = valid); -1 when it does not parse.
int schema_errors(const std::string& xml) {
  std::string xsd = std::string(GW_SOURCE_DIR) + "/templates/notice.xsd";
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd.c_str());
  xmlSchemaPtr schema = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  REQUIRE(schema != nullptr);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "out.xml", nullptr, XML_PARSE_NONET);
  int rc = -1;
  if (doc) {
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
  }
  xmlSchemaFree(schema);
  return rc;
}

}  // namespace

TEST_CASE("written XML of the sanpin text sample is schema-valid and reads back", "[xmlwriter]") {
  const std::string path = kSamples + "sanpin-2022-156.txt";
  auto n = gw::tmpl::read_plain_text_notice(gw::read_file(path), path);
  std::string xml = gw::tmpl::write_notice_xml(n);
  CHECK(schema_errors(xml) == 0);
  auto back = gw::tmpl::read_notice_xml_string(xml, "out.xml");
  CHECK(back.title.text == n.title.text);
  CHECK(back.issuers.size() == 1);
  CHECK_FALSE(back.mark_with_wenjian);
  REQUIRE(back.body.size() == n.body.size());
  for (size_t i = 0; i < n.body.size(); ++i) {
    CHECK(back.body[i].kind == n.body[i].kind);
    CHECK(back.body[i].lead == n.body[i].lead);
    CHECK(back.body[i].text == n.body[i].text);
  }
  CHECK(back.seal == gw::model::SealKind::Seal);
}

TEST_CASE("every element, escaping and mixed content", "[xmlwriter]") {
  using namespace gw::model;
  Notice n;
  n.format = Format::File;
  n.copy_number = {"000001", {}};
  n.secrecy = {"秘密", {}};
  n.secrecy_period = {"1年", {}};
  n.urgency = {"特急", {}};
  n.issuers = {{"工业和信息化部", {}}, {"商务部", {}}};
  n.doc_number = {"工信部联消费〔2023〕12号", {}};
  n.signers = {{"张三", {}}, {"李四", {}}};
  n.title = {"关于<试点>&“三品”的通知", {}};
  n.recipients = {"各有关单位：", {}};
  Block h;
  h.kind = BlockKind::Heading2;
  h.lead = "（一）前期筹备。";
  h.text = "2021年12月7日-31日，A&B.";
  n.body.push_back(h);
  Block t;
  t.kind = BlockKind::Table;
  t.table.has_header = false;
  t.table.rows = {{{"a", {}}, {"b", {}}}};
  n.body.push_back(t);
  n.attachment_names = {{"清单", {}}};
  n.signature_names = {{"工业和信息化部", {}}, {"商务部", {}}};
  n.seal = SealKind::Seal;
  n.date = {"2023年3月1日", {}};
  n.note = {"此件公开发布", {}};
  Attachment a;
  a.title = {"清单", {}};
  n.attachments.push_back(a);
  n.cc = {"国家发展改革委。", {}};
  n.printer = {"工业和信息化部办公厅", {}};
  n.print_date = {"2023年3月2日", {}};
  std::string xml = gw::tmpl::write_notice_xml(n);
  CHECK(schema_errors(xml) == 0);
  CHECK(xml.find("<title>关于&lt;试点&gt;&amp;“三品”的通知</title>") != std::string::npos);
  CHECK(xml.find("<p><lead>（一）前期筹备。</lead>2021年12月7日-31日，A&amp;B.</p>") != std::string::npos);
  CHECK(xml.find("<secrecy period=\"1年\">秘密</secrecy>") != std::string::npos);
  CHECK(xml.find("<printer date=\"2023年3月2日\">工业和信息化部办公厅</printer>") != std::string::npos);
  CHECK(xml.find("<table header=\"false\">") != std::string::npos);
  auto back = gw::tmpl::read_notice_xml_string(xml, "out.xml");
  CHECK(back.title.text == n.title.text);
  REQUIRE(back.body.size() == 2);
  CHECK(back.body[0].kind == BlockKind::Heading2);
  CHECK(back.body[0].lead == h.lead);
  CHECK(back.body[0].text == h.text);
  CHECK(back.signers.size() == 2);
  CHECK(back.print_date.text == "2023年3月2日");
}
