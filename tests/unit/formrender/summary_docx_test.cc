// The 附件5 推荐汇总表 as DOCX (export/docx/summary_docx.cc): every part valid against the ECMA-376
// schemas; one landscape section with the clause 8 page (the same turned block as the PDF) and its
// own footers; each table's header row marked to repeat (w:tblHeader) and no other; 序号 centred;
// the PDF's column widths and row heights taken from the layout; every row present, in order.
#include <catch2/catch.hpp>

#include "../docx/docx_test_support.h"
#include "export/docx/ooxml_props.h"
#include "export/docx/summary_docx.h"
#include "layout/summary_layout.h"
#include "template/font_map_reader.h"

using namespace gw;
using namespace gw::docx::test;

namespace {

const fonts::FontSet& font_set() {
  static fonts::FontSet fs = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  return fs;
}

// Sixty 典型案例 rows (long cells every seventh row) and a short 名品 table of nine columns.
layout::SummaryForm form() {
  layout::SummaryForm f;
  f.title = "中国消费名品方阵推荐汇总表";
  f.head_lines = {"推荐单位（盖章）：某某省工业和信息化厅　　　　　　填报日期：2024年11月5日"};
  layout::PlainTable t;
  t.caption = "一、“数字三品”应用场景典型案例";
  t.header = {"序号", "申报主体", "联合申报单位", "申报方向", "案例名称", "所属行业", "联系人", "联系电话"};
  t.centred = {true};
  for (int i = 1; i <= 60; ++i) {
    std::string joint = i % 7 == 0 ? "甲地智能制造有限公司、乙地数字科技股份有限公司、丙地供应链管理有限公司" : "";
    t.rows.push_back({std::to_string(i), "申报企业" + std::to_string(i) + "号有限公司", joint, "3.个性化定制驱动消费模式重塑",
                      "数字化案例", "纺织服装", "张三", "13800000000"});
  }
  f.tables.push_back(t);
  layout::PlainTable b;
  b.caption = "二、中国消费名品";
  b.header = {"序号", "品牌名称", "品牌类型", "推荐维度", "申报主体", "所属行业", "代表性企业", "联系人", "联系电话"};
  b.centred = {true};
  b.rows.push_back({"1", "梁野山", "企业品牌", "时代优品", "武平梁野食品有限公司", "农副食品加工业", "", "刘晓霞", "13905970017"});
  b.rows.push_back({"2", "德化白瓷", "区域品牌"});  // a short row: padded with empty cells
  f.tables.push_back(b);
  return f;
}

std::string table(int n) { return "(//w:tbl)[" + std::to_string(n) + "]"; }

}  // namespace

TEST_CASE("附件5 DOCX: landscape, header rows repeated, the PDF's columns and rows", "[docx][forms]") {
  const model::Style style = model::Style::gbt9704();
  const layout::SummaryForm f = form();
  layout::SummaryDecisions d;
  const layout::Document laid = layout::layout_summary(f, style, font_set(), &d);
  REQUIRE(laid.pages.size() >= 3);  // the sixty rows continue over several pages
  const std::string bytes = docx::write_summary_docx(f, style, {}, &d);
  for (const auto& [name, errors] : validate_package(bytes)) {
    INFO(name);
    for (const auto& e : errors) UNSCOPED_INFO(e);
    CHECK(errors.empty());
  }
  const std::string doc = part(bytes, "word/document.xml");

  // One section, landscape, the PDF's page: top 28 mm, left 35 mm, block 225 × 156 mm.
  REQUIRE(xpath(doc, "//w:sectPr").size() == 1);
  CHECK(one(doc, "string(//w:sectPr/w:pgSz/@w:orient)") == "landscape");
  CHECK(one(doc, "string(//w:sectPr/w:pgSz/@w:w)") == "16838");
  CHECK(one(doc, "string(//w:sectPr/w:pgMar/@w:top)") == std::to_string(docx::mm_to_twips(28)));
  CHECK(one(doc, "string(//w:sectPr/w:pgMar/@w:left)") == std::to_string(docx::mm_to_twips(35)));
  CHECK(one(doc, "string(//w:sectPr/w:pgMar/@w:right)") == std::to_string(docx::mm_to_twips(37)));
  // Clause 8 footers (numbers in the left margin), for odd and even pages.
  CHECK(one(doc, "string(//w:sectPr/w:footerReference[@w:type='default']/@r:id)") == "rId5");
  CHECK(one(doc, "string(//w:sectPr/w:footerReference[@w:type='even']/@r:id)") == "rId6");
  CHECK(one(part(bytes, "word/footer5.xml"), "string(//w:framePr/@w:hAnchor)") == "page");

  // The head: label, title, the 推荐单位 line, the captions.
  const auto paras = xpath(doc, "/w:document/w:body/w:p");
  REQUIRE(paras.size() >= 4);
  CHECK(paras[0] == "附件5");
  CHECK(one(doc, "string(//w:p[w:pPr/w:pStyle/@w:val='GwTitle'])") == "中国消费名品方阵推荐汇总表");
  CHECK(doc.find("推荐单位（盖章）：某某省工业和信息化厅") != std::string::npos);
  CHECK(xpath(doc, "//w:p[w:pPr/w:pStyle/@w:val='GwHeading1']").size() == 2);

  REQUIRE(xpath(doc, "//w:tbl").size() == 2);
  for (int t = 1; t <= 2; ++t) {
    INFO("table " << t);
    const auto& widths = d.column_widths_mm[static_cast<size_t>(t - 1)];
    const auto& lines = d.row_lines[static_cast<size_t>(t - 1)];
    // Only the first row repeats; no row splits over a page.
    CHECK(xpath(doc, table(t) + "/w:tr[1]/w:trPr/w:tblHeader").size() == 1);
    CHECK(xpath(doc, table(t) + "/w:tr/w:trPr/w:tblHeader").size() == 1);
    CHECK(xpath(doc, table(t) + "/w:tr[not(w:trPr/w:cantSplit)]").empty());
    // The PDF's column widths.
    const auto grid = xpath(doc, table(t) + "/w:tblGrid/w:gridCol/@w:w");
    REQUIRE(grid.size() == widths.size());
    for (size_t c = 0; c < grid.size(); ++c) CHECK(grid[c] == std::to_string(docx::mm_to_twips(widths[c])));
    // Each row at least as many grid rows high as the PDF's (two twips of room for LibreOffice's rule).
    const auto heights = xpath(doc, table(t) + "/w:tr/w:trPr/w:trHeight/@w:val");
    REQUIRE(heights.size() == lines.size());
    const int pitch = std::stoi(one(doc, "string(//w:sectPr/w:docGrid/@w:linePitch)"));
    for (size_t r = 0; r < heights.size(); ++r) CHECK(std::stoi(heights[r]) == lines[r] * pitch - 2);
    // 序号 centred, the other cells of a body row flush left; header cells centred.
    CHECK(xpath(doc, table(t) + "/w:tr[position()>1]/w:tc[1]/w:p/w:pPr/w:jc[@w:val!='center']").empty());
    CHECK(xpath(doc, table(t) + "/w:tr[position()>1]/w:tc[position()>1]/w:p/w:pPr/w:jc[@w:val!='left']").empty());
    CHECK(xpath(doc, table(t) + "/w:tr[1]/w:tc/w:p/w:pPr/w:jc[@w:val!='center']").empty());
  }
  // Every row, in order; the short row padded to the nine columns.
  const auto numbers = xpath(doc, table(1) + "/w:tr[position()>1]/w:tc[1]");
  REQUIRE(numbers.size() == 60);
  for (int i = 0; i < 60; ++i) CHECK(numbers[static_cast<size_t>(i)] == std::to_string(i + 1));
  CHECK(xpath(doc, table(2) + "/w:tr[3]/w:tc").size() == 9);
  CHECK(one(doc, "string(" + table(2) + "/w:tr[2]/w:tc[2])") == "梁野山");
}

TEST_CASE("附件5 DOCX without the layout's decisions shares the block by cell length", "[docx][forms]") {
  const std::string bytes = docx::write_summary_docx(form(), model::Style::gbt9704());
  for (const auto& [name, errors] : validate_package(bytes)) CHECK(errors.empty());
  const std::string doc = part(bytes, "word/document.xml");
  int total = 0;
  for (const auto& w : xpath(doc, table(1) + "/w:tblGrid/w:gridCol/@w:w")) total += std::stoi(w);
  CHECK(std::abs(total - docx::mm_to_twips(225)) <= 8);  // rounding of eight columns
  CHECK(xpath(doc, "//w:trHeight").empty());             // rows as tall as their text
}
