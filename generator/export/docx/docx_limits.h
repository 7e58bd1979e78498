// What a house style (or a font map) can ask for that a .docx cannot say, checked before anything
// is written (issue 3: "a template asking for something DOCX cannot express is a clear error,
// never a silently different document"). The PDF sets any size, rule width and distance the style
// gives; OOXML measures font sizes in half points, border widths in eighth points from 1/4 to 12 pt,
// a border's distance from its text in whole points up to 31, and names one face per font role.
#pragma once

#include "export/docx/docx_writer.h"
#include "model/style.h"

namespace gw::docx {

// Throws InputError naming the style element and attribute (and the font role) that DOCX cannot
// express, with what to change. Called by every DOCX writer and by the CLI before writing any file.
void check_expressible(const model::Style& style, const DocxOptions& opts);

}  // namespace gw::docx
