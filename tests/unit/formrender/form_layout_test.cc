// The 申报书 (附件3/附件4) from template to pages: templates fill their placeholders and report a
// misspelt one at its line; the layout keeps every line inside the GB/T 9704 text block, leaves the
// cover unnumbered, flows a long narrative over pages, repeats a table's header row on continuation
// pages and splits a row taller than a page between its lines without losing text.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "forms/application_form.h"
#include "forms/read.h"
#include "layout/form_layout.h"
#include "template/font_map_reader.h"
#include "template/form_template.h"

using namespace gw;
using layout::Document;
using model::FormPartKind;

namespace {

constexpr double kTol = 0.05;  // mm
// GB/T 9704 5.2.1: the text block.
constexpr double kLeft = 28, kTop = 37, kRight = 28 + 156, kBottom = 37 + 225;

const fonts::FontSet& font_set() {
  static fonts::FontSet fs = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  return fs;
}

// Data for template tests: a map of field ids, groups by their entry count.
class MapValues : public tmpl::FormValues {
 public:
  std::map<std::string, std::string> fields;
  std::map<std::string, int> groups;
  std::optional<model::FormText> value(const std::string& id, const std::string& filter) const override {
    auto it = fields.find(id);
    if (it == fields.end()) {
      // Group entries: "year2.revenue" is known when the group is.
      auto dot = id.find('.');
      std::string g = id.substr(0, dot);
      while (!g.empty() && std::isdigit(static_cast<unsigned char>(g.back()))) g.pop_back();
      if (dot == std::string::npos || !groups.count(g)) return std::nullopt;
      return model::FormText{"", {}, "label of " + id, {}};
    }
    if (!filter.empty() && filter != "date") return std::nullopt;
    return model::FormText{filter == "date" ? it->second + "（日期）" : it->second, {}, "label of " + id, {"data.csv", 7, 3}};
  }
  std::optional<int> group_size(const std::string& g) const override {
    auto it = groups.find(g);
    if (it == groups.end()) return std::nullopt;
    return it->second;
  }
  std::string record_name() const override { return "测试记录"; }
  std::string known_fields() const override { return "name date"; }
};

std::string write_template(const std::string& name, const std::string& body) {
  auto dir = std::filesystem::temp_directory_path() / "gw-form-test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / name).string();
  std::ofstream(path) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<form name=\"t\" label=\"附件9\" title=\"测试申报书\">\n"
                      << body << "</form>\n";
  return path;
}

forms::Application sample_applicant() {
  auto r = forms::read_applications(std::string(GW_SOURCE_DIR) + "/samples/forms/applicant.json", forms::default_columns());
  REQUIRE(r.applications.size() == 1);
  return r.applications.front();
}

// Every text line and rule of the body inside the text block (page numbers sit below it, 7.5).
void check_inside_block(const Document& doc) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const auto& l : doc.pages[p].lines) {
      INFO("page " << p + 1 << " line “" << l.text << "” role " << l.role);
      CHECK(l.x_mm >= kLeft - kTol);
      CHECK(l.x_mm + l.width_mm <= kRight + kTol);
      if (l.role == "page-number") continue;
      CHECK(l.top_mm >= kTop - kTol);
      CHECK(l.baseline_mm <= kBottom + kTol);
    }
    for (const auto& r : doc.pages[p].rules) {
      INFO("page " << p + 1 << " rule " << r.role);
      CHECK(std::min(r.x1_mm, r.x2_mm) >= kLeft - kTol);
      CHECK(std::max(r.x1_mm, r.x2_mm) <= kRight + kTol);
      CHECK(std::min(r.y1_mm, r.y2_mm) >= kTop - kTol);
      CHECK(std::max(r.y1_mm, r.y2_mm) <= kBottom + kTol);
    }
  }
}

std::string all_text(const layout::Page& p, const std::string& role) {
  std::string s;
  for (const auto& l : p.lines)
    if (l.role == role) s += l.text;
  return s;
}

}  // namespace

TEST_CASE("a template fills placeholders, repeats and dates, and marks what a clerk fills") {
  MapValues v;
  v.fields = {{"name", "甲公司"}, {"date", "2024-11-05"}};
  v.groups = {{"year", 2}};
  auto path = write_template("fill.xml", R"(<cover><field label="申报主体" value="{name}"/><field label="日期" value="{date|date}"/>
  <field label="类别" value="企业品牌（{name}）"/></cover>
  <table widths="1 1">
    <row><label>年度</label><label>收入</label></row>
    <repeat group="year" min="3" max="3"><row><cell>{#}</cell><cell>{year.revenue}</cell></row></repeat>
  </table>
)");
  auto doc = tmpl::FormTemplate::load(path).fill(v);
  REQUIRE(doc.parts.size() == 4);
  CHECK(doc.label == "附件9");
  CHECK(doc.parts[0].kind == FormPartKind::CoverField);
  CHECK(doc.parts[0].value.text == "甲公司");
  CHECK(doc.parts[0].value.field == "name");
  CHECK(doc.parts[0].value.placeholder == "label of name");
  CHECK(doc.parts[0].value.loc.line == 7);  // the data cell, not the template
  CHECK(doc.parts[1].value.text == "2024-11-05（日期）");
  // Words around a placeholder make fixed text: not a field for a content control.
  CHECK(doc.parts[2].value.text == "企业品牌（甲公司）");
  CHECK_FALSE(doc.parts[2].value.fillable());
  // min="3" over 2 entries: three rows, numbered, the third blank to fill by hand.
  const auto& t = doc.parts[3].table;
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[3].cells[0].paras.at(0).text.text == "3");
  CHECK(t.rows[2].cells[1].paras.at(0).text.field == "year2.revenue");
  CHECK(t.rows[3].cells[1].paras.at(0).text.text.empty());
}

TEST_CASE("template errors name the template line") {
  MapValues v;
  v.fields = {{"name", "甲公司"}};
  SECTION("a placeholder that is not a field") {
    auto path = write_template("unknown.xml", "<heading>一、基本信息</heading>\n<paragraph>{nmae}</paragraph>\n");
    try {
      tmpl::FormTemplate::load(path).fill(v);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.diagnostic().loc.line == 4);
      CHECK(e.diagnostic().message.find("{nmae}") != std::string::npos);
      CHECK(e.diagnostic().hint.find("name") != std::string::npos);
    }
  }
  SECTION("a misspelt element") {
    auto path = write_template("schema.xml", "<heading>一、基本信息</heading>\n<paragrap>x</paragrap>\n");
    try {
      tmpl::FormTemplate::load(path);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.diagnostic().loc.line == 4);
    }
  }
  SECTION("a row that does not cover the table's columns") {
    auto path = write_template("ragged.xml", "<table widths=\"1 1 1\">\n<row><label>甲</label><cell>{name}</cell></row>\n</table>\n");
    try {
      tmpl::FormTemplate::load(path).fill(v);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.diagnostic().loc.line == 4);
      CHECK(e.diagnostic().message.find("covers 2 columns") != std::string::npos);
    }
  }
  SECTION("more entries than the form has room for") {
    v.groups = {{"joint", 4}};
    auto path = write_template("max.xml", "<table widths=\"1\">\n<repeat group=\"joint\" max=\"3\"><row><cell>{joint.name}</cell></row></repeat>\n</table>\n");
    CHECK_THROWS_AS(tmpl::FormTemplate::load(path).fill(v), InputError);
  }
}

TEST_CASE("the 附件4 of the sample applicant on GB/T 9704 pages") {
  auto forms_dir = std::string(GW_SOURCE_DIR) + "/templates/forms";
  auto templates = forms::FormTemplates::load(forms_dir);
  forms::Application app = sample_applicant();
  model::FormDocument form = forms::fill_application(app, templates);
  CHECK(form.name == "attachment4-enterprise");
  Document doc = layout::layout_form(form, model::Style::gbt9704(), font_set());
  REQUIRE(doc.pages.size() >= 4);
  check_inside_block(doc);

  // The cover: label, title, fields with their values; no page number on it, numbers from 2 on,
  // odd pages right and even pages left (7.5).
  const auto& cover = doc.pages[0];
  CHECK(all_text(cover, "attachment-label") == "附件4");
  CHECK(all_text(cover, "title") == "中国消费名品申报书");
  CHECK(all_text(cover, "body").find("福州三坊漆艺有限公司") != std::string::npos);
  CHECK(all_text(cover, "page-number").empty());
  for (size_t i = 1; i < doc.pages.size(); ++i) {
    const auto& p = doc.pages[i];
    std::string n = all_text(p, "page-number");
    CHECK(n.find(std::to_string(i + 1)) != std::string::npos);
    for (const auto& l : p.lines)
      if (l.role == "page-number") CHECK(((i + 1) % 2 == 1 ? l.x_mm > 100 : l.x_mm < 100));
  }
  // The credit code and the phone number are never broken inside a cell.
  CHECK(all_text(doc.pages[1], "table").find("91350121MAP6M3M20H") != std::string::npos);
  // Body lines sit on the 22-line grid of 5.2.3: baselines one 225/22 mm pitch apart.
  std::vector<double> base;
  for (const auto& l : doc.pages[2].lines)
    if (l.role == "body") base.push_back(l.baseline_mm);
  REQUIRE(base.size() > 4);
  CHECK(base[1] - base[0] == Approx(225.0 / 22).margin(0.01));
}

TEST_CASE("a long narrative flows over pages") {
  auto templates = forms::FormTemplates::load(std::string(GW_SOURCE_DIR) + "/templates/forms");
  forms::Application app = sample_applicant();
  Document short_doc = layout::layout_form(forms::fill_application(app, templates), model::Style::gbt9704(), font_set());
  std::string para = "企业坚持以消费者为中心，持续加大研发投入，推动产品和服务迭代升级。";
  std::string longer;
  for (int i = 0; i < 60; ++i) longer += para + (i % 5 == 4 ? "\n" : "");
  for (auto& s : app.sections)
    if (s.title == "市场竞争力") s.text.text = longer;
  Document doc = layout::layout_form(forms::fill_application(app, templates), model::Style::gbt9704(), font_set());
  CHECK(doc.pages.size() >= short_doc.pages.size() + 2);
  check_inside_block(doc);
  // Nothing lost: the body text of all pages holds the long section whole.
  std::string body;
  for (const auto& p : doc.pages) body += all_text(p, "body");
  std::string expect = longer;
  expect.erase(std::remove(expect.begin(), expect.end(), '\n'), expect.end());
  CHECK(body.find(expect) != std::string::npos);
}

TEST_CASE("tables break between rows with the header repeated; a row taller than a page splits") {
  MapValues v;
  v.fields = {{"name", "甲公司"}, {"long", ""}};
  std::string huge;
  for (int i = 0; i < 120; ++i) huge += "这是一段很长的单元格文字，用来检验超过一页的表格行能否在行内分页。";
  v.fields["long"] = huge;
  v.groups = {{"year", 40}};
  auto path = write_template("split.xml", R"(<table widths="1 3">
    <row header="true"><label>年度</label><label>说明</label></row>
    <repeat group="year" max="40"><row><cell>{#}</cell><cell>{name}</cell></row></repeat>
  </table>
  <table widths="1 3"><row><label>说明</label><cell>{long}</cell></row></table>
)");
  Document doc = layout::layout_form(tmpl::FormTemplate::load(path).fill(v), model::Style::gbt9704(), font_set());
  check_inside_block(doc);
  // Every page that continues the first table starts with its header row.
  int continued = 0;
  for (size_t i = 1; i < doc.pages.size(); ++i) {
    const auto& p = doc.pages[i];
    const layout::TextLine* first = nullptr;
    for (const auto& l : p.lines)
      if ((l.role == "table" || l.role == "table-header") && (!first || l.top_mm < first->top_mm - 0.01 ||
                                                              (std::abs(l.top_mm - first->top_mm) < 0.01 && l.x_mm < first->x_mm)))
        first = &l;
    if (first && all_text(p, "table").find("甲公司") != std::string::npos) {
      ++continued;
      CHECK(first->text == "年度");
    }
  }
  CHECK(continued >= 1);
  // The huge cell: all of its text, in order, over several pages.
  std::string cells;
  int pages_with_huge = 0;
  for (const auto& p : doc.pages) {
    bool any = false;
    for (const auto& l : p.lines)
      if (l.role == "table" && l.text.find("这是") != std::string::npos) any = true;
    for (const auto& l : p.lines)
      if (l.role == "table" && l.text != "甲公司" && !l.text.empty() && !std::isdigit(static_cast<unsigned char>(l.text[0])))
        cells += l.text;
    pages_with_huge += any;
  }
  CHECK(pages_with_huge >= 2);
  CHECK(cells == huge);
}
