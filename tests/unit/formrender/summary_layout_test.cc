// The landscape summary table (附件5) read back from the laid-out pages: landscape A4, the clause 8
// text block (top 28 mm, left 35 mm, 225 × 156 mm), header row repeated on every continuation page,
// no row below the block, wrapped cells inside their columns, page numbers in the left margin (odd
// pages at the block's lower left, even pages at its upper left). Uses the default font map.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "base/units.h"
#include "layout/summary_layout.h"
#include "template/font_map_reader.h"

using namespace gw;
using layout::Document;
using layout::TextLine;

namespace {

constexpr double kTol = 0.01;  // mm
// GB/T 9704 5.2.1 turned a quarter turn (clause 8): portrait left margin 28 → top, portrait bottom
// margin 297 − 37 − 225 = 35 → left; the block 156 × 225 becomes 225 wide, 156 high.
constexpr double kTop = 28, kLeft = 35, kWidth = 225, kHeight = 156;
constexpr double kBottom = kTop + kHeight;

const fonts::FontSet& font_set() {
  static fonts::FontSet fs = fonts::FontSet::open(fonts::read_font_map(fonts::default_font_map_path()));
  return fs;
}

layout::SummaryForm sixty_rows() {
  layout::SummaryForm f;
  f.title = "中国消费名品方阵推荐汇总表";
  f.head_lines = {"推荐单位（盖章）：某某省工业和信息化厅　　　　　　填报日期：2024年11月5日"};
  layout::PlainTable t;
  t.caption = "一、“数字三品”应用场景典型案例";
  t.header = {"序号", "申报主体", "联合申报单位", "申报方向", "案例名称", "所属行业", "联系人", "联系电话"};
  t.centred = {true};
  for (int i = 1; i <= 60; ++i) {
    // Every seventh row has long cells that must wrap over several lines.
    std::string joint = i % 7 == 0 ? "甲地智能制造有限公司、乙地数字科技股份有限公司、丙地供应链管理有限公司" : "";
    std::string name = i % 7 == 0 ? "基于消费数据的个性化定制与柔性化智能产线协同应用场景建设案例" : "数字化案例";
    t.rows.push_back({std::to_string(i), "申报企业" + std::to_string(i) + "号有限公司", joint, "3.个性化定制驱动消费模式重塑", name,
                      "纺织服装", "张三", "13800000000"});
  }
  f.tables.push_back(t);
  return f;
}

bool is_table(const TextLine& l) { return l.role == "table" || l.role == "table-header"; }

}  // namespace

TEST_CASE("landscape style turns the portrait block (GB/T 9704 clause 8)") {
  model::Style s = layout::landscape_style(model::Style::gbt9704());
  CHECK(s.page_width_mm == Approx(297));
  CHECK(s.page_height_mm == Approx(210));
  CHECK(s.top_margin_mm == Approx(kTop));
  CHECK(s.left_margin_mm == Approx(kLeft));
  CHECK(s.block_width_mm == Approx(kWidth));
  CHECK(s.block_height_mm == Approx(kHeight));
  CHECK(s.lines_per_page == 24);  // 156 / (1.5 × 小四 4.23 mm) = 24.6
}

TEST_CASE("a 60-row table breaks across landscape pages with its header repeated") {
  Document d = layout::layout_summary(sixty_rows(), model::Style::gbt9704(), font_set());
  REQUIRE(d.pages.size() >= 3);

  std::set<int> seen_rows;
  for (size_t p = 0; p < d.pages.size(); ++p) {
    const auto& pg = d.pages[p];
    INFO("page " << p + 1);
    CHECK(pg.width_mm == Approx(297));
    CHECK(pg.height_mm == Approx(210));

    // Nothing below the block bottom or outside the block sideways, except the page number.
    for (const auto& r : pg.rules) {
      CHECK(std::max(r.y1_mm, r.y2_mm) <= kBottom + kTol);
      CHECK(std::min(r.y1_mm, r.y2_mm) >= kTop - kTol);
      CHECK(std::min(r.x1_mm, r.x2_mm) >= kLeft - kTol);
      CHECK(std::max(r.x1_mm, r.x2_mm) <= kLeft + kWidth + kTol);
    }
    for (const auto& l : pg.lines) {
      if (l.role == "page-number") continue;
      CHECK(l.baseline_mm <= kBottom);
      CHECK(l.x_mm >= kLeft - kTol);
      CHECK(l.x_mm + l.width_mm <= kLeft + kWidth + kTol);
    }

    // The topmost table line of every page after the first is in the header row, and the header's
    // first cell is 序号.
    std::vector<const TextLine*> table;
    for (const auto& l : pg.lines)
      if (is_table(l)) table.push_back(&l);
    REQUIRE(!table.empty());
    auto top = std::min_element(table.begin(), table.end(), [](auto* a, auto* b) { return a->top_mm < b->top_mm; });
    if (p > 0) {
      CHECK((*top)->role == "table-header");
      CHECK((*top)->top_mm < kTop + 7);  // in the first grid row
      bool has_no = false;
      for (auto* l : table) has_no |= l->role == "table-header" && l->text == "序号";
      CHECK(has_no);
    }
    // The bottom rule of the lowest row is the table's lower edge: the rows end on a rule.
    double lowest_rule = 0;
    for (const auto& r : pg.rules) lowest_rule = std::max(lowest_rule, std::max(r.y1_mm, r.y2_mm));
    for (auto* l : table) CHECK(l->baseline_mm < lowest_rule);

    // Row numbers (序号 column: centred digits in the first column).
    for (auto* l : table)
      if (l->role == "table" && l->x_mm < kLeft + 20 && !l->text.empty() &&
          l->text.find_first_not_of("0123456789") == std::string::npos) {
        int n = std::stoi(l->text);
        CHECK(seen_rows.insert(n).second);  // each row once: no row split or repeated
      }

    // Page number: clause 8, in the left margin; odd at the lower left, even at the upper left.
    std::vector<const TextLine*> num;
    for (const auto& l : pg.lines)
      if (l.role == "page-number") num.push_back(&l);
    REQUIRE(num.size() == 1);
    const int n = static_cast<int>(p) + 1;
    CHECK(pg.number == n);
    CHECK(num[0]->text == "— " + std::to_string(n) + " —");
    CHECK(num[0]->x_mm >= 0);
    CHECK(num[0]->x_mm + num[0]->width_mm <= kLeft - 7 + kTol);  // 7 mm from the block (7.5)
    const double em = pt_to_mm(14);                                  // 四号
    if (n % 2 == 1) {
      CHECK(num[0]->top_mm + em <= kBottom + kTol);
      CHECK(num[0]->top_mm + em >= kBottom - 10);
    } else {
      CHECK(num[0]->top_mm >= kTop - kTol);
      CHECK(num[0]->top_mm <= kTop + 10);
    }
  }
  CHECK(seen_rows.size() == 60);
  CHECK(*seen_rows.begin() == 1);
  CHECK(*seen_rows.rbegin() == 60);

  // The head on page 1: 附件5 flush left at the block's left edge, the title centred.
  bool label = false, title = false;
  for (const auto& l : d.pages[0].lines) {
    if (l.role == "attachment-label" && l.text == "附件5") label = std::abs(l.x_mm - kLeft) < kTol;
    if (l.role == "title") title = std::abs(l.x_mm + l.width_mm / 2 - (kLeft + kWidth / 2)) < 0.5;
  }
  CHECK(label);
  CHECK(title);
}

TEST_CASE("long cells wrap inside their column and make the row taller") {
  Document d = layout::layout_summary(sixty_rows(), model::Style::gbt9704(), font_set());
  // The long 联合申报单位 text of row 7 is split into several lines, all in one column.
  std::vector<const TextLine*> parts;
  for (const auto& pg : d.pages)
    for (const auto& l : pg.lines)
      if (l.role == "table" && (l.text.find("甲地") != std::string::npos || l.text.find("乙地") != std::string::npos ||
                                l.text.find("丙地") != std::string::npos || l.text.find("供应链") != std::string::npos))
        parts.push_back(&l);
  REQUIRE(parts.size() >= 3 * 2);  // 8 rows (7, 14, …, 56) × at least 2 lines each
  // Lines of one cell share x and are one pitch (6.5 mm) apart.
  CHECK(parts[1]->x_mm == Approx(parts[0]->x_mm));
  CHECK(parts[1]->top_mm - parts[0]->top_mm == Approx(156.0 / 24));
}

TEST_CASE("a row taller than a page is an input error, not text past the block") {
  layout::SummaryForm f = sixty_rows();
  std::string huge;
  for (int i = 0; i < 40; ++i) huge += "非常长的案例名称文字";
  f.tables[0].rows[3][4] = huge;
  CHECK_THROWS_AS(layout::layout_summary(f, model::Style::gbt9704(), font_set()), InputError);
}
