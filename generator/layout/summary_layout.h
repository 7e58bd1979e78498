// Layout of a landscape summary table (附件5 推荐汇总表, forms.md): a head ("附件5", a centred title,
// one or more lines such as "推荐单位（盖章）：…  填报日期：…"), then captioned tables whose cells wrap
// and whose rows grow to fit, broken across pages between rows with the header row repeated.
// Pages are A4 landscape; page numbers follow GB/T 9704 clause 8 (a landscape table page keeps its
// page number where the portrait pages have it: odd pages at the table's lower left, even pages at
// its upper left). The input is a plain table of strings, so layout does not depend on gw_forms.
#pragma once

#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "layout/laid_out.h"
#include "model/style.h"

namespace gw::layout {

struct PlainTable {
  std::string caption;                         // "一、“数字三品”应用场景典型案例"
  std::vector<std::string> header;             // the header row, repeated on continuation pages
  std::vector<std::vector<std::string>> rows;  // cell texts; short rows are padded with empty cells
  std::vector<bool> centred;                   // per column: centre the cells (e.g. 序号); default left
  std::vector<bool> unbroken;                  // per column: never wrap its cells (e.g. 文号); default wrap
};

struct SummaryForm {
  std::string label = "附件5";      // flush left, role "attachment-label"
  std::string title;                // centred, role "title"
  std::vector<std::string> head_lines;  // role "body", flush left, below the title
  std::vector<PlainTable> tables;
  SourceLoc loc;                    // the data file, for messages about characters no font has
};

// The landscape page of a portrait house style, GB/T 9704 clause 8: the portrait text block turned
// a quarter turn counter-clockwise, so that its margins move with it (top = the portrait 订口,
// left = the portrait bottom margin, where the page number lives). The line pitch is chosen for
// table text (role "table", 1.5 × its size), the character pitch kept from the portrait grid.
model::Style landscape_style(const model::Style& portrait);

// Grid rows of landscape_style() that one line of `role` occupies: the table text takes one, the
// 三号 head lines and the 二号 title two (a line needs its size plus 15 % to share a row).
int summary_line_span(const model::Style& landscape, const std::string& role);

// What the layout decided that a DOCX of the same form repeats (export/docx/summary_docx.h): each
// table's column widths, so that Word and LibreOffice wrap the cells at the PDF's widths, and each
// row's height in grid rows (its most lines), so that its rows are as tall as the PDF's.
struct SummaryDecisions {
  std::vector<std::vector<double>> column_widths_mm;  // per table of SummaryForm::tables
  std::vector<std::vector<int>> row_lines;            // per table: the header row, then each row
};

// Lays the form out on landscape pages of `portrait` turned by landscape_style(); fills `decisions`
// when given.
Document layout_summary(const SummaryForm& form, const model::Style& portrait, const fonts::FontSet& fonts,
                        SummaryDecisions* decisions = nullptr);

}  // namespace gw::layout
