// Sample notice and schema validation for the DOCX tests; see docx_test_support.h.
#include "docx_test_support.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "export/docx/docx_package.h"

namespace gw::docx::test {

namespace {
model::Field F(std::string s) { return model::Field{std::move(s), {}}; }

model::Block para(std::string text) {
  model::Block b;
  b.text = std::move(text);
  return b;
}
model::Block heading(model::BlockKind k, std::string lead, std::string text = {}) {
  model::Block b;
  b.kind = k;
  b.lead = std::move(lead);
  b.text = std::move(text);
  return b;
}
}  // namespace

model::Notice sample_notice() {
  using model::BlockKind;
  model::Notice n;
  n.format = model::Format::File;
  n.issuers = {F("工业和信息化部")};
  n.doc_number = F("工信部消费〔2022〕156号");
  n.title = F("工业和信息化部关于开展2022年“三品”全国行活动的通知");
  n.recipients = F("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门：");
  n.body.push_back(para("为深入贯彻落实党中央、国务院决策部署，推动消费品工业增品种、提品质、创品牌，"
                        "现就开展2022年“三品”全国行活动有关事项通知如下。"));
  n.body.push_back(heading(BlockKind::Heading1, "一、总体要求"));
  n.body.push_back(para("以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，"
                        "聚焦消费升级需求，发挥企业主体作用。"));
  n.body.push_back(heading(BlockKind::Heading2, "（一）前期筹备。", "2022年7月底前，各地工业和信息化主管部门制定活动方案。"));
  n.body.push_back(heading(BlockKind::Heading1, "二、活动内容"));
  n.body.push_back(para("围绕“增品种、提品质、创品牌”，组织开展系列活动，营造良好消费环境。"));
  n.attachment_names = {F("2022年“三品”全国行活动安排表")};
  n.signature_names = {F("工业和信息化部")};
  n.date = F("2022年6月30日");
  n.note = F("联系人：张三，电话：010-12345678");
  model::Attachment a;
  a.title = F("2022年“三品”全国行活动安排表");
  model::Block t;
  t.kind = BlockKind::Table;
  t.table.rows = {{F("序号"), F("活动名称"), F("时间"), F("地点")},
                  {F("1"), F("消费品工业“三品”成果展"), F("7月"), F("北京")},
                  {F("2"), F("品牌建设经验交流会"), F("9月"), F("上海")}};
  a.blocks.push_back(t);
  n.attachments.push_back(a);
  n.cc = F("国家发展改革委、商务部。");
  n.printer = F("工业和信息化部办公厅");
  n.print_date = F("2022年7月1日");
  return n;
}

std::string part(const std::string& docx_bytes, const std::string& name) {
  for (auto& [n, bytes] : unzip_package(docx_bytes))
    if (n == name) return bytes;
  return {};
}

namespace {

std::string schema_for(const std::string& name) {
  const std::string dir = std::string(GW_TEST_DATA) + "/ooxml-xsd/";
  auto ends = [&](const char* suf) {
    const std::string s(suf);
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (name == "[Content_Types].xml") return dir + "opc-xsd/opc-contentTypes.xsd";
  if (ends(".rels")) return dir + "opc-xsd/opc-relationships.xsd";
  if (name == "docProps/core.xml") return dir + "opc-xsd/opc-coreProperties.xsd";
  if (name == "docProps/app.xml") return dir + "shared-documentPropertiesExtended.xsd";
  if (name == "docProps/custom.xml") return dir + "shared-documentPropertiesCustom.xsd";
  if (name.rfind("word/", 0) == 0 && ends(".xml")) return dir + "wml.xsd";
  return {};
}

void collect(void* ctx, xmlErrorPtr e) {
  auto* out = static_cast<std::vector<std::string>*>(ctx);
  std::string m = e && e->message ? e->message : "unknown error";
  while (!m.empty() && m.back() == '\n') m.pop_back();
  out->push_back("line " + std::to_string(e ? e->line : 0) + ": " + m);
}

// Compiled schemas are cached: wml.xsd pulls in DrawingML and takes a while to compile.
xmlSchemaPtr compiled(const std::string& path) {
  static std::map<std::string, std::unique_ptr<xmlSchema, void (*)(xmlSchemaPtr)>> cache;
  auto it = cache.find(path);
  if (it != cache.end()) return it->second.get();
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path.c_str());
  xmlSchemaPtr s = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  if (!s) throw std::runtime_error("cannot compile schema " + path);
  cache.emplace(path, std::unique_ptr<xmlSchema, void (*)(xmlSchemaPtr)>(s, xmlSchemaFree));
  return s;
}

}  // namespace

std::vector<std::string> validate_part(const std::string& name, const std::string& xml) {
  std::vector<std::string> errors;
  const std::string xsd = schema_for(name);
  if (xsd.empty()) return {"no schema known for part " + name};
  xmlSchemaPtr schema = compiled(xsd);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (!doc) return {"not well-formed"};
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(vc, collect, &errors);
  const int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  xmlFreeDoc(doc);
  if (rc != 0 && errors.empty()) errors.push_back("validation failed, code " + std::to_string(rc));
  return errors;
}

std::map<std::string, std::vector<std::string>> validate_package(const std::string& docx_bytes) {
  std::map<std::string, std::vector<std::string>> out;
  for (auto& [name, bytes] : unzip_package(docx_bytes)) out[name] = validate_part(name, bytes);
  return out;
}

int run(const std::string& cmd, std::string* output) {
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf;
  std::string out;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int status = pclose(p);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Evaluates an XPath (prefix w: = WordprocessingML) on a part and returns the string values found.
std::vector<std::string> xpath(const std::string& xml, const std::string& expr) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr, XML_PARSE_NONET);
  REQUIRE(doc);
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs(ctx, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  xmlXPathRegisterNs(ctx, BAD_CAST "cp",
                     BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs(ctx, BAD_CAST "dcterms", BAD_CAST "http://purl.org/dc/terms/");
  xmlXPathRegisterNs(ctx, BAD_CAST "cu",
                     BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  xmlXPathRegisterNs(ctx, BAD_CAST "vt",
                     BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr.c_str(), ctx);
  std::vector<std::string> out;
  if (r && r->type == XPATH_STRING) {
    out.emplace_back(reinterpret_cast<const char*>(r->stringval));
  } else if (r && r->nodesetval) {
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
      out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
  }
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return out;
}

std::string one(const std::string& xml, const std::string& expr) {
  auto v = xpath(xml, expr);
  INFO(expr);
  REQUIRE(v.size() == 1);
  return v[0];
}

}  // namespace gw::docx::test
