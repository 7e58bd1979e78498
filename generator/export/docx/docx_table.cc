// DocxTable conversion, validation and w:tbl writing; see docx_table.h.
#include "export/docx/docx_table.h"

#include <algorithm>
#include <numeric>

namespace gw::docx {

DocxTable from_model(const model::Table& t, const SourceLoc& loc) {
  DocxTable out;
  out.loc = loc;
  size_t cols = 0;
  for (const auto& r : t.rows) cols = std::max(cols, r.size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    DocxRow row;
    row.header = t.has_header && i == 0;
    const auto& src = t.rows[i];
    for (size_t c = 0; c < src.size(); ++c) {
      DocxCell cell;
      cell.text = src[c].text;
      if (c + 1 == src.size()) cell.grid_span = static_cast<int>(cols - c);
      if (row.header) cell.bold = true;
      row.cells.push_back(std::move(cell));
    }
    if (src.empty() && cols > 0) {
      DocxCell cell;
      cell.grid_span = static_cast<int>(cols);
      row.cells.push_back(cell);
    }
    out.rows.push_back(std::move(row));
  }
  // Column weights from the widest text of each column (at least 2 characters, at most 12, so a
  // long cell wraps instead of squeezing its neighbours); write_table scales them to the block.
  out.column_widths_mm.assign(cols, 2.0);
  for (const auto& r : t.rows)
    for (size_t c = 0; c < r.size(); ++c)
      out.column_widths_mm[c] = std::clamp(text_width_chars(r[c].text) + 1.0, out.column_widths_mm[c], 12.0);
  out.relative_widths = true;
  return out;
}

void validate(const DocxTable& t) {
  const size_t cols = t.column_widths_mm.size();
  if (cols == 0) throw InputError(t.loc, "table has no columns", "give the table at least one cell");
  // For each grid column: does the row above have a cell (merged or not) starting there with this span?
  std::vector<int> above_span(cols, 0);
  bool header_done = false;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    if (row.header && header_done)
      throw InputError(t.loc, "table row " + std::to_string(r + 1) + " is a header row after a body row",
                       "repeated header rows must be the first rows of the table");
    if (!row.header) header_done = true;
    if (row.cells.empty())
      throw InputError(t.loc, "table row " + std::to_string(r + 1) + " has no cells");
    std::vector<int> span_here(cols, 0);
    size_t col = 0;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const auto& cell = row.cells[c];
      const std::string where = "table row " + std::to_string(r + 1) + " cell " + std::to_string(c + 1);
      if (cell.grid_span < 1 || col + static_cast<size_t>(cell.grid_span) > cols)
        throw InputError(t.loc, where + " spans past the last of the " + std::to_string(cols) + " columns",
                         "make the spans of each row add up to the number of columns");
      if (cell.vmerge == VMerge::Continue && above_span[col] != cell.grid_span)
        throw InputError(t.loc, where + " continues a vertical merge but the row above has no cell of the same "
                                        "columns",
                         "start the merge with a cell of the same span in the row above");
      span_here[col] = cell.grid_span;
      col += static_cast<size_t>(cell.grid_span);
    }
    if (col != cols)
      throw InputError(t.loc, "table row " + std::to_string(r + 1) + " covers " + std::to_string(col) + " of " +
                                  std::to_string(cols) + " columns",
                       "make the spans of each row add up to the number of columns");
    above_span = span_here;
  }
}

void write_table(BodyWriter& body, const DocxTable& in, double block_width_mm, const RunProps& cell_run) {
  DocxTable t = in;
  const size_t cols = t.column_widths_mm.size();
  const double sum = std::accumulate(t.column_widths_mm.begin(), t.column_widths_mm.end(), 0.0);
  if (cols > 0 && sum <= 0) t.column_widths_mm.assign(cols, block_width_mm / static_cast<double>(cols));
  if (cols > 0 && sum > 0 && t.relative_widths)
    for (double& wmm : t.column_widths_mm) wmm = wmm / sum * block_width_mm;
  validate(t);

  std::vector<int> grid;
  int total = 0;
  for (double mm : t.column_widths_mm) {
    grid.push_back(mm_to_twips(mm));
    total += grid.back();
  }

  XmlWriter& w = body.xml();
  w.start("w:tbl");
  w.start("w:tblPr");  // CT_TblPrBase order: tblStyle, tblpPr, …, tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook
  w.start("w:tblW");
  w.attr("w:w", total);
  w.attr("w:type", "dxa");
  w.end();
  w.val("w:jc", "center");
  Border rule;
  rule.size_eighth_pt = mm_to_eighth_points(t.border_mm);
  if (t.border_mm <= 0) rule = Border{"nil", 0, 0, "auto"};
  w.start("w:tblBorders");  // CT_TblBorders: top, left, bottom, right, insideH, insideV
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    write_border(w, side, rule);
  w.end();
  w.val("w:tblLayout", "fixed", "w:type");  // fixed widths: Word must not re-balance a form's columns
  w.start("w:tblCellMar");
  for (const char* side : {"w:left", "w:right"}) {
    w.start(side);
    w.attr("w:w", mm_to_twips(1.9));
    w.attr("w:type", "dxa");
    w.end();
  }
  w.end();
  w.end();  // tblPr

  w.start("w:tblGrid");
  for (int g : grid) w.val("w:gridCol", g, "w:w");
  w.end();

  for (const auto& row : t.rows) {
    w.start("w:tr");
    if (row.cant_split || row.min_height_mm > 0 || row.header) {
      w.start("w:trPr");
      if (row.cant_split) w.empty("w:cantSplit");
      if (row.min_height_mm > 0) {
        w.start("w:trHeight");
        w.attr("w:val", mm_to_twips(row.min_height_mm));
        w.attr("w:hRule", "atLeast");
        w.end();
      }
      if (row.header) w.empty("w:tblHeader");
      w.end();
    }
    size_t col = 0;
    for (const auto& cell : row.cells) {
      int width = 0;
      for (int k = 0; k < cell.grid_span; ++k) width += grid[col + static_cast<size_t>(k)];
      col += static_cast<size_t>(cell.grid_span);
      w.start("w:tc");
      w.start("w:tcPr");  // CT_TcPrBase order: cnfStyle, tcW, gridSpan, hMerge, vMerge, tcBorders, shd, noWrap, tcMar, textDirection, tcFitText, vAlign
      w.start("w:tcW");
      w.attr("w:w", width);
      w.attr("w:type", "dxa");
      w.end();
      if (cell.grid_span > 1) w.val("w:gridSpan", cell.grid_span);
      if (cell.vmerge == VMerge::Restart) w.val("w:vMerge", "restart");
      if (cell.vmerge == VMerge::Continue) w.empty("w:vMerge");
      if (cell.bottom_rule_only) {
        Border none{"nil", 0, 0, "auto"}, line;
        line.size_eighth_pt = mm_to_eighth_points(0.25);
        w.start("w:tcBorders");  // CT_TcBorders: top, start/left, bottom, end/right, insideH, insideV, …
        write_border(w, "w:top", none);
        write_border(w, "w:left", none);
        write_border(w, "w:bottom", line);
        write_border(w, "w:right", none);
        w.end();
      }
      w.val("w:vAlign", cell.v_align);
      w.end();
      ParaProps p;
      p.style = t.cell_style;
      p.jc = cell.jc;
      RunProps r = cell.run ? *cell.run : cell_run;
      if (cell.bold) r.bold = cell.bold;
      body.begin_paragraph(p);  // every w:tc needs at least one w:p, even a merged one
      if (cell.vmerge != VMerge::Continue) {
        if (!cell.text.empty()) body.run(cell.text, r);
        if (cell.field) body.field(*cell.field);
      }
      body.end_paragraph();
      if (cell.vmerge != VMerge::Continue) {
        for (const auto& more : cell.more) {
          ParaProps mp = p;
          mp.jc = more.jc;
          if (more.space_before_twips > 0) mp.space_before_twips = more.space_before_twips;
          body.begin_paragraph(mp);
          if (!more.text.empty()) body.run(more.text, r);
          if (more.field) body.field(*more.field);
          body.end_paragraph();
        }
      }
      w.end();  // tc
    }
    w.end();  // tr
  }
  w.end();  // tbl
}

}  // namespace gw::docx
