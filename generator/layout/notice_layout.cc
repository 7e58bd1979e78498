#include "layout/notice_layout.h"

#include <algorithm>
#include <cmath>

#include "base/units.h"
#include "base/utf8.h"
#include "layout/flow.h"
#include "layout/page_grid.h"
#include "layout/text_setter.h"
#include "text/line_breaker.h"

namespace gw::layout {
namespace {

using model::BlockKind;
using model::Format;

// 10.1: the red double lines of the letter format. The standard fixes their length and place, not
// their weights; these are the weights of the ministry's own letters.
constexpr double kLetterThickMm = 1.0;
constexpr double kLetterThinMm = 0.35;
constexpr double kLetterGapMm = 0.7;
// 7.2.4 leaves the mark's size to the office ("醒目、美观、庄重"); 初号 is the common choice.
constexpr double kDefaultMarkPt = kSizeChuhao;
// 7.2.4: stacked names of a joint mark, line spacing as a multiple of the mark size.
constexpr double kJointMarkLineFactor = 1.15;
// 7.3.5.1: a seal (about 42 mm) overlaps signature and date; two blank lines leave room for its top.
constexpr int kSealBlankLines = 2;

class NoticeLayout {
 public:
  NoticeLayout(const model::Notice& n, const model::Style& s, const fonts::FontSet& f, const LayoutOptions& o)
      : n_(n), style_(s), grid_(s), set_(f, s, grid_), opts_(o) {}

  Document run();

 private:
  // ---- helpers
  double size(const std::string& role) const { return style_.element(role).size_pt; }
  double ch(const std::string& role) const { return grid_.char_width(size(role)); }
  double row_baseline(const std::string& role, int span = 1) const {
    double sz = pt_to_mm(size(role));
    return (grid_.pitch() * span - sz) / 2 + kEmBaseline * sz;  // relative to the row top
  }
  FlowRow blank_row() const {
    FlowRow r;
    r.blank = true;
    return r;
  }
  // Breaks runs into rows: the first line starts at first_x and may run to right_x, continuation
  // lines start at cont_x. Lines but the last are justified (5.2.3).
  std::vector<FlowRow> paragraph(const std::vector<Run>& runs, const std::string& role, double first_x, double cont_x,
                                 double right_x, bool justify = true) const;
  std::vector<FlowRow> centered_title(const model::Field& title, const std::string& role) const;
  TextLine single_line(const std::string& text, const std::string& role, const SourceLoc& loc, double x,
                       double baseline) const;

  // ---- stages
  void head(Page& page, int& first_row);
  void body_rows(const std::vector<model::Block>& blocks, std::vector<FlowRow>& rows);
  void table_rows(const model::Table& t, std::vector<FlowRow>& rows);
  void closing_rows(std::vector<FlowRow>& rows);
  void attachment_rows(std::vector<FlowRow>& rows);
  std::vector<FlowRow> colophon_rows(bool recipients_moved);
  void place_colophon(Paginated& p, std::vector<FlowRow> rows);
  void number_pages(std::vector<Page>& pages);
  double mark_lines(Page& page, double top);

  const model::Notice& n_;
  const model::Style& style_;
  PageGrid grid_;
  TextSetter set_;
  LayoutOptions opts_;
  int table_count_ = 0;
  int colophon_page_ = -1;
  bool colophon_after_blank_ = false;
};

TextLine NoticeLayout::single_line(const std::string& text, const std::string& role, const SourceLoc& loc, double x,
                                   double baseline) const {
  auto g = set_.shape(text, role, loc);
  return set_.line(g, 0, g.size(), role, x, baseline);
}

std::vector<FlowRow> NoticeLayout::paragraph(const std::vector<Run>& runs, const std::string& role, double first_x,
                                             double cont_x, double right_x, bool justify) const {
  std::vector<FlowRow> rows;
  auto g = set_.shape(runs, size(role));
  if (g.empty()) return rows;
  auto lines = TextSetter::break_glyphs(g, right_x - first_x, right_x - cont_x);
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    double x = i == 0 ? first_x : cont_x;
    double target = (!l.last && justify) ? right_x - x : 0;
    FlowRow row;
    row.lines.push_back(set_.line(g, l.begin, l.end, role, x, row_baseline(role), target, l.squeeze_mm));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FlowRow> NoticeLayout::centered_title(const model::Field& title, const std::string& role) const {
  // 7.3.1: centred, broken only between words, balanced (trapezoid or diamond).
  std::vector<FlowRow> rows;
  auto g = set_.shape(title.text, role, title.loc);
  auto starts = TextSetter::balance_title(g, grid_.block_width());
  starts.push_back(g.size());
  size_t a = 0;
  for (size_t b : starts) {
    double w = TextSetter::width(g, a, b);
    FlowRow row;
    row.lines.push_back(set_.line(g, a, b, role, grid_.block_left() + (grid_.block_width() - w) / 2, row_baseline(role)));
    rows.push_back(std::move(row));
    a = b;
  }
  return rows;
}

// 7.2.4 (and 10.1–10.3): the red issuer mark. Long marks are compressed horizontally first, down to
// the style's limit, then set smaller (issue 7). Returns the mark's bottom edge.
double NoticeLayout::mark_lines(Page& page, double top) {
  const std::string role = "issuer-mark";
  double pt = size(role) > 0 ? size(role) : kDefaultMarkPt;
  auto lines = n_.mark_lines();
  SourceLoc loc = !n_.mark.empty() ? n_.mark.loc : (n_.issuers.empty() ? SourceLoc{n_.source_file} : n_.issuers[0].loc);
  std::string suffix;
  if (n_.mark.empty()) {
    if (n_.format == Format::File && n_.mark_with_wenjian) suffix = "文件";
  }
  auto shape_at = [&](const std::string& text, double size_pt) {
    return set_.shape(std::vector<Run>{{text, role, loc}}, size_pt);
  };
  const bool joint = lines.size() > 1;
  auto total_width = [&](double size_pt) {
    double names = 0;
    for (const auto& l : lines) {
      if (!joint) continue;
      names = std::max(names, TextSetter::width(shape_at(l, size_pt)));
    }
    if (!joint) return TextSetter::width(shape_at(lines.empty() ? suffix : lines[0] + suffix, size_pt));
    double wj = suffix.empty() ? 0 : TextSetter::width(shape_at(suffix, size_pt)) + grid_.char_width(size_pt);
    return names + wj;
  };
  double hscale = 1.0;
  double w = total_width(pt);
  const double avail = grid_.block_width();
  if (w > avail) {
    hscale = avail / w;
    if (hscale < style_.mark_min_hscale) {
      hscale = style_.mark_min_hscale;
      pt = pt * avail / (w * hscale);
    }
  }
  const double size_mm = pt_to_mm(pt);
  auto emit = [&](const std::vector<SetGlyph>& g, double x, double em_top, double justify_to) {
    TextLine tl = set_.line(g, 0, g.size(), role, x, em_top + kEmBaseline * size_mm, justify_to, 0, hscale);
    tl.size_pt = pt;
    tl.top_mm = em_top;
    page.lines.push_back(std::move(tl));
  };
  if (!joint) {
    auto g = shape_at(lines.empty() ? suffix : lines[0] + suffix, pt);
    double gw = TextSetter::width(g) * hscale;
    emit(g, grid_.block_left() + (avail - gw) / 2, top, 0);
    return top + size_mm;
  }
  // 7.2.4 joint issue: lead agency first, names stacked and justified to one width, "文件" to their
  // right, vertically centred on the stack.
  double names_w = 0;
  for (const auto& l : lines) names_w = std::max(names_w, TextSetter::width(shape_at(l, pt)) * hscale);
  double wj = suffix.empty() ? 0 : (TextSetter::width(shape_at(suffix, pt)) + grid_.char_width(pt)) * hscale;
  double x0 = grid_.block_left() + (avail - names_w - wj) / 2;
  double step = size_mm * kJointMarkLineFactor;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto g = shape_at(lines[i], pt);
    emit(g, x0, top + step * static_cast<double>(i), g.size() > 1 ? names_w : 0);
  }
  double bottom = top + step * static_cast<double>(lines.size() - 1) + size_mm;
  if (!suffix.empty()) {
    auto g = shape_at(suffix, pt);
    emit(g, x0 + names_w + grid_.char_width(pt) * hscale, (top + bottom) / 2 - size_mm / 2, 0);
  }
  return bottom;
}

void NoticeLayout::head(Page& page, int& first_row) {
  const double left = grid_.block_left(), right = grid_.block_right();
  // 7.2.1–7.2.3: 份号, 密级, 紧急程度, one per line from line 1.
  std::vector<std::pair<std::string, std::string>> marks;  // role, text
  std::string copy = !opts_.copy_number.empty() ? opts_.copy_number : n_.copy_number.text;
  if (!copy.empty()) marks.push_back({"copy-number", copy});
  if (!n_.secrecy.empty())
    marks.push_back({"secrecy", n_.secrecy.text + (n_.secrecy_period.empty() ? "" : "★" + n_.secrecy_period.text)});
  if (!n_.urgency.empty()) marks.push_back({"urgency", n_.urgency.text});

  double last_bottom = 0;
  const double sanhao = pt_to_mm(size("doc-number"));
  if (n_.format == Format::Letter) {
    // 10.1: mark 30 mm from the page top; red double line (thick over thin) 4 mm below it.
    double mark_bottom = mark_lines(page, style_.letter_mark_top_from_page_mm);
    double x1 = (grid_.page_width() - style_.letter_line_length_mm) / 2, x2 = x1 + style_.letter_line_length_mm;
    double thick_y = mark_bottom + style_.red_line_gap_mm + kLetterThickMm / 2;
    double thin_y = thick_y + kLetterThickMm / 2 + kLetterGapMm + kLetterThinMm / 2;
    page.rules.push_back({"letter-top-thick", x1, thick_y, x2, thick_y, kLetterThickMm, model::Color::red()});
    page.rules.push_back({"letter-top-thin", x1, thin_y, x2, thin_y, kLetterThinMm, model::Color::red()});
    // 10.1: thin over thick, 20 mm above the page's bottom edge.
    double bottom_edge = grid_.page_height() - style_.letter_bottom_line_from_page_bottom_mm;
    double b_thick = bottom_edge - kLetterThickMm / 2;
    double b_thin = b_thick - kLetterThickMm / 2 - kLetterGapMm - kLetterThinMm / 2;
    page.rules.push_back({"letter-bottom-thin", x1, b_thin, x2, b_thin, kLetterThinMm, model::Color::red()});
    page.rules.push_back({"letter-bottom-thick", x1, b_thick, x2, b_thick, kLetterThickMm, model::Color::red()});
    // 份号… flush left and 文号 flush right, 7/8 of a 三号 character below the double line.
    double top = thin_y + kLetterThinMm / 2 + sanhao * 7.0 / 8.0;
    last_bottom = top;
    for (size_t i = 0; i < marks.size(); ++i) {
      double em_top = top + grid_.pitch() * static_cast<double>(i);
      page.lines.push_back(single_line(marks[i].second, marks[i].first, {n_.source_file}, left,
                                       grid_.baseline_for_top(em_top, size(marks[i].first))));
      last_bottom = em_top + sanhao;
    }
    if (!n_.doc_number.empty()) {
      auto g = set_.shape(n_.doc_number.text, "doc-number", n_.doc_number.loc);
      double w = TextSetter::width(g);
      page.lines.push_back(set_.line(g, 0, g.size(), "doc-number", right - w, grid_.baseline_for_top(top, size("doc-number"))));
      last_bottom = std::max(last_bottom, top + sanhao);
    }
    // 10.1: title two lines below the last element above it.
    first_row = grid_.first_row_at_or_below(last_bottom) + 2;
    return;
  }

  for (size_t i = 0; i < marks.size(); ++i)
    page.lines.push_back(single_line(marks[i].second, marks[i].first, {n_.source_file}, left,
                                     grid_.row_top(0) + row_baseline(marks[i].first) + grid_.pitch() * static_cast<double>(i)));

  if (n_.format == Format::Order) {
    // 10.2: mark 20 mm below the text block's top; 令号 centred two lines below; body two lines below.
    double mark_bottom = mark_lines(page, grid_.block_top() + style_.order_mark_top_from_block_mm);
    double row_top = mark_bottom + 2 * grid_.pitch();
    last_bottom = mark_bottom;
    if (!n_.doc_number.empty()) {
      auto g = set_.shape(n_.doc_number.text, "doc-number", n_.doc_number.loc);
      double w = TextSetter::width(g);
      page.lines.push_back(set_.line(g, 0, g.size(), "doc-number", left + (grid_.block_width() - w) / 2,
                                     row_top + row_baseline("doc-number")));
      last_bottom = row_top + grid_.pitch();
    }
    first_row = grid_.first_row_at_or_below(last_bottom) + 2;
    return;
  }

  // 7.2.4 (纪要 10.3): mark top edge 35 mm below the text block's top.
  double mark_bottom = mark_lines(page, grid_.block_top() + style_.mark_top_from_block_mm);
  double number_row_top = mark_bottom + 2 * grid_.pitch();  // 7.2.5 / 7.2.6: two blank lines below
  double number_bottom = mark_bottom;
  if (!n_.signers.empty()) {
    // 7.2.6: "签发人：" + names (楷体), right indent 1 char, two names a line; the 文号 flush left,
    // indented 1 char, on the line of the last names.
    std::vector<std::string> name_lines;
    for (size_t i = 0; i < n_.signers.size(); i += 2) {
      std::string s = n_.signers[i].text;
      if (i + 1 < n_.signers.size()) s += "　" + n_.signers[i + 1].text;
      name_lines.push_back(s);
    }
    auto label = set_.shape("签发人：", "signer-label", {n_.source_file});
    double label_w = TextSetter::width(label);
    double names_w = 0;
    std::vector<std::vector<SetGlyph>> gs;
    for (const auto& s : name_lines) {
      gs.push_back(set_.shape(s, "signer-name", n_.signers[0].loc));
      names_w = std::max(names_w, TextSetter::width(gs.back()));
    }
    double names_x = right - ch("signer-label") - names_w;
    for (size_t i = 0; i < gs.size(); ++i) {
      double top = number_row_top + grid_.pitch() * static_cast<double>(i);
      if (i == 0)
        page.lines.push_back(set_.line(label, 0, label.size(), "signer-label", names_x - label_w, top + row_baseline("signer-label")));
      page.lines.push_back(set_.line(gs[i], 0, gs[i].size(), "signer-name", names_x, top + row_baseline("signer-name")));
    }
    number_row_top += grid_.pitch() * static_cast<double>(gs.size() - 1);
    if (!n_.doc_number.empty())
      page.lines.push_back(single_line(n_.doc_number.text, "doc-number", n_.doc_number.loc, left + ch("doc-number"),
                                       number_row_top + row_baseline("doc-number")));
    number_bottom = number_row_top + (grid_.pitch() + sanhao) / 2;
  } else if (!n_.doc_number.empty()) {
    auto g = set_.shape(n_.doc_number.text, "doc-number", n_.doc_number.loc);
    double w = TextSetter::width(g);
    page.lines.push_back(set_.line(g, 0, g.size(), "doc-number", left + (grid_.block_width() - w) / 2,
                                   number_row_top + row_baseline("doc-number")));
    number_bottom = number_row_top + (grid_.pitch() + sanhao) / 2;  // the em box's bottom edge
  }
  // 7.2.7: the red separator 4 mm below the 文号, the width of the text block.
  double red_y = number_bottom + style_.red_line_gap_mm + style_.red_line_width_mm / 2;
  page.rules.push_back({"red-line", left, red_y, right, red_y, style_.red_line_width_mm, model::Color::red()});
  // 7.3.1: the title two blank lines below the red line.
  first_row = grid_.first_row_at_or_below(red_y) + 2;
}

void NoticeLayout::table_rows(const model::Table& t, std::vector<FlowRow>& rows) {
  const std::string role = "table";
  const int id = table_count_++;
  size_t cols = 0;
  for (const auto& r : t.rows) cols = std::max(cols, r.size());
  if (cols == 0) return;
  const double pad = ch(role) * 0.5;
  // Column widths proportional to each column's longest cell, at least 2 characters.
  std::vector<double> want(cols, 2 * ch(role));
  for (const auto& r : t.rows)
    for (size_t c = 0; c < r.size(); ++c)
      want[c] = std::max(want[c], TextSetter::width(set_.shape(r[c].text, role, r[c].loc)) + 2 * pad);
  double total = 0;
  for (double w : want) total += w;
  std::vector<double> width(cols);
  const double avail = grid_.block_width();
  if (total <= avail) {
    for (size_t c = 0; c < cols; ++c) width[c] = want[c] * avail / total;
  } else {
    // Too wide: give every column its share by the square root of its wish, so long cells wrap.
    double s = 0;
    for (double w : want) s += std::sqrt(w);
    for (size_t c = 0; c < cols; ++c) width[c] = std::sqrt(want[c]) * avail / s;
  }
  const double thin = 0.25;
  for (size_t ri = 0; ri < t.rows.size(); ++ri) {
    const auto& r = t.rows[ri];
    std::vector<std::vector<FlowRow>> cells;
    int span = 1;
    double x = grid_.block_left();
    for (size_t c = 0; c < cols; ++c) {
      std::vector<FlowRow> cr;
      if (c < r.size() && !r[c].text.empty())
        cr = paragraph({{r[c].text, role, r[c].loc}}, role, x + pad, x + pad, x + width[c] - pad, false);
      span = std::max(span, static_cast<int>(cr.size()));
      cells.push_back(std::move(cr));
      x += width[c];
    }
    FlowRow row;
    row.span = span;
    row.table = id;
    row.table_header = t.has_header && ri == 0;
    for (auto& cr : cells)
      for (size_t k = 0; k < cr.size(); ++k)
        for (auto l : cr[k].lines) {
          l.baseline_mm += grid_.pitch() * static_cast<double>(k);
          l.top_mm += grid_.pitch() * static_cast<double>(k);
          row.lines.push_back(std::move(l));
        }
    double h = grid_.pitch() * span;
    double xl = grid_.block_left(), xr = grid_.block_right();
    row.rules.push_back({"table", xl, 0, xr, 0, thin, model::Color::black()});
    row.rules.push_back({"table", xl, h, xr, h, thin, model::Color::black()});
    double cx = xl;
    row.rules.push_back({"table", cx, 0, cx, h, thin, model::Color::black()});
    for (size_t c = 0; c < cols; ++c) {
      cx += width[c];
      row.rules.push_back({"table", cx, 0, cx, h, thin, model::Color::black()});
    }
    rows.push_back(std::move(row));
  }
}

void NoticeLayout::body_rows(const std::vector<model::Block>& blocks, std::vector<FlowRow>& rows) {
  const double left = grid_.block_left(), right = grid_.block_right();
  for (const auto& b : blocks) {
    if (b.kind == BlockKind::Table) {
      table_rows(b.table, rows);
      continue;
    }
    // 7.3.3: each paragraph indented 2 characters; headings in their fonts; a run-in heading's text
    // continues in the body font.
    std::string head_role;
    switch (b.kind) {
      case BlockKind::Heading1: head_role = "heading-1"; break;
      case BlockKind::Heading2: head_role = "heading-2"; break;
      case BlockKind::Heading3: head_role = "heading-3"; break;
      case BlockKind::Heading4: head_role = "heading-4"; break;
      default: break;
    }
    std::vector<Run> runs;
    if (!b.lead.empty()) runs.push_back({b.lead, head_role.empty() ? "body" : head_role, b.loc});
    if (!b.text.empty()) runs.push_back({b.text, "body", b.loc});
    auto pr = paragraph(runs, "body", left + 2 * ch("body"), left, right);
    for (auto& r : pr) rows.push_back(std::move(r));
  }
}

void NoticeLayout::closing_rows(std::vector<FlowRow>& rows) {
  const double left = grid_.block_left(), right = grid_.block_right();
  const double c = ch("body");
  // 7.3.4: one blank line below the body, "附件：" indented 2 characters, names aligned.
  if (!n_.attachment_names.empty()) {
    rows.push_back(blank_row());
    const bool several = n_.attachment_names.size() > 1;
    double label_w = TextSetter::width(set_.shape("附件：", "attachment-list", {n_.source_file}));
    for (size_t i = 0; i < n_.attachment_names.size(); ++i) {
      const auto& name = n_.attachment_names[i];
      std::string num = several ? std::to_string(i + 1) + "." : "";
      double item_x = left + 2 * c + label_w;
      double num_w = num.empty() ? 0 : TextSetter::width(set_.shape(num, "attachment-list", name.loc));
      std::vector<Run> runs;
      if (i == 0) runs.push_back({"附件：", "attachment-list", name.loc});
      runs.push_back({num + name.text, "attachment-list", name.loc});
      auto pr = paragraph(runs, "attachment-list", i == 0 ? left + 2 * c : item_x, item_x + num_w, right);
      for (auto& r : pr) rows.push_back(std::move(r));
    }
  }
  // 10.3: 出席／请假／列席 after the body, label in 黑体, names aligned after the colon.
  bool first_minutes = true;
  for (auto [label, field] : {std::pair<const char*, const model::Field*>{"出席：", &n_.present},
                              {"请假：", &n_.absent}, {"列席：", &n_.attending}}) {
    if (field->empty()) continue;
    if (first_minutes) rows.push_back(blank_row());
    first_minutes = false;
    double lw = TextSetter::width(set_.shape(label, "minutes-label", field->loc));
    auto pr = paragraph({{label, "minutes-label", field->loc}, {field->text, "body", field->loc}}, "body",
                        left + 2 * c, left + 2 * c + lw, right);
    for (auto& r : pr) rows.push_back(std::move(r));
  }

  if (!rows.empty()) rows.back().keep_with_next = true;  // 7.3.5.5: never signature and date alone
  std::vector<FlowRow> sig;
  if (n_.seal == model::SealKind::SignatureSeal) {
    // 7.3.5.3: two blank lines; signature seal right-indented 4 characters, the title 2 characters
    // to its left; the date one blank line below, right-indented 4 characters.
    sig.push_back(blank_row());
    sig.push_back(blank_row());
    FlowRow r;
    double name_w = n_.signer_name.empty() ? 4 * c : TextSetter::width(set_.shape(n_.signer_name.text, "signature", n_.signer_name.loc));
    double name_x = right - 4 * c - name_w;
    if (!n_.signer_name.empty())
      r.lines.push_back(single_line(n_.signer_name.text, "signature", n_.signer_name.loc, name_x, row_baseline("signature")));
    if (!n_.signer_title.empty()) {
      double tw = TextSetter::width(set_.shape(n_.signer_title.text, "signature", n_.signer_title.loc));
      r.lines.push_back(single_line(n_.signer_title.text, "signature", n_.signer_title.loc, name_x - 2 * c - tw,
                                    row_baseline("signature")));
    }
    sig.push_back(std::move(r));
    sig.push_back(blank_row());
    FlowRow d;
    double dw = TextSetter::width(set_.shape(n_.date.text, "date", n_.date.loc));
    d.lines.push_back(single_line(n_.date.text, "date", n_.date.loc, right - 4 * c - dw, row_baseline("date")));
    sig.push_back(std::move(d));
  } else {
    auto dg = set_.shape(n_.date.text, "date", n_.date.loc);
    double dw = TextSetter::width(dg);
    std::vector<std::vector<SetGlyph>> names;
    double sw = 0;
    for (const auto& s : n_.signature_names) {
      names.push_back(set_.shape(s.text, "signature", s.loc));
      sw = std::max(sw, TextSetter::width(names.back()));
    }
    double date_x, sig_x;
    if (n_.seal == model::SealKind::Seal) {
      // 7.3.5.1: date right-indented 4 characters, signature centred over the date.
      for (int i = 0; i < kSealBlankLines; ++i) sig.push_back(blank_row());
      date_x = right - 4 * c - dw;
      sig_x = date_x + dw / 2;  // centre; per-line below
    } else {
      // 7.3.5.2: one blank line; signature right-indented 2 characters, date starting 2 characters
      // right of it — unless the date is longer, then the date is right-indented 2 characters and
      // the signature moves left to keep the 2-character offset.
      sig.push_back(blank_row());
      if (dw > sw) {
        date_x = right - 2 * c - dw;
        sig_x = date_x - 2 * c;
      } else {
        sig_x = right - 2 * c - sw;
        date_x = sig_x + 2 * c;
      }
    }
    for (size_t i = 0; i < names.size(); ++i) {
      FlowRow r;
      double w = TextSetter::width(names[i]);
      double x = n_.seal == model::SealKind::Seal ? sig_x - w / 2 : sig_x;
      r.lines.push_back(set_.line(names[i], 0, names[i].size(), "signature", x, row_baseline("signature")));
      sig.push_back(std::move(r));
    }
    FlowRow d;
    d.lines.push_back(set_.line(dg, 0, dg.size(), "date", date_x, row_baseline("date")));
    sig.push_back(std::move(d));
  }
  // 7.3.6: 附注 in parentheses, indented 2 characters, on the line after the date.
  if (!n_.note.empty()) {
    auto pr = paragraph({{"（" + n_.note.text + "）", "note", n_.note.loc}}, "note", left + 2 * c, left, right);
    for (auto& r : pr) sig.push_back(std::move(r));
  }
  for (size_t i = 0; i + 1 < sig.size(); ++i) sig[i].keep_with_next = true;
  for (auto& r : sig) rows.push_back(std::move(r));
}

void NoticeLayout::attachment_rows(std::vector<FlowRow>& rows) {
  // 7.3.7: each attachment on a new page: "附件N" flush left on line 1 (黑体), the title centred on
  // line 3, numbering and titles as in the 附件说明.
  const bool several = n_.attachments.size() > 1;
  for (size_t i = 0; i < n_.attachments.size(); ++i) {
    const auto& a = n_.attachments[i];
    FlowRow label;
    label.break_before = true;
    std::string text = several ? "附件" + std::to_string(i + 1) : "附件";
    label.lines.push_back(single_line(text, "attachment-label", a.loc, grid_.block_left(), row_baseline("attachment-label")));
    rows.push_back(std::move(label));
    FlowRow gap = blank_row();
    gap.blank = false;  // part of the fixed head of the attachment page: keep it
    rows.push_back(std::move(gap));
    for (auto& r : centered_title(a.title, "attachment-title")) rows.push_back(std::move(r));
    rows.push_back(blank_row());
    body_rows(a.blocks, rows);
  }
}

std::vector<FlowRow> NoticeLayout::colophon_rows(bool recipients_moved) {
  // 7.4.2 / 7.4.3: 四号, indented 1 character on each side; wrapped lines aligned after the colon.
  std::vector<FlowRow> rows;
  const double c = ch("cc");
  const double left = grid_.block_left() + c, right = grid_.block_right() - c;
  auto labelled = [&](const char* label, const model::Field& f) {
    double lw = TextSetter::width(set_.shape(label, "cc", f.loc));
    auto pr = paragraph({{label, "cc", f.loc}, {f.text, "cc", f.loc}}, "cc", left, left + lw, right);
    for (auto& r : pr) rows.push_back(std::move(r));
  };
  if (recipients_moved) {
    std::string t = n_.recipients.text;
    // The recipients end with "：" in the body; in the 版记 they end like 抄送, with "。".
    if (t.size() >= 3 && (t.substr(t.size() - 3) == "：")) t = t.substr(0, t.size() - 3) + "。";
    labelled("主送：", model::Field{t, n_.recipients.loc});
  }
  size_t before_cc = rows.size();
  if (!n_.cc.empty()) labelled("抄送：", n_.cc);
  size_t before_printer = rows.size();
  if (n_.format != Format::Letter && !n_.printer.empty()) {
    FlowRow r;
    r.lines.push_back(single_line(n_.printer.text, "printer", n_.printer.loc, left, row_baseline("printer")));
    if (!n_.print_date.empty()) {
      std::string d = n_.print_date.text + "印发";
      auto g = set_.shape(d, "printer", n_.print_date.loc);
      r.lines.push_back(set_.line(g, 0, g.size(), "printer", right - TextSetter::width(g), row_baseline("printer")));
    }
    rows.push_back(std::move(r));
  }
  if (rows.empty() || n_.format == Format::Letter) return rows;
  // 7.4.1: thick first and last lines, thin lines between the elements (none between 主送 and 抄送).
  const double l = grid_.block_left(), rr = grid_.block_right();
  const double thick = style_.colophon_thick_mm, thin = style_.colophon_thin_mm;
  rows.front().rules.push_back({"colophon-thick", l, 0, rr, 0, thick, model::Color::black()});
  const double h = grid_.pitch();
  if (before_printer > 0 && before_printer < rows.size())
    rows[before_printer].rules.push_back({"colophon-thin", l, 0, rr, 0, thin, model::Color::black()});
  (void)before_cc;
  rows.back().rules.push_back({"colophon-thick", l, h, rr, h, thick, model::Color::black()});
  return rows;
}

void NoticeLayout::place_colophon(Paginated& p, std::vector<FlowRow> rows) {
  if (rows.empty()) return;
  const int k = static_cast<int>(rows.size());
  const int lines = grid_.lines();
  auto add_page = [&](bool blank) {
    Page pg;
    pg.width_mm = grid_.page_width();
    pg.height_mm = grid_.page_height();
    pg.blank = blank;
    p.pages.push_back(std::move(pg));
  };
  int page = static_cast<int>(p.pages.size()) - 1;
  if (p.last_row > lines - k) {
    add_page(false);
    page++;
    if (style_.duplex && (page + 1) % 2 == 1) {
      // 7.5: the 版记 belongs on the back of the last sheet; an unnumbered blank page goes before it.
      p.pages.back().blank = true;
      add_page(false);
      page++;
      colophon_after_blank_ = true;
    }
  } else if (style_.duplex && (page + 1) % 2 == 1) {
    add_page(false);
    page++;
  }
  for (int i = 0; i < k; ++i) place_row(rows[static_cast<size_t>(i)], grid_.row_top(lines - k + i), p.pages[static_cast<size_t>(page)]);
  colophon_page_ = page;
}

void NoticeLayout::number_pages(std::vector<Page>& pages) {
  // 7.5: "— N —" 四号, 7 mm below the text block; odd pages right (1 character in), even pages left.
  const std::string role = "page-number";
  const double c = ch(role) * style_.page_number_indent_chars;
  for (size_t i = 0; i < pages.size(); ++i) {
    Page& pg = pages[i];
    int num = static_cast<int>(i) + 1;
    bool show = true;
    if (pg.blank) show = false;
    if (colophon_after_blank_ && static_cast<int>(i) == colophon_page_) show = false;
    if (i == 0 && n_.format == Format::Letter) show = false;  // 10.1
    if (!show) continue;
    pg.number = num;
    const std::string text = style_.page_number_text(num);
    auto g = set_.shape(text, role, {style_.source_file});
    double w = TextSetter::width(g);
    double x = num % 2 == 1 ? grid_.block_right() - c - w : grid_.block_left() + c;
    double top = grid_.block_bottom() + style_.page_number_gap_mm;
    pg.lines.push_back(set_.line(g, 0, g.size(), role, x, grid_.baseline_for_top(top, size(role))));
  }
}

Document NoticeLayout::run() {
  Page first;
  first.width_mm = grid_.page_width();
  first.height_mm = grid_.page_height();
  int first_row = 0;
  head(first, first_row);

  std::vector<FlowRow> rows;
  if (!n_.title.empty()) {
    for (auto& r : centered_title(n_.title, "title")) rows.push_back(std::move(r));
  }
  // 7.3.2: recipients one blank line below the title; moved to the 版记 when page 1 would show no
  // body text.
  std::vector<FlowRow> recipient_rows;
  if (!n_.recipients.empty())
    recipient_rows = paragraph({{n_.recipients.text, "recipients", n_.recipients.loc}}, "recipients",
                               grid_.block_left(), grid_.block_left(), grid_.block_right());
  bool recipients_moved = false;
  int used = first_row + static_cast<int>(rows.size()) + (rows.empty() ? 0 : 1) + static_cast<int>(recipient_rows.size());
  if (!recipient_rows.empty() && used >= grid_.lines()) recipients_moved = true;
  if (!recipient_rows.empty() && !recipients_moved) {
    if (!rows.empty()) rows.push_back(blank_row());
    for (auto& r : recipient_rows) rows.push_back(std::move(r));
  } else if (!rows.empty()) {
    rows.push_back(blank_row());
  }
  body_rows(n_.body, rows);
  closing_rows(rows);
  attachment_rows(rows);

  Paginated p = paginate(rows, grid_, std::move(first), first_row);
  place_colophon(p, colophon_rows(recipients_moved));
  number_pages(p.pages);

  Document doc;
  doc.pages = std::move(p.pages);
  doc.title = n_.title.text;
  for (const auto& s : n_.issuers) doc.author += (doc.author.empty() ? "" : "、") + s.text;
  doc.subject = n_.doc_number.text;
  return doc;
}

}  // namespace

Document layout_notice(const model::Notice& notice, const model::Style& style, const fonts::FontSet& fonts,
                       const LayoutOptions& opts) {
  NoticeLayout l(notice, style, fonts, opts);
  return l.run();
}

}  // namespace gw::layout
