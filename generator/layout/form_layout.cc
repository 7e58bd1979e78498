// Forms on GB/T 9704 pages; see form_layout.h. Everything becomes FlowRows on the half-line grid and
// is paginated by flow.h, as notices are: chains kept together (a heading with its first line, the
// 承诺书's signature with the text above it), page breaks before the parts the template asks for,
// and a table's header row repeated on continuation pages.
#include "layout/form_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "base/units.h"
#include "layout/flow.h"
#include "layout/page_grid.h"
#include "layout/text_setter.h"
#include "text/line_breaker.h"

namespace gw::layout {
namespace {

using model::Align;
using model::FormPart;
using model::FormPartKind;
using model::FormText;

constexpr int kSub = 2;               // grid rows per body line (the 5.2.3 pitch halved)
constexpr double kRuleMm = 0.25;      // table rules, as in notice and summary tables
constexpr double kCellPadMm = 1.0;    // above the first and below the last line of a cell
constexpr double kTableLeading = 1.5; // table line pitch: 1.5 × the table text size
constexpr double kLineRoom = 1.15;    // a line needs its size plus this much leading in its rows
constexpr double kFillLineMm = 0.25;  // the rule under a blank to fill by hand
constexpr int kIndentChars = 2;       // paragraphs and headings start two characters in (5.2.3 practice)
constexpr int kCoverValueChars = 14;  // the underline of a cover field, in body characters

model::Style form_style(const model::Style& portrait) {
  model::Style s = portrait;
  s.lines_per_page = portrait.lines_per_page * kSub;
  s.line_pitch_pt = portrait.line_pitch_pt / kSub;  // 0 stays 0: the block height over the lines
  return s;
}

// One cell's lines, set relative to the top of its first line slot.
struct CellText {
  std::vector<TextLine> lines;  // the paragraphs, then the foot
  size_t foot_from = 0;         // lines[foot_from…] are the foot (set at the cell's bottom)
};

class FormLayout {
 public:
  FormLayout(const model::FormDocument& f, const model::Style& portrait, const fonts::FontSet& fonts)
      : form_(f), style_(form_style(portrait)), grid_(style_), set_(fonts, style_, grid_) {}

  Document run();

 private:
  double size_mm(const std::string& role) const { return pt_to_mm(style_.element(role).size_pt); }
  double ch(const std::string& role) const { return grid_.char_width(style_.element(role).size_pt); }
  int span_of(const std::string& role) const {
    return std::max(1, static_cast<int>(std::ceil(size_mm(role) * kLineRoom / grid_.pitch() - 1e-9)));
  }
  double row_baseline(const std::string& role, int span) const {
    const double sz = size_mm(role);
    return (grid_.pitch() * span - sz) / 2 + kEmBaseline * sz;
  }
  std::vector<text::BrokenLine> broken(const std::vector<SetGlyph>& g, double first, double rest) const {
    return TextSetter::break_glyphs(g, first, rest);
  }

  void add(FlowRow row) {
    if (break_next_) row.break_before = true;
    break_next_ = false;
    rows_.push_back(std::move(row));
  }
  void blank(int body_lines = 1) {
    for (int i = 0; i < body_lines; ++i) {
      FlowRow r;
      r.blank = true;
      r.span = kSub;
      add(std::move(r));
    }
  }
  // Keeps the last rows before what comes next (up to the last non-blank one) with it.
  void keep_last_with_next() {
    for (auto it = rows_.rbegin(); it != rows_.rend(); ++it) {
      it->keep_with_next = true;
      if (!it->blank) break;
    }
  }

  void centred(const FormText& t, const std::string& role);
  void paragraph(const FormPart& p, const std::string& role, bool heading);
  void fill_lines(int n);
  void cover_fields(size_t first);
  void signature(const FormPart& p);
  void table(const model::FormTable& t);
  CellText cell_text(const model::FormCell& c, double left, double right) const;
  void number_pages(std::vector<Page>& pages, bool cover) const;

  const model::FormDocument& form_;
  model::Style style_;
  PageGrid grid_;
  TextSetter set_;
  std::vector<FlowRow> rows_;
  bool break_next_ = false;
  int table_count_ = 0;
};

// A title (the form's, or 承诺书): centred, broken only between words and balanced (7.3.1).
void FormLayout::centred(const FormText& t, const std::string& role) {
  auto g = set_.shape(t.text, role, t.loc);
  if (g.empty()) return;
  auto starts = TextSetter::balance_title(g, grid_.block_width());
  starts.push_back(g.size());
  const int span = span_of(role);
  size_t a = 0;
  for (size_t b : starts) {
    const double w = TextSetter::width(g, a, b);
    FlowRow row;
    row.span = span;
    row.keep_with_next = true;
    row.lines.push_back(set_.line(g, a, b, role, grid_.block_left() + (grid_.block_width() - w) / 2, row_baseline(role, span)));
    add(std::move(row));
    a = b;
  }
}

// Body text: each line of the value is a paragraph, first line two characters in, justified.
// Headings are set the same way, unjustified.
void FormLayout::paragraph(const FormPart& p, const std::string& role, bool heading) {
  if (p.value.text.empty()) {
    if (p.value.fillable()) fill_lines(p.blank_lines);
    return;
  }
  const double indent = ch(role) * kIndentChars;
  const int span = span_of(role);
  size_t start = 0;
  const std::string& s = p.value.text;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    std::string para = s.substr(start, nl - start);
    start = nl + 1;
    auto g = set_.shape(para, role, p.value.loc);
    if (g.empty()) continue;
    auto lines = broken(g, grid_.block_width() - indent, grid_.block_width());
    for (size_t i = 0; i < lines.size(); ++i) {
      const auto& l = lines[i];
      const double x = grid_.block_left() + (i == 0 ? indent : 0);
      const double target = (!l.last && !heading) ? grid_.block_right() - x : 0;
      FlowRow row;
      row.span = span;
      row.keep_with_next = heading;
      row.lines.push_back(set_.line(g, l.begin, l.end, role, x, row_baseline(role, span), target, l.squeeze_mm));
      add(std::move(row));
    }
  }
}

// A field the data left empty: ruled lines to write on.
void FormLayout::fill_lines(int n) {
  for (int i = 0; i < n; ++i) {
    FlowRow row;
    row.span = kSub;
    const double y = grid_.pitch() * kSub - 1.0;
    row.rules.push_back({"fill-line", grid_.block_left(), y, grid_.block_right(), y, kFillLineMm, model::Color::black()});
    add(std::move(row));
  }
}

// The cover's labelled underlined fields, from parts[first] on: the labels right-aligned in one
// column, the values centred on underlines of kCoverValueChars characters, the block centred.
void FormLayout::cover_fields(size_t first) {
  const std::string label_role = "cover-label", value_role = "body";
  double label_w = 0;
  for (size_t i = first; i < form_.parts.size() && form_.parts[i].kind == FormPartKind::CoverField; ++i)
    label_w = std::max(label_w, TextSetter::width(set_.shape(form_.parts[i].label.text, label_role, form_.parts[i].label.loc)));
  const double gap = ch(value_role) / 2;
  const double line_w = std::min(ch(value_role) * kCoverValueChars, grid_.block_width() - label_w - gap);
  const double x0 = grid_.block_left() + std::max(0.0, (grid_.block_width() - label_w - gap - line_w) / 2);
  const double ux = x0 + label_w + gap;
  const int span = kSub;
  bool firstField = true;
  for (size_t i = first; i < form_.parts.size() && form_.parts[i].kind == FormPartKind::CoverField; ++i) {
    const FormPart& p = form_.parts[i];
    if (!firstField) blank();
    firstField = false;
    auto lg = set_.shape(p.label.text, label_role, p.label.loc);
    auto vg = set_.shape(p.value.text, value_role, p.value.loc);
    auto lines = vg.empty() ? std::vector<text::BrokenLine>{} : broken(vg, line_w, line_w);
    const size_t n = std::max<size_t>(1, lines.size());
    for (size_t k = 0; k < n; ++k) {
      FlowRow row;
      row.span = span;
      row.keep_with_next = k + 1 < n;
      if (k == 0)
        row.lines.push_back(set_.line(lg, 0, lg.size(), label_role, x0 + label_w - TextSetter::width(lg), row_baseline(label_role, span)));
      if (k < lines.size()) {
        const auto& l = lines[k];
        const double w = TextSetter::width(vg, l.begin, l.end) - l.squeeze_mm;
        row.lines.push_back(set_.line(vg, l.begin, l.end, value_role, ux + (line_w - w) / 2, row_baseline(value_role, span), 0, l.squeeze_mm));
      }
      const double y = row_baseline(value_role, span) + 0.2 * size_mm(value_role);
      row.rules.push_back({"cover-underline", ux, y, ux + line_w, y, kFillLineMm, model::Color::black()});
      add(std::move(row));
    }
  }
}

// Lines set flush right, two characters in, kept together and with the text above (7.3.5.5).
void FormLayout::signature(const FormPart& p) {
  keep_last_with_next();
  const std::string role = "signature";
  const int span = span_of(role);
  for (size_t i = 0; i < p.lines.size(); ++i) {
    auto g = set_.shape(p.lines[i].text, role, p.lines[i].loc);
    FlowRow row;
    row.span = span;
    row.keep_with_next = i + 1 < p.lines.size();
    const double x = grid_.block_right() - ch(role) * kIndentChars - TextSetter::width(g);
    row.lines.push_back(set_.line(g, 0, g.size(), role, std::max(grid_.block_left(), x), row_baseline(role, span)));
    add(std::move(row));
  }
}

CellText FormLayout::cell_text(const model::FormCell& c, double left, double right) const {
  CellText out;
  const std::string role = c.label ? "table-header" : "table";
  const double sz = size_mm(role);
  const double pt = kTableLeading * size_mm("table");
  const double pad = ch(role) / 2;
  const double width = std::max(right - left - 2 * pad, ch(role));
  auto set_paras = [&](const std::vector<model::FormPara>& paras) {
    for (const auto& p : paras) {
      size_t start = 0;
      const std::string& s = p.text.text;
      while (start <= s.size()) {
        size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        auto g = set_.shape(s.substr(start, nl - start), role, p.text.loc);
        start = nl + 1;
        for (const auto& l : g.empty() ? std::vector<text::BrokenLine>{} : broken(g, width, width)) {
          const double w = TextSetter::width(g, l.begin, l.end) - l.squeeze_mm;
          const double x = p.align == Align::Centre  ? (left + right - w) / 2
                           : p.align == Align::Right ? right - pad - w
                                                     : left + pad;
          const double k = static_cast<double>(out.lines.size());
          out.lines.push_back(set_.line(g, l.begin, l.end, role, x, k * pt + (pt - sz) / 2 + kEmBaseline * sz, 0, l.squeeze_mm));
        }
      }
    }
  };
  set_paras(c.paras);
  out.foot_from = out.lines.size();
  set_paras(c.foot);
  return out;
}

void shift(std::vector<TextLine>& lines, size_t from, size_t to, double dy, FlowRow& row) {
  for (size_t i = from; i < to; ++i) {
    TextLine l = lines[i];
    l.top_mm += dy;
    l.baseline_mm += dy;
    row.lines.push_back(std::move(l));
  }
}

void FormLayout::table(const model::FormTable& t) {
  const int id = table_count_++;
  const size_t cols = t.widths.size(), nrows = t.rows.size();
  if (cols == 0 || nrows == 0) return;
  const double total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0);
  std::vector<double> x(cols + 1, grid_.block_left());
  for (size_t c = 0; c < cols; ++c) x[c + 1] = x[c] + grid_.block_width() * t.widths[c] / total;
  x[cols] = grid_.block_right();
  const double pt = kTableLeading * size_mm("table");
  const double pitch = grid_.pitch();

  // Cells on the grid of rows × columns: a cell goes to the first column its row's earlier cells
  // and the row spans from above leave free.
  struct Placed {
    const model::FormCell* cell;
    size_t row, col, rows, cols;
    CellText text;
  };
  std::vector<Placed> placed;
  std::vector<std::vector<bool>> taken(nrows, std::vector<bool>(cols, false));
  for (size_t r = 0; r < nrows; ++r) {
    size_t c = 0;
    for (const auto& cell : t.rows[r].cells) {
      while (c < cols && taken[r][c]) ++c;
      const size_t cs = std::min(cols - std::min(c, cols), static_cast<size_t>(std::max(1, cell.col_span)));
      const size_t rs = std::min(nrows - r, static_cast<size_t>(std::max(1, cell.row_span)));
      if (c >= cols) break;  // the template reader has checked the spans add up
      for (size_t rr = r; rr < r + rs; ++rr)
        for (size_t cc = c; cc < c + cs; ++cc) taken[rr][cc] = true;
      placed.push_back({&cell, r, c, rs, cs, cell_text(cell, x[c], x[c + cs])});
      c += cs;
    }
  }

  // Row heights: the tallest one-row cell (or the row's min-lines), then cells spanning rows
  // stretch the last row they cover when their text needs more.
  std::vector<double> h(nrows);
  for (size_t r = 0; r < nrows; ++r) h[r] = std::max(1, t.rows[r].min_lines) * pt + 2 * kCellPadMm;
  for (const auto& p : placed)
    if (p.rows == 1) h[p.row] = std::max(h[p.row], static_cast<double>(p.text.lines.size()) * pt + 2 * kCellPadMm);
  for (const auto& p : placed) {
    if (p.rows == 1) continue;
    const double need = static_cast<double>(p.text.lines.size()) * pt + 2 * kCellPadMm;
    double have = 0;
    for (size_t r = p.row; r < p.row + p.rows; ++r) have += h[r];
    if (need > have) h[p.row + p.rows - 1] += need - have;
  }

  int header_span = 0;  // of this table's last header group, repeated on continuation pages
  size_t r0 = 0;
  while (r0 < nrows) {
    // A group: rows bound together by cells spanning them; it is never broken across pages.
    size_t r1 = r0 + 1;
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& p : placed)
        if (p.row >= r0 && p.row < r1 && p.row + p.rows > r1) {
          r1 = p.row + p.rows;
          grew = true;
        }
    }
    bool header = true, caption = r1 == r0 + 1;
    for (size_t r = r0; r < r1; ++r) header = header && t.rows[r].header;
    double height = 0;
    for (size_t r = r0; r < r1; ++r) height += h[r];
    const int span = std::max(1, static_cast<int>(std::ceil(height / pitch - 1e-6)));
    const double scale = span * pitch / height;  // fill whole grid rows, growing every row alike
    std::vector<double> top(r1 - r0 + 1, 0.0);
    for (size_t r = r0; r < r1; ++r) top[r - r0 + 1] = top[r - r0] + h[r] * scale;
    std::vector<const Placed*> in;
    for (const auto& p : placed)
      if (p.row >= r0 && p.row < r1) in.push_back(&p);
    if (caption) caption = in.size() == 1 && in.front()->cols == cols && in.front()->cell->label;

    const int room = grid_.lines() - (header ? 0 : header_span);
    if (span <= room) {
      FlowRow row;
      row.span = span;
      row.table = id;
      row.table_header = header;
      row.keep_with_next = header || caption;  // never a header or a caption alone at a page foot
      const double H = span * pitch;
      row.rules.push_back({"table", x[0], 0, x[cols], 0, kRuleMm, model::Color::black()});
      row.rules.push_back({"table", x[0], 0, x[0], H, kRuleMm, model::Color::black()});
      for (const Placed* p : in) {
        const double ct = top[p->row - r0], cb = top[p->row - r0 + p->rows], ch_ = cb - ct;
        CellText text = p->text;
        const double n_body = static_cast<double>(text.foot_from);
        const double n_foot = static_cast<double>(text.lines.size() - text.foot_from);
        // Text centred in its cell, or — when the cell has a foot (a box to write in) — the text at
        // the top and the foot at the bottom.
        const double body_top = n_foot > 0 ? ct + kCellPadMm : ct + (ch_ - n_body * pt) / 2;
        shift(text.lines, 0, text.foot_from, body_top, row);
        shift(text.lines, text.foot_from, text.lines.size(), cb - kCellPadMm - (n_body + n_foot) * pt, row);
        const double xr = x[p->col + p->cols];
        row.rules.push_back({"table", x[p->col], cb, xr, cb, kRuleMm, model::Color::black()});
        row.rules.push_back({"table", xr, ct, xr, cb, kRuleMm, model::Color::black()});
      }
      if (header) header_span = span;
      add(std::move(row));
      r0 = r1;
      continue;
    }

    // Taller than a page: only a single row can be split, between its lines, each part ruled as a
    // row of its own; rows bound by merged cells cannot.
    if (r1 != r0 + 1)
      throw InputError(in.front()->cell->loc,
                       "these merged table rows need " + std::to_string(span) + " of the " + std::to_string(grid_.lines()) +
                           " half-lines of a page and cannot be split",
                       "shorten the text in these rows or stop merging their cells");
    const int per = std::max(1, static_cast<int>(std::floor((room * pitch - 2 * kCellPadMm) / pt)));
    size_t most = 0;
    for (const Placed* p : in) most = std::max(most, p->text.lines.size());
    for (size_t from = 0; from < most; from += static_cast<size_t>(per)) {
      const size_t to = std::min(most, from + static_cast<size_t>(per));
      FlowRow row;
      row.table = id;
      row.span = to < most ? room : std::max(1, static_cast<int>(std::ceil(((to - from) * pt + 2 * kCellPadMm) / pitch - 1e-6)));
      const double H = row.span * pitch;
      row.rules.push_back({"table", x[0], 0, x[cols], 0, kRuleMm, model::Color::black()});
      row.rules.push_back({"table", x[0], 0, x[0], H, kRuleMm, model::Color::black()});
      row.rules.push_back({"table", x[0], H, x[cols], H, kRuleMm, model::Color::black()});
      for (const Placed* p : in) {
        CellText text = p->text;  // split rows set everything from the top, the foot included
        const size_t a = std::min(from, text.lines.size()), b = std::min(to, text.lines.size());
        shift(text.lines, a, b, kCellPadMm - static_cast<double>(from) * pt, row);
        const double xr = x[p->col + p->cols];
        row.rules.push_back({"table", xr, 0, xr, H, kRuleMm, model::Color::black()});
      }
      add(std::move(row));
    }
    r0 = r1;
  }
}

void FormLayout::number_pages(std::vector<Page>& pages, bool cover) const {
  // 7.5: "— N —" 四号, 7 mm below the text block; odd pages right (1 character in), even pages
  // left. The cover carries no number (as a 信函's first page, 10.1) but counts.
  const std::string role = "page-number";
  const double c = ch(role) * style_.page_number_indent_chars;
  for (size_t i = cover ? 1 : 0; i < pages.size(); ++i) {
    Page& pg = pages[i];
    const int num = static_cast<int>(i) + 1;
    pg.number = num;
    const std::string text = style_.page_number_text(num);
    auto g = set_.shape(text, role, {style_.source_file});
    const double w = TextSetter::width(g);
    const double px = num % 2 == 1 ? grid_.block_right() - c - w : grid_.block_left() + c;
    pg.lines.push_back(set_.line(g, 0, g.size(), role, px,
                                 grid_.baseline_for_top(grid_.block_bottom() + style_.page_number_gap_mm, style_.element(role).size_pt)));
  }
}

Document FormLayout::run() {
  const bool cover = std::any_of(form_.parts.begin(), form_.parts.end(),
                                 [](const FormPart& p) { return p.kind == FormPartKind::CoverField; });
  // The head (7.3.7): the label flush left on the first line, the title centred below; on a cover,
  // with room around the title as a cover has.
  {
    auto g = set_.shape(form_.label, "attachment-label", form_.template_loc);
    FlowRow row;
    row.span = span_of("attachment-label");
    row.lines.push_back(set_.line(g, 0, g.size(), "attachment-label", grid_.block_left(), row_baseline("attachment-label", row.span)));
    add(std::move(row));
  }
  blank(cover ? 3 : 1);
  centred(FormText{form_.title, {}, {}, form_.template_loc}, "title");
  blank(cover ? 3 : 1);
  bool covered = false;
  for (size_t i = 0; i < form_.parts.size(); ++i) {
    const FormPart& p = form_.parts[i];
    switch (p.kind) {
      case FormPartKind::CoverField:
        if (!covered) cover_fields(i);
        covered = true;
        break;
      case FormPartKind::Title: centred(p.value, "title"); break;
      case FormPartKind::Heading:
        // A heading straight after a table would touch its bottom rule: one line of air.
        if (!rows_.empty() && rows_.back().table >= 0) blank();
        paragraph(p, "heading-1", true);
        break;
      case FormPartKind::Paragraph: paragraph(p, "body", false); break;
      case FormPartKind::Table: table(p.table); break;
      case FormPartKind::Signature: signature(p); break;
      case FormPartKind::Blank: blank(); break;
      case FormPartKind::PageBreak: break_next_ = true; break;
    }
  }
  if (!rows_.empty()) rows_.back().keep_with_next = false;
  Page first;
  first.width_mm = grid_.page_width();
  first.height_mm = grid_.page_height();
  Paginated pages = paginate(rows_, grid_, std::move(first), 0);
  number_pages(pages.pages, cover);
  Document doc;
  doc.pages = std::move(pages.pages);
  doc.title = form_.label + " " + form_.title + (form_.subject.empty() ? "" : "（" + form_.subject + "）");
  doc.subject = form_.title;
  doc.author = form_.subject;
  return doc;
}

}  // namespace

Document layout_form(const model::FormDocument& form, const model::Style& portrait, const fonts::FontSet& fonts) {
  return FormLayout(form, portrait, fonts).run();
}

}  // namespace gw::layout
