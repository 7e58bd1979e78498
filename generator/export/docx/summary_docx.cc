// write_summary_docx; see summary_docx.h. Every measure comes from layout/summary_layout.cc so that
// the DOCX repeats the PDF: the landscape page and grid of landscape_style() (rows 1.5 × the table
// size), head lines as many grid rows high as summary_line_span() gives their role, table lines one
// row each, the cell padding half a character, and the column widths the layout chose. What Word
// decides for itself: where a cell's text wraps inside those widths (its own line breaker, not
// ours, though at the same widths the lines agree on the sample) and so where a page ends.
#include "export/docx/summary_docx.h"

#include <algorithm>

#include "base/units.h"
#include "export/docx/docx_builder.h"
#include "export/docx/docx_limits.h"
#include "export/docx/docx_parts.h"
#include "export/docx/docx_table.h"
#include "layout/page_grid.h"

namespace gw::docx {
namespace {

constexpr int kRuleRoomTwips = 15;  // > the 0.25 mm rule (14 twips) LibreOffice adds to a row

class SummaryBody {
 public:
  SummaryBody(DocxBuilder& b, const layout::SummaryForm& f, const model::Style& portrait, const layout::SummaryDecisions* d)
      : b_(b),
        w_(b.body()),
        f_(f),
        ls_(layout::landscape_style(portrait)),
        pitch_(page_setup(ls_).line_pitch),
        decisions_(d) {}

  void run() {
    line(sid::kAttachmentLabel, f_.label, "attachment-label", "left", true);
    if (!f_.title.empty()) {
      blank(true);
      line(sid::kTitle, f_.title, "title", "center", true);
    }
    for (const auto& h : f_.head_lines) line(sid::kBody, h, "body", "left", true);
    for (size_t i = 0; i < f_.tables.size(); ++i) {
      // LibreOffice sets a table's top rule above its first row, where the PDF draws it on the
      // grid line: the blank line before the table gives up that room, or the row that ends the
      // PDF's page exactly would move to the next page.
      blank(false, 2 * kRuleRoomTwips);
      const auto& t = f_.tables[i];
      if (!t.caption.empty()) line(sid::kHeading1, t.caption, "heading-1", "left", true);
      table(t, i);
    }
  }

 private:
  RunProps run_of(const std::string& role) const {
    RunProps r = element_run(ls_, b_.options(), role);
    r.hscale_percent = 100;  // the landscape grid has no character cells to squeeze into
    return r;
  }
  // A head paragraph on the landscape grid: as many rows as layout gives the role, no indent.
  void line(const char* style, const std::string& text, const std::string& role, const char* jc, bool keep_next) {
    ParaProps p;
    p.style = style;
    p.jc = jc;
    p.first_line_chars = 0;
    p.first_line_twips = 0;
    p.snap_to_grid = false;
    p.auto_space = false;  // "2024年11月5日" set solid, as the PDF (LibreOffice ignores Normal's setting here)
    p.keep_next = keep_next;
    p.line_twips = pitch_ * layout::summary_line_span(ls_, role);
    p.line_rule = "exact";
    w_.paragraph(p, text, run_of(role));
  }
  void blank(bool keep_next, int less_twips = 0) {
    ParaProps p;
    p.style = sid::kTable;
    p.keep_next = keep_next;
    p.line_twips = pitch_ - less_twips;
    p.line_rule = "exact";
    w_.paragraph(p, "");
  }
  void table(const layout::PlainTable& pt, size_t index);

  DocxBuilder& b_;
  BodyWriter& w_;
  const layout::SummaryForm& f_;
  model::Style ls_;
  int pitch_;  // twips of one landscape grid row (rounded down, as the docGrid: 24 rows fit the block)
  const layout::SummaryDecisions* decisions_;
};

void SummaryBody::table(const layout::PlainTable& pt, size_t index) {
  size_t cols = pt.header.size();
  for (const auto& r : pt.rows) cols = std::max(cols, r.size());
  if (cols == 0) return;
  DocxTable t;
  t.loc = f_.loc;
  t.cell_style = sid::kTable;
  // A cell line a little lower than a grid row, and each row at least as many rows high as the PDF
  // made it: LibreOffice adds the rule's width to a row's height, so lines of the full pitch would
  // make every row taller than the PDF's and move page breaks. A cell wrapped to more lines than
  // the PDF's still grows (atLeast), never hiding text.
  t.cell_line_twips = pitch_ - kRuleRoomTwips;
  // 禁则 (9): where the PDF ends a line with a closing mark squeezed to half width ("有限公司、"),
  // Word and LibreOffice, which do not squeeze (doNotCompress), would carry a character over; a
  // mark hanging into the cell's padding keeps the PDF's lines.
  t.hanging_punct = true;
  t.border_mm = 0.25;  // summary_layout.cc kRuleMm
  const double table_pt = ls_.element("table").size_pt;
  // summary_layout.cc's `pad`, less the rule: LibreOffice takes a border's width from the cell's text
  // width, and the PDF's narrowest columns (序号, the phone numbers) fit their text exactly.
  t.cell_margin_mm = std::max(0.0, 0.5 * layout::PageGrid(ls_).char_width(table_pt) - t.border_mm);
  if (decisions_ && index < decisions_->column_widths_mm.size() && decisions_->column_widths_mm[index].size() == cols) {
    t.column_widths_mm = decisions_->column_widths_mm[index];
  } else {
    // No layout at hand: weights from the longest cell of each column (at least its header).
    t.column_widths_mm.assign(cols, 2.0);
    auto widen = [&](const std::vector<std::string>& r) {
      for (size_t c = 0; c < r.size(); ++c)
        t.column_widths_mm[c] = std::max(t.column_widths_mm[c], text_width_chars(r[c]) + 1.0);
    };
    widen(pt.header);
    for (const auto& r : pt.rows) widen(r);
    t.relative_widths = true;
  }
  const std::vector<int>* lines = decisions_ && index < decisions_->row_lines.size() &&
                                          decisions_->row_lines[index].size() == pt.rows.size() + 1
                                      ? &decisions_->row_lines[index]
                                      : nullptr;
  auto row_of = [&](const std::vector<std::string>& cells, bool header) {
    DocxRow row;
    row.header = header;
    // Two twips short of the PDF's rows: room for the rule LibreOffice adds above a repeated header.
    if (lines) row.min_height_twips = (*lines)[t.rows.size()] * pitch_ - 2;
    row.cant_split = true;  // as the PDF: a row read across a page break is misread
    for (size_t c = 0; c < cols; ++c) {
      DocxCell cell;
      cell.text = c < cells.size() ? cells[c] : std::string();
      const bool centre = header || (c < pt.centred.size() && pt.centred[c]);
      cell.jc = centre ? "center" : "left";
      cell.v_align = "top";  // the PDF sets each cell's lines from the top of its row
      cell.run = run_of(header ? "table-header" : "table");
      row.cells.push_back(std::move(cell));
    }
    return row;
  };
  t.rows.push_back(row_of(pt.header, true));
  for (const auto& r : pt.rows) t.rows.push_back(row_of(r, false));
  write_table(w_, t, ls_.block_width_mm, run_of("table"));
}

}  // namespace

std::string write_summary_docx(const layout::SummaryForm& form, const model::Style& portrait, const DocxOptions& opts,
                               const layout::SummaryDecisions* decisions) {
  check_expressible(portrait, opts);
  DocxBuilder b(portrait, opts);
  b.begin_landscape();  // before anything is written: every page is landscape
  SummaryBody(b, form, portrait, decisions).run();
  DocProps p;
  p.title = form.title.empty() ? form.label : form.label + " " + form.title;
  p.custom.push_back({"表单", "attachment5"});
  b.set_properties(std::move(p));
  return b.finish();
}

}  // namespace gw::docx
