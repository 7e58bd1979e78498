// A notice's body for the DOCX writer: the 版头, 主体 and 版记 of GB/T 9704 as styled paragraphs
// positioned with spacing and indents in grid characters, so the document stays editable in Word.
#pragma once

#include "export/docx/docx_builder.h"
#include "model/notice.h"

namespace gw::docx {

void write_notice_body(DocxBuilder& b, const model::Notice& n);

// Right indents (in characters) of the signature and the date without a seal, GB/T 9704 7.3.5.2.
struct SignaturePlacement {
  double signature_right_chars = 2, date_right_chars = 2;
};
SignaturePlacement place_signature_7352(double signature_chars, double date_chars);

}  // namespace gw::docx
