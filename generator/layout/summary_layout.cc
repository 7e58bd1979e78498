// Landscape summary tables (附件5); see summary_layout.h. The table machinery follows
// NoticeLayout::table_rows (notice_layout.cc): column widths from the longest cells, cells broken
// with text::break_lines, a row as tall as its tallest cell, rows paginated by flow.h (which repeats
// the header row on continuation pages). Only the page is different: landscape, with the page number
// in the left margin.
#include "layout/summary_layout.h"

#include <algorithm>
#include <cmath>

#include "base/units.h"
#include "layout/flow.h"
#include "layout/page_grid.h"
#include "layout/text_setter.h"
#include "text/line_breaker.h"

namespace gw::layout {

model::Style landscape_style(const model::Style& portrait) {
  model::Style s = portrait;
  // Clause 8: the landscape table is the portrait page turned so that the table's top faces the
  // binding edge (订口). Turning the portrait block a quarter turn counter-clockwise maps portrait
  // left → landscape top, portrait bottom → landscape left, portrait right → landscape bottom. With
  // GB/T 9704's values: top 28 mm, left 297 − 37 − 225 = 35 mm, block 225 × 156 mm.
  s.page_width_mm = portrait.page_height_mm;
  s.page_height_mm = portrait.page_width_mm;
  s.top_margin_mm = portrait.left_margin_mm;
  s.left_margin_mm = portrait.page_height_mm - portrait.top_margin_mm - portrait.block_height_mm;
  s.block_width_mm = portrait.block_height_mm;
  s.block_height_mm = portrait.block_width_mm;
  // A table set on the 22-line body grid would waste half of each row: the landscape grid's pitch is
  // 1.5 × the table text size (小四 → 24 lines of 6.5 mm), the character pitch the portrait one.
  const double table_mm = pt_to_mm(portrait.element("table").size_pt);
  s.lines_per_page = std::max(1, static_cast<int>(std::floor(s.block_height_mm / (1.5 * table_mm))));
  s.line_pitch_pt = 0;
  s.chars_per_line = std::max(1, static_cast<int>(std::lround(s.block_width_mm / portrait.char_pitch_mm())));
  // Header cells in the heading face (黑体), at the table size.
  model::ElementStyle header = portrait.element("table");
  header.font_role = portrait.element("heading-1").font_role;
  s.elements["table-header"] = header;
  return s;
}

namespace {
constexpr double kRuleMm = 0.25;   // table rules, as in notice tables
constexpr double kLineRoom = 1.15;  // a line needs its size plus this much leading to share one grid row
}  // namespace

int summary_line_span(const model::Style& landscape, const std::string& role) {
  const double size_mm = pt_to_mm(landscape.element(role).size_pt);
  return std::max(1, static_cast<int>(std::ceil(size_mm * kLineRoom / landscape.line_pitch_mm() - 1e-9)));
}

namespace {

class SummaryLayout {
 public:
  SummaryLayout(const SummaryForm& f, const model::Style& portrait, const fonts::FontSet& fonts, SummaryDecisions* d)
      : form_(f), style_(landscape_style(portrait)), grid_(style_), set_(fonts, style_, grid_), decisions_(d) {}

  Document run();

 private:
  double size_mm(const std::string& role) const { return pt_to_mm(style_.element(role).size_pt); }
  // Grid rows a line of this role occupies (the title, 二号, needs two 6.5 mm rows).
  int span_of(const std::string& role) const { return summary_line_span(style_, role); }
  double row_baseline(const std::string& role, int span) const {
    double sz = size_mm(role);
    return (grid_.pitch() * span - sz) / 2 + kEmBaseline * sz;  // relative to the row top
  }
  // Lines of `text` broken to `width`: each is [begin, end) into the glyphs, plus its squeeze.
  std::vector<text::BrokenLine> broken(const std::vector<SetGlyph>& g, double width) const {
    return TextSetter::break_glyphs(g, width, width);
  }
  // One FlowRow per line: align 0 = left, 1 = centred.
  std::vector<FlowRow> text_rows(const std::string& text, const std::string& role, int align) const;
  void table_rows(const PlainTable& t, int id, std::vector<FlowRow>& rows) const;
  void number_pages(std::vector<Page>& pages) const;

  const SummaryForm& form_;
  model::Style style_;
  PageGrid grid_;
  TextSetter set_;
  SummaryDecisions* decisions_;
};

std::vector<FlowRow> SummaryLayout::text_rows(const std::string& text, const std::string& role, int align) const {
  std::vector<FlowRow> rows;
  auto g = set_.shape(text, role, form_.loc);
  if (g.empty()) return rows;
  const int span = span_of(role);
  for (const auto& l : broken(g, grid_.block_width())) {
    double w = TextSetter::width(g, l.begin, l.end) - l.squeeze_mm;
    double x = align == 1 ? grid_.block_left() + (grid_.block_width() - w) / 2 : grid_.block_left();
    FlowRow row;
    row.span = span;
    row.lines.push_back(set_.line(g, l.begin, l.end, role, x, row_baseline(role, span), 0, l.squeeze_mm));
    rows.push_back(std::move(row));
  }
  return rows;
}

void SummaryLayout::table_rows(const PlainTable& t, int id, std::vector<FlowRow>& rows) const {
  size_t cols = t.header.size();
  for (const auto& r : t.rows) cols = std::max(cols, r.size());
  if (cols == 0) return;
  const std::string body = "table", head = "table-header";
  const double ch = grid_.char_width(style_.element(body).size_pt);
  const double pad = ch * 0.5;

  // Each column needs at least its header and its longest run of Latin letters or digits (a phone
  // number must not break); the rest of the block is shared by how much more each column's longest
  // cell wants (square root), so that long names and titles wrap and short columns do not.
  std::vector<double> need(cols, 2 * ch + 2 * pad), want(cols, 2 * ch + 2 * pad);
  auto measure = [&](const std::vector<std::string>& r, const std::string& role, bool header) {
    for (size_t c = 0; c < r.size(); ++c) {
      auto g = set_.shape(r[c], role, form_.loc);
      double run = 0, longest_run = 0;
      for (const auto& x : g) {
        run = text::is_cjk(x.cp) ? 0 : run + x.advance;
        longest_run = std::max(longest_run, run);
      }
      double w = TextSetter::width(g) + 2 * pad;
      // A 文号 read across a line break (工信厅消费函 / 〔2022〕1号) is misread: such columns need all of it.
      bool whole = header || (c < t.unbroken.size() && t.unbroken[c]);
      want[c] = std::max(want[c], w);
      need[c] = std::max(need[c], (whole ? w : longest_run + 2 * pad));
    }
  };
  measure(t.header, head, true);
  for (const auto& r : t.rows) measure(r, body, false);
  double need_sum = 0, more_sum = 0, share_sum = 0;
  for (size_t c = 0; c < cols; ++c) {
    want[c] = std::max(want[c], need[c]);
    need_sum += need[c];
    more_sum += want[c] - need[c];
    share_sum += std::sqrt(want[c] - need[c]);
  }
  std::vector<double> width(cols);
  const double avail = grid_.block_width();
  for (size_t c = 0; c < cols; ++c) {
    if (need_sum >= avail)  // even the headers do not fit: scale them down and let them wrap
      width[c] = need[c] * avail / need_sum;
    else if (need_sum + more_sum <= avail)  // everything fits on one line: widen in proportion
      width[c] = want[c] * avail / (need_sum + more_sum);
    else
      // by the square root of the wish, so that one very long column does not starve the others
      width[c] = need[c] + (avail - need_sum) * std::sqrt(want[c] - need[c]) / share_sum;
  }
  if (decisions_) decisions_->column_widths_mm.push_back(width);

  int header_span = 0;
  auto make_row = [&](const std::vector<std::string>& cells, bool header) {
    const std::string& role = header ? head : body;
    FlowRow row;
    row.table = id;
    row.table_header = header;
    int span = 1;
    double x = grid_.block_left();
    for (size_t c = 0; c < cols; ++c) {
      if (c < cells.size() && !cells[c].empty()) {
        auto g = set_.shape(cells[c], role, form_.loc);
        auto lines = broken(g, std::max(width[c] - 2 * pad, ch));
        bool centre = header || (c < t.centred.size() && t.centred[c]);
        for (size_t k = 0; k < lines.size(); ++k) {
          const auto& l = lines[k];
          double lw = TextSetter::width(g, l.begin, l.end) - l.squeeze_mm;
          double lx = centre ? x + (width[c] - lw) / 2 : x + pad;
          double base = row_baseline(role, 1) + grid_.pitch() * static_cast<double>(k);
          row.lines.push_back(set_.line(g, l.begin, l.end, role, lx, base, 0, l.squeeze_mm));
        }
        span = std::max(span, static_cast<int>(lines.size()));
      }
      x += width[c];
    }
    // A row is never split (a row read across a page break is misread), so one taller than a page
    // with its repeated header cannot be set: say which, rather than run past the block.
    if (!header && span + header_span > grid_.lines())
      throw InputError(form_.loc,
                       "row " + (cells.empty() ? std::string("?") : cells.front()) + " of table \"" + t.caption + "\" needs " +
                           std::to_string(span) + " lines, more than a landscape page holds below its header",
                       "shorten the longest cell of that row");
    row.span = span;
    const double h = grid_.pitch() * span;
    const double xl = grid_.block_left(), xr = grid_.block_right();
    row.rules.push_back({"table", xl, 0, xr, 0, kRuleMm, model::Color::black()});
    row.rules.push_back({"table", xl, h, xr, h, kRuleMm, model::Color::black()});
    double cx = xl;
    row.rules.push_back({"table", cx, 0, cx, h, kRuleMm, model::Color::black()});
    for (size_t c = 0; c < cols; ++c) {
      cx += width[c];
      row.rules.push_back({"table", cx, 0, cx, h, kRuleMm, model::Color::black()});
    }
    return row;
  };

  FlowRow header = make_row(t.header, true);
  header_span = header.span;
  header.keep_with_next = !t.rows.empty();  // never a header alone at a page foot
  std::vector<int> lines = {header.span};
  rows.push_back(std::move(header));
  for (const auto& r : t.rows) {
    rows.push_back(make_row(r, false));
    lines.push_back(rows.back().span);
  }
  if (decisions_) decisions_->row_lines.push_back(std::move(lines));
}

void SummaryLayout::number_pages(std::vector<Page>& pages) const {
  // Clause 8 (see landscape_style): the portrait page number, 7 mm below the block, is here 7 mm to
  // the left of it; the portrait right end (odd pages, 1 字 in) is the landscape bottom, the portrait
  // left end (even pages) the landscape top. TextLine cannot be rotated, so the number is set
  // horizontally, its right end 7 mm left of the block.
  const std::string role = "page-number";
  const double sz = size_mm(role);
  const double c = grid_.char_width(style_.element(role).size_pt) * style_.page_number_indent_chars;
  for (size_t i = 0; i < pages.size(); ++i) {
    Page& pg = pages[i];
    const int num = static_cast<int>(i) + 1;
    pg.number = num;
    const std::string text = style_.page_number_text(num);
    auto g = set_.shape(text, role, {style_.source_file});
    double w = TextSetter::width(g);
    double x = std::max(0.0, grid_.block_left() - style_.page_number_gap_mm - w);
    double top = num % 2 == 1 ? grid_.block_bottom() - c - sz : grid_.block_top() + c;
    pg.lines.push_back(set_.line(g, 0, g.size(), role, x, grid_.baseline_for_top(top, style_.element(role).size_pt)));
  }
}

Document SummaryLayout::run() {
  std::vector<FlowRow> rows;
  auto add = [&rows](std::vector<FlowRow> more, bool keep) {
    for (auto& r : more) {
      r.keep_with_next = keep;
      rows.push_back(std::move(r));
    }
  };
  auto blank = [&rows] {
    FlowRow r;
    r.blank = true;
    rows.push_back(std::move(r));
  };
  // The head as on a portrait attachment (7.3.7 / forms.md): label flush left, title centred one
  // blank line below, then the head lines; all kept with the first table's caption and header.
  add(text_rows(form_.label, "attachment-label", 0), true);
  if (!form_.title.empty()) {
    blank();
    rows.back().keep_with_next = true;
    add(text_rows(form_.title, "title", 1), true);
  }
  for (const auto& line : form_.head_lines) add(text_rows(line, "body", 0), true);
  for (size_t i = 0; i < form_.tables.size(); ++i) {
    const PlainTable& t = form_.tables[i];
    blank();
    if (!t.caption.empty()) add(text_rows(t.caption, "heading-1", 0), true);
    const size_t widths_before = decisions_ ? decisions_->column_widths_mm.size() : 0;
    table_rows(t, static_cast<int>(i), rows);
    if (decisions_ && decisions_->column_widths_mm.size() == widths_before) {  // an empty table
      decisions_->column_widths_mm.emplace_back();
      decisions_->row_lines.emplace_back();
    }
  }
  if (!rows.empty()) rows.back().keep_with_next = false;

  Page first;
  first.width_mm = grid_.page_width();
  first.height_mm = grid_.page_height();
  Paginated p = paginate(rows, grid_, std::move(first), 0);
  number_pages(p.pages);
  Document doc;
  doc.pages = std::move(p.pages);
  // A form without a label (the archive's 发文登记簿) is titled by its title alone.
  doc.title = form_.title.empty() ? form_.label : form_.label.empty() ? form_.title : form_.label + " " + form_.title;
  return doc;
}

}  // namespace

Document layout_summary(const SummaryForm& form, const model::Style& portrait, const fonts::FontSet& fonts,
                        SummaryDecisions* decisions) {
  if (decisions) *decisions = {};
  return SummaryLayout(form, portrait, fonts, decisions).run();
}

}  // namespace gw::layout
