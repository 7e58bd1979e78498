// One layout decision for both writers: the line breaks of titles (7.3.1) and whether the recipients
// moved to the 版记 (7.3.2) are decided by layout for the PDF; the DOCX takes them from there so
// that `render --format pdf,docx` gives two documents that say the same thing.
#pragma once

#include "export/docx/docx_writer.h"
#include "layout/laid_out.h"

namespace gw::docx {

void take_layout_decisions(DocxOptions& opts, const layout::Document& laid_out);

}  // namespace gw::docx
