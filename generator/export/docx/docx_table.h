// Tables for the DOCX writer: a small table model richer than model::Table (merged cells, fixed
// column widths, header rows, fillable cells) and its writer. Attachment tables of notices convert
// from model::Table; the application forms (forms.md) build DocxTable directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "export/docx/docx_body.h"
#include "model/notice.h"

namespace gw::docx {

enum class VMerge { None, Restart, Continue };

// A further paragraph of a cell (forms: the 推荐意见 box's seal and date lines, set flush right).
struct DocxCellPara {
  std::string text;
  std::string jc = "left";
  std::optional<FillableField> field;
  int space_before_twips = 0;
};

struct DocxCell {
  std::string text;                    // '\n' = line break inside the cell
  std::optional<FillableField> field;  // when set, the cell holds a content control after `text`
  int grid_span = 1;                   // columns this cell covers (w:gridSpan)
  VMerge vmerge = VMerge::None;        // vertical merge with the cells above/below (w:vMerge)
  std::string jc = "center";           // paragraph alignment in the cell
  std::string v_align = "center";      // top, center, bottom
  std::optional<bool> bold;
  std::optional<RunProps> run;         // this cell's font instead of the table's (form labels in 黑体)
  std::vector<DocxCellPara> more;      // paragraphs after the first
  bool bottom_rule_only = false;       // only a bottom border (a cover's underlined field)
};

struct DocxRow {
  std::vector<DocxCell> cells;
  bool header = false;      // repeated at the top of each page (w:tblHeader); must be the first rows
  double min_height_mm = 0; // 0 = as tall as the text
  bool cant_split = true;   // keep a row on one page
};

struct DocxTable {
  std::vector<double> column_widths_mm;  // the grid; all 0 = equal columns over the text block
  bool relative_widths = false;          // column_widths_mm are weights, scaled to the text block
  std::vector<DocxRow> rows;
  double border_mm = 0.5;                // outer and inner rules; 0 = none
  std::string cell_style;                // paragraph style id of the cell text
  SourceLoc loc;                         // where the table came from, for errors
};

// model::Table -> DocxTable: equal columns, the header row repeated, a short row's last cell spans
// the remaining columns.
DocxTable from_model(const model::Table& t, const SourceLoc& loc);

// Checks spans and merges (each row covers the whole grid; a continued merge has a cell above it
// in the same columns) and throws InputError naming the row and cell otherwise.
void validate(const DocxTable& t);

// Writes w:tbl. `block_width_mm` is the text block width used when column_widths_mm is empty.
void write_table(BodyWriter& body, const DocxTable& t, double block_width_mm, const RunProps& cell_run);

}  // namespace gw::docx
