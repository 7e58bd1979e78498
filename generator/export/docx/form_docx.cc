// write_form_docx; see form_docx.h. The form's parts map onto the notice's paragraph styles (附件
// label, 标题, 一级标题, 正文, 署名) and DocxTable; what Word cannot do as the PDF does is said here:
// a header row in the middle of a table (近三年经营情况) repeats only at the top of a table in Word,
// so the table is cut in two there, the second starting with that header row.
#include "export/docx/form_docx.h"

#include <algorithm>

#include "base/units.h"
#include "export/docx/docx_builder.h"
#include "export/docx/docx_parts.h"
#include "export/docx/docx_table.h"

namespace gw::docx {
namespace {

using model::Align;
using model::FormPart;
using model::FormPartKind;
using model::FormText;

constexpr double kTableLeading = 1.5;  // as layout/form_layout.cc: table lines 1.5 × their size
constexpr int kCoverValueChars = 14;   // the cover's underline, in body characters (form_layout.cc)

const char* jc_of(Align a) { return a == Align::Centre ? "center" : a == Align::Right ? "right" : "left"; }

class FormBody {
 public:
  FormBody(DocxBuilder& b, const model::FormDocument& f) : b_(b), w_(b.body()), f_(f), s_(b.style()), o_(b.options()) {}

  void run();

 private:
  RunProps role_run(const char* role) const { return element_run(s_, o_, role); }
  ParaProps styled(const char* id) {
    ParaProps p;
    p.style = id;
    if (break_next_) p.page_break_before = true;
    break_next_ = false;
    return p;
  }
  // A content control for a value from data: titled with the field's label, its value filled in.
  std::optional<FillableField> field_of(const FormText& t, const char* role) const {
    if (!t.fillable()) return std::nullopt;
    FillableField f;
    f.tag = t.field;
    f.title = t.placeholder.empty() ? t.field : t.placeholder;
    f.placeholder = "（" + f.title + "）";
    f.value = t.text;
    f.props = role_run(role);
    f.multiline = t.text.find('\n') != std::string::npos;
    return f;
  }
  void text_or_field(const FormText& t, const char* role) {
    if (auto f = field_of(t, role)) w_.field(*f);
    else if (!t.text.empty()) w_.run(t.text, role_run(role));
  }
  void blank() { w_.paragraph(styled(sid::kBody), ""); }
  void cover(size_t first);
  void paragraph(const FormPart& p);
  void signature(const FormPart& p);
  void table(const model::FormTable& t);
  void write(DocxTable& t);

  DocxBuilder& b_;
  BodyWriter& w_;
  const model::FormDocument& f_;
  const model::Style& s_;
  const DocxOptions& o_;
  bool break_next_ = false;
};

void FormBody::cover(size_t first) {
  // Labels right-aligned in one column, values centred on an underline (a bottom border only), as
  // the PDF cover; a borderless table keeps the two columns when the clerk edits a value.
  DocxTable t;
  t.border_mm = 0;
  t.cell_style = sid::kTable;  // off the grid, no first-line indent: the label ends where the line starts
  double label_chars = 0;
  for (size_t i = first; i < f_.parts.size() && f_.parts[i].kind == FormPartKind::CoverField; ++i)
    label_chars = std::max(label_chars, text_width_chars(f_.parts[i].label.text));
  const double ch = s_.char_pitch_mm();
  t.column_widths_mm = {(label_chars + 2) * ch, kCoverValueChars * ch};
  for (size_t i = first; i < f_.parts.size() && f_.parts[i].kind == FormPartKind::CoverField; ++i) {
    const FormPart& p = f_.parts[i];
    DocxRow row;
    // One body line per field with a blank line between fields, as the PDF cover (text at the bottom).
    row.min_height_mm = (i == first ? 1 : 2) * s_.line_pitch_mm();
    DocxCell label;
    label.text = p.label.text;
    label.jc = "right";
    label.v_align = "bottom";
    label.run = role_run("cover-label");
    DocxCell value;
    value.jc = "center";
    value.v_align = "bottom";
    value.bottom_rule_only = true;
    value.run = role_run("body");
    // Filled values as text: LibreOffice 7.4 sets a content control's text in the cell's paragraph
    // style (表格, 小四) rather than its own run's 三号; an empty value is a control to fill.
    if (p.value.text.empty() && p.value.fillable()) value.field = field_of(p.value, "body");
    else value.text = p.value.text;
    row.cells = {label, value};
    t.rows.push_back(std::move(row));
  }
  write(t);
}

void FormBody::paragraph(const FormPart& p) {
  const bool heading = p.kind == FormPartKind::Heading;
  const char* style = heading ? sid::kHeading1 : sid::kBody;
  const char* role = heading ? "heading-1" : "body";
  if (p.value.text.empty()) {
    if (!p.value.fillable()) return;
    // An empty narrative: a multi-line content control to write in, with its placeholder.
    w_.begin_paragraph(styled(style));
    auto f = field_of(p.value, role);
    f->multiline = true;
    w_.field(*f);
    w_.end_paragraph();
    return;
  }
  // Text (from data or the template): one Word paragraph per line of it, each with the first-line
  // indent of 正文, so that the clerk edits ordinary paragraphs.
  size_t start = 0;
  const std::string& s = p.value.text;
  while (start <= s.size()) {
    size_t nl = std::min(s.find('\n', start), s.size());
    w_.paragraph(styled(style), s.substr(start, nl - start), role_run(role));
    start = nl + 1;
  }
}

void FormBody::signature(const FormPart& p) {
  for (const auto& l : p.lines) {
    ParaProps pp = styled(sid::kSignature);
    pp.keep_next = &l != &p.lines.back();
    pp.right_chars = 200;  // two characters in from the right, as the PDF
    fill_twips_from_chars(pp, b_.page().char_pitch);
    w_.paragraph(pp, l.text, role_run("signature"));
  }
}

void FormBody::write(DocxTable& t) {
  if (break_next_) blank();  // a table cannot carry a page break itself: an empty paragraph does
  write_table(w_, t, s_.block_width_mm, role_run("table"));
}

void FormBody::table(const model::FormTable& ft) {
  const size_t cols = ft.widths.size(), nrows = ft.rows.size();
  // The cells on the grid, as layout places them: covered positions become vMerge continuations.
  std::vector<std::vector<int>> covered_by(nrows, std::vector<int>(cols, -1));  // span of the merge above
  std::vector<DocxRow> rows(nrows);
  const double pitch = kTableLeading * pt_to_mm(s_.element("table").size_pt);
  for (size_t r = 0; r < nrows; ++r) {
    const auto& src = ft.rows[r];
    DocxRow& row = rows[r];
    row.header = src.header;
    // As the PDF: at least one body line (two half-lines of form_layout), more for a box to write in.
    row.min_height_mm = std::max(s_.line_pitch_mm(), src.min_lines * pitch + 2.0);
    size_t c = 0;
    auto continue_merges = [&] {
      while (c < cols && covered_by[r][c] > 0) {
        DocxCell cont;
        cont.grid_span = covered_by[r][c];
        cont.vmerge = VMerge::Continue;
        row.cells.push_back(cont);
        c += static_cast<size_t>(cont.grid_span);
      }
    };
    for (const auto& cell : src.cells) {
      continue_merges();
      DocxCell d;
      d.grid_span = std::max(1, cell.col_span);
      d.run = role_run(cell.label ? "table-header" : "table");
      d.jc = cell.label ? "center" : "left";
      if (!cell.paras.empty()) {
        d.jc = jc_of(cell.paras.front().align);
        if (auto f = field_of(cell.paras.front().text, cell.label ? "table-header" : "table")) d.field = f;
        else d.text = cell.paras.front().text.text;
        for (size_t k = 1; k < cell.paras.size(); ++k)
          d.more.push_back({cell.paras[k].text.text, jc_of(cell.paras[k].align), field_of(cell.paras[k].text, "table"), 0});
      }
      if (!cell.foot.empty()) {
        // The foot sits at the bottom of the PDF's box; here it follows the text after the room the
        // row's min-lines leave (Word has no bottom-aligned part of a cell).
        d.v_align = "top";
        const int room = std::max(0, src.min_lines - static_cast<int>(cell.paras.size() + cell.foot.size()));
        for (size_t k = 0; k < cell.foot.size(); ++k)
          d.more.push_back({cell.foot[k].text.text, jc_of(cell.foot[k].align), std::nullopt,
                            k == 0 ? static_cast<int>(mm_to_twips(room * pitch)) : 0});
      }
      if (cell.row_span > 1) {
        d.vmerge = VMerge::Restart;
        for (size_t rr = r + 1; rr < std::min(nrows, r + static_cast<size_t>(cell.row_span)); ++rr)
          covered_by[rr][c] = d.grid_span;
      }
      c += static_cast<size_t>(d.grid_span);
      row.cells.push_back(std::move(d));
    }
    continue_merges();
  }
  // Word repeats only the leading rows of a table: cut the table before each header row that
  // follows body rows (a merge never crosses the cut: the template's merged rows are not headers).
  DocxTable t;
  t.cell_style = sid::kTable;
  t.relative_widths = true;
  t.column_widths_mm = ft.widths;
  t.border_mm = 0.25;
  t.loc = ft.loc;
  for (size_t r = 0; r < nrows; ++r) {
    const bool body_seen = std::any_of(t.rows.begin(), t.rows.end(), [](const DocxRow& x) { return !x.header; });
    if (rows[r].header && body_seen) {
      write(t);
      t.rows.clear();
      // Two tables with nothing between them are one table to Word: a hairline paragraph parts them.
      ParaProps hair;
      hair.style = sid::kTable;
      hair.line_twips = 20;
      hair.line_rule = "exact";
      w_.paragraph(hair, "");
    }
    t.rows.push_back(std::move(rows[r]));
  }
  write(t);
}

void FormBody::run() {
  const bool has_cover = std::any_of(f_.parts.begin(), f_.parts.end(),
                                     [](const FormPart& p) { return p.kind == FormPartKind::CoverField; });
  w_.paragraph(styled(sid::kAttachmentLabel), f_.label, role_run("attachment-label"));
  for (int i = 0; i < (has_cover ? 3 : 1); ++i) blank();
  w_.paragraph(styled(sid::kTitle), f_.title, role_run("title"));
  for (int i = 0; i < (has_cover ? 3 : 1); ++i) blank();
  bool covered = false;
  for (size_t i = 0; i < f_.parts.size(); ++i) {
    const FormPart& p = f_.parts[i];
    switch (p.kind) {
      case FormPartKind::CoverField:
        if (!covered) cover(i);
        covered = true;
        break;
      case FormPartKind::Title: w_.paragraph(styled(sid::kTitle), p.value.text, role_run("title")); break;
      case FormPartKind::Heading:
      case FormPartKind::Paragraph: paragraph(p); break;
      case FormPartKind::Table: table(p.table); break;
      case FormPartKind::Signature: signature(p); break;
      case FormPartKind::Blank: blank(); break;
      case FormPartKind::PageBreak: break_next_ = true; break;
    }
  }
}

}  // namespace

std::string write_form_docx(const model::FormDocument& form, const model::Style& style, const DocxOptions& opts) {
  DocxBuilder b(style, opts);
  const bool has_cover = std::any_of(form.parts.begin(), form.parts.end(),
                                     [](const FormPart& p) { return p.kind == FormPartKind::CoverField; });
  b.set_first_page_unnumbered(has_cover);  // the cover carries no page number, as in the PDF
  FormBody(b, form).run();
  DocProps p;
  p.title = form.label + " " + form.title;
  p.subject = form.subject;
  p.creator = form.subject;
  p.custom.push_back({"表单", form.name});
  if (!form.subject.empty()) p.custom.push_back({"申报主体", form.subject});
  b.set_properties(std::move(p));
  return b.finish();
}

}  // namespace gw::docx
