// XLSX reading from workbooks built here part by part (libzip), so each test states exactly which
// SpreadsheetML feature it exercises: shared strings with rich-text runs, inline strings, numbers,
// dates by built-in and custom formats, the 1904 date system, hidden sheets, and hostile archives.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <zip.h>

#include <map>

#include "base/files.h"
#include "forms/xlsx.h"

using namespace gw::forms;

namespace {

std::string make_zip(const std::map<std::string, std::string>& parts) {
  std::string path = "/tmp/gw_forms_xlsx_test_" + std::to_string(getpid()) + ".xlsx";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    REQUIRE(src);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::string bytes = gw::read_file(path);
  unlink(path.c_str());
  return bytes;
}

const char* kNs = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

std::map<std::string, std::string> workbook(const std::string& sheet1, const std::string& shared, bool date1904 = false,
                                            const std::string& extra_sheet = {}) {
  std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::map<std::string, std::string> p;
  p["xl/workbook.xml"] = std::string("<workbook ") + kNs + ">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                         "<sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/>" +
                         (extra_sheet.empty() ? "" : "<sheet name=\"选项\" sheetId=\"2\" state=\"hidden\" r:id=\"rId4\"/>") +
                         "</sheets></workbook>";
  p["xl/_rels/workbook.xml.rels"] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
      "</Relationships>";
  // cellXfs: 0 General, 1 built-in 14 (m/d/yyyy), 2 custom yyyy"年"m"月"d"日", 3 custom 0.00 (a number)
  p["xl/styles.xml"] = std::string("<styleSheet ") + kNs +
                       "><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                       "<numFmt numFmtId=\"165\" formatCode=\"0.00\"/></numFmts>"
                       "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs>"
                       "</styleSheet>";
  p["xl/sharedStrings.xml"] = std::string("<sst ") + kNs + ">" + shared + "</sst>";
  p["xl/worksheets/sheet1.xml"] = std::string("<worksheet ") + kNs + "><sheetData>" + sheet1 + "</sheetData></worksheet>";
  if (!extra_sheet.empty())
    p["xl/worksheets/sheet2.xml"] = std::string("<worksheet ") + kNs + "><sheetData>" + extra_sheet + "</sheetData></worksheet>";
  return p;
}

std::string error_of(const std::map<std::string, std::string>& parts) {
  try {
    read_xlsx(make_zip(parts), "bad.xlsx");
  } catch (const gw::InputError& e) {
    return e.diagnostic().message;
  }
  return "no error";
}

}  // namespace

TEST_CASE("shared strings with rich-text runs, inline strings, numbers and dates") {
  std::string shared =
      "<si><t>单位名称</t></si>"
      "<si><r><rPr><b/></rPr><t>闽</t></r><r><t xml:space=\"preserve\">跑 体育</t></r><rPh sb=\"0\" eb=\"1\"><t>ミン</t></rPh></si>"
      "<si><t>第一行_x000D_\n第二行</t></si>";
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>内联 文本</t></is></c>"
      "<c r=\"D3\"><v>12345.600000000001</v></c><c r=\"E3\"><v>10432876</v></c>"
      "<c r=\"F3\" s=\"1\"><v>45601</v></c><c r=\"G3\" s=\"2\"><v>45292</v></c><c r=\"H3\" s=\"3\"><v>45292</v></c>"
      "<c r=\"I3\" t=\"s\"><v>2</v></c><c r=\"J3\" t=\"b\"><v>1</v></c><c r=\"K3\" t=\"str\"><f>A1</f><v>公式</v></c></row>";
  auto sheets = read_xlsx(make_zip(workbook(rows, shared)), "p.xlsx");
  REQUIRE(sheets.size() == 1);
  const Sheet& s = sheets[0];
  CHECK(s.name == "名单");
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0].cells[0].text == "单位名称");
  const Row& r = s.rows[1];
  CHECK(r.number == 3);
  REQUIRE(r.cells.size() == 11);
  CHECK(r.cells[0].text == "闽跑 体育");  // runs joined, phonetic guide dropped
  CHECK(r.cells[1].text.empty());       // B3 absent
  CHECK(r.cells[1].line == 3);
  CHECK(r.cells[1].column == 2);
  CHECK(r.cells[2].text == "内联 文本");
  CHECK(r.cells[3].text == "12345.6");   // binary noise removed
  CHECK(r.cells[4].text == "10432876");  // integers keep every digit
  CHECK(r.cells[5].text == "2024-11-05");  // built-in date format 14
  CHECK(r.cells[6].text == "2024-01-01");  // custom 年月日 format
  CHECK(r.cells[7].text == "45292");       // custom 0.00 is a number format, not a date
  CHECK(r.cells[8].text == "第一行\n第二行");  // _x000D_ escape and CRLF → LF
  CHECK(r.cells[9].text == "TRUE");
  CHECK(r.cells[10].text == "公式");
}

TEST_CASE("1904 date system and hidden sheets") {
  std::string rows = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c></row>";
  auto sheets = read_xlsx(make_zip(workbook(rows, "", true, "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")), "p.xlsx");
  REQUIRE(sheets.size() == 1);  // the hidden 选项 sheet is skipped
  CHECK(sheets[0].rows[0].cells[0].text == "1904-01-02");
}

TEST_CASE("hostile or damaged workbooks are refused with a reason") {
  auto parts = workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>", "<si><t>x</t></si>");
  CHECK(error_of(parts).find("shared string index \"5\" out of range") != std::string::npos);

  parts = workbook("", "");
  parts["../evil.txt"] = "x";
  CHECK(error_of(parts).find("unsafe part name \"../evil.txt\"") != std::string::npos);

  parts = workbook("", "");
  parts["xl/_rels/workbook.xml.rels"] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"../../etc/passwd\"/></Relationships>";
  CHECK(error_of(parts).find("points outside the package") != std::string::npos);

  parts = workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", "");
  CHECK(error_of(parts).find("is not well-formed XML") != std::string::npos);

  // An entity reference is not expanded and no DTD is fetched.
  parts = workbook("", "");
  parts["xl/sharedStrings.xml"] = "<!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sst><si><t>&e;</t></si></sst>";
  parts["xl/worksheets/sheet1.xml"] = std::string("<worksheet ") + kNs + "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  auto sheets = read_xlsx(make_zip(parts), "p.xlsx");
  CHECK(sheets[0].rows[0].cells[0].text.find("root:") == std::string::npos);

  parts = workbook("", "");
  parts.erase("xl/workbook.xml");
  CHECK(error_of(parts) == "workbook has no part \"xl/workbook.xml\"");

  try {
    read_xlsx("PK\x03\x04 not really", "bad.xlsx");
    FAIL("no error");
  } catch (const gw::InputError& e) {
    CHECK(e.diagnostic().message.rfind("not an XLSX workbook", 0) == 0);
  }
}

TEST_CASE("cell references and date formats") {
  int col = 0, row = 0;
  CHECK(parse_cell_ref("A1", col, row));
  CHECK((col == 1 && row == 1));
  CHECK(parse_cell_ref("AB12", col, row));
  CHECK((col == 28 && row == 12));
  CHECK(parse_cell_ref("XFD1048576", col, row));
  CHECK(col == 16384);
  CHECK_FALSE(parse_cell_ref("12", col, row));
  CHECK_FALSE(parse_cell_ref("A0", col, row));
  CHECK(is_date_format(14, ""));
  CHECK(is_date_format(57, ""));  // zh-CN built-in yyyy"年"m"月"
  CHECK_FALSE(is_date_format(0, ""));
  CHECK(is_date_format(170, "yyyy\\-mm\\-dd"));
  CHECK(is_date_format(170, "[$-804]yyyy\"年\"m\"月\"d\"日\";@"));
  CHECK_FALSE(is_date_format(170, "#,##0.00\"万元\""));
  CHECK_FALSE(is_date_format(170, "[Red]0.00"));
}
