// The 申报书 as DOCX: every part valid against the ECMA-376 schemas; the values from data present,
// merged cells (vMerge), the repeated header row, and content controls with a title where the data
// left a field empty; and LibreOffice opening it with the same text and page count as gongwen's PDF.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "../docx/docx_test_support.h"
#include "base/files.h"
#include "export/docx/form_docx.h"
#include "export/pdf/pdf_writer.h"
#include "forms/application_form.h"
#include "forms/read.h"
#include "layout/form_layout.h"
#include "template/font_map_reader.h"

using namespace gw;
using namespace gw::docx::test;

namespace {

forms::Application applicant() {
  auto r = forms::read_applications(std::string(GW_SOURCE_DIR) + "/samples/forms/applicant.json", forms::default_columns());
  REQUIRE(r.applications.size() == 1);
  return r.applications.front();
}

model::FormDocument filled(const forms::Application& app) {
  static auto templates = forms::FormTemplates::load(std::string(GW_SOURCE_DIR) + "/templates/forms");
  return forms::fill_application(app, templates);
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

std::string strip_space(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

TEST_CASE("申报书 DOCX: schema-valid parts, data, merges, header row, content controls", "[docx][forms]") {
  forms::Application app = applicant();
  // Leave some fields empty: they must become content controls a clerk fills in Word.
  app.position.text.clear();
  for (auto& s : app.sections)
    if (s.title == "品牌影响力") s.text.text.clear();
  const std::string bytes = docx::write_form_docx(filled(app), model::Style::gbt9704());
  for (const auto& [name, errors] : validate_package(bytes)) {
    INFO(name);
    for (const auto& e : errors) INFO(e);
    CHECK(errors.empty());
  }
  const std::string doc = part(bytes, "word/document.xml");
  for (const char* want : {"福州三坊漆艺有限公司", "91350121MAP6M3M20H", "承诺书", "推荐意见：", "2031年6月27日"})
    CHECK(doc.find(want) != std::string::npos);
  CHECK(count(doc, "w:vMerge w:val=\"restart\"") >= 1);  // 联系人 over two rows
  CHECK(count(doc, "<w:tblHeader/>") >= 1);               // the 年度 header row
  // The empty 职务 and 品牌影响力: controls titled with their labels, showing placeholders.
  CHECK(doc.find("<w:alias w:val=\"职务\"/>") != std::string::npos);
  CHECK(doc.find("<w:tag w:val=\"section.品牌影响力\"/>") != std::string::npos);
  CHECK(count(doc, "<w:showingPlcHdr/>") >= 2);
  // Filled table values are controls too (editable, tagged for software reading the form back).
  CHECK(doc.find("<w:tag w:val=\"credit_code\"/>") != std::string::npos);
  const std::string custom = part(bytes, "docProps/custom.xml");
  CHECK(custom.find("福州三坊漆艺有限公司") != std::string::npos);
}

TEST_CASE("LibreOffice opens the 申报书 DOCX with the PDF's text and pages", "[docx][forms][libreoffice]") {
  if (run("command -v soffice >/dev/null && command -v pdftotext >/dev/null") != 0) {
    WARN("SKIPPED: soffice or pdftotext not installed");
    return;
  }
  std::string dir = "/tmp/gw-form-docx-XXXXXX";
  REQUIRE(mkdtemp(dir.data()) != nullptr);
  forms::Application app = applicant();
  model::FormDocument form = filled(app);
  const model::Style style = model::Style::gbt9704();
  write_file_atomic(dir + "/form.docx", docx::write_form_docx(form, style));
  fonts::FontSet fonts = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  layout::Document laid = layout::layout_form(form, style, fonts);
  write_file_atomic(dir + "/ours.pdf", pdf::write_pdf(laid, fonts, {}));

  std::string out;
  const std::string cmd = "cd " + dir + " && HOME=" + dir + "/home timeout 240 soffice -env:UserInstallation=file://" + dir +
                          "/lo-profile --headless --norestore --convert-to pdf --outdir " + dir + " form.docx";
  INFO(cmd);
  REQUIRE(run(cmd, &out) == 0);
  REQUIRE(access((dir + "/form.pdf").c_str(), R_OK) == 0);
  std::string info;
  REQUIRE(run("pdfinfo " + dir + "/form.pdf | grep Pages", &info) == 0);
  CHECK(info.find(std::to_string(laid.pages.size())) != std::string::npos);

  std::string theirs, ours;
  REQUIRE(run("pdftotext " + dir + "/form.pdf -", &theirs) == 0);
  REQUIRE(run("pdftotext " + dir + "/ours.pdf -", &ours) == 0);
  theirs = strip_space(theirs);
  ours = strip_space(ours);
  // Every value from the data, and the fixed words of each part, in both.
  for (const std::string want : {"附件4", "中国消费名品申报书", "福州三坊漆艺有限公司", "91350121MAP6M3M20H", "一、基本信息",
                                 "近三年经营情况", "9423.1", "五、文化赋能能力", "讲好品牌故事", "承诺书", "推荐意见"}) {
    INFO(want);
    CHECK(theirs.find(want) != std::string::npos);
    CHECK(ours.find(want) != std::string::npos);
  }
  run("rm -rf " + dir);
}
