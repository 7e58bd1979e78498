// The 附件5 推荐汇总表 (layout/summary_layout.h's SummaryForm) as a .docx on A4 landscape pages:
// the head ("附件5", the centred title, the 推荐单位/填报日期 line), then each captioned table with its
// header row repeated on every page (w:tblHeader), 序号 centred, rows never split, and clause 8's
// page numbers in the landscape page's left margin. With the layout's decisions (the column widths
// of the PDF) the cells wrap at the same widths as in the PDF.
#pragma once

#include <string>

#include "export/docx/docx_writer.h"
#include "layout/summary_layout.h"
#include "model/style.h"

namespace gw::docx {

// `portrait` is the house style; the landscape page is layout::landscape_style(portrait), as for the
// PDF. Without decisions (or for a table they do not cover) the columns share the block by the
// length of their longest cell.
std::string write_summary_docx(const layout::SummaryForm& form, const model::Style& portrait, const DocxOptions& opts = {},
                               const layout::SummaryDecisions* decisions = nullptr);

}  // namespace gw::docx
