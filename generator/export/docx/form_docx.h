// A filled-in form (model/form_document.h: the 申报书 附件3/附件4) as a .docx that a clerk finishes in
// Word or WPS: every value that came from data is a content control (w:sdt) titled with its field's
// label, filled where the data gave a value and showing a placeholder where they did not, so a
// half-filled form can be completed by hand. Same page, grid, styles and footers as the notices.
#pragma once

#include <string>

#include "export/docx/docx_writer.h"
#include "model/form_document.h"
#include "model/style.h"

namespace gw::docx {

std::string write_form_docx(const model::FormDocument& form, const model::Style& style, const DocxOptions& opts = {});

}  // namespace gw::docx
