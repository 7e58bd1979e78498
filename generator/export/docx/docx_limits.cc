// check_expressible; see docx_limits.h.
#include "export/docx/docx_limits.h"

#include <cmath>
#include <cstdio>

#include "base/diagnostic.h"
#include "base/units.h"
#include "export/docx/docx_parts.h"

namespace gw::docx {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

void check_expressible(const model::Style& s, const DocxOptions& opts) {
  const SourceLoc at{s.source_file.empty() ? std::string("style '") + s.name + "'" : s.source_file};
  for (const auto& [role, e] : s.elements) {
    const std::string el = "<element role=\"" + role + "\"";
    // w:rFonts names one face per run: a font role without a DOCX face would silently fall back.
    if (!opts.fonts.count(e.font_role))
      throw InputError(at, el + " font=\"" + e.font_role + "\">: the font map names no DOCX face for the font role '" +
                               e.font_role + "', so the DOCX cannot ask Word for the font the PDF uses",
                       "add docx-name=\"…\" (the installed face Word should use) to <role name=\"" + e.font_role +
                           "\"> in the font map, or write only the PDF");
    // w:sz is in half points.
    if (std::fabs(e.size_pt * 2 - std::round(e.size_pt * 2)) > 1e-6)
      throw InputError(at, el + " size=\"" + num(e.size_pt) + "\">: DOCX font sizes are whole half points",
                       "use " + num(std::floor(e.size_pt * 2) / 2) + " or " + num(std::ceil(e.size_pt * 2) / 2) +
                           ", or write only the PDF");
  }
  // w:pBdr/w:sz: 2..96 eighths of a point (1/4–12 pt); ECMA-376 has clients clamp anything else.
  auto rule = [&](const char* element, const char* attr, double mm) {
    const double eighths = mm_to_pt(mm) * 8;
    if (eighths < 2 - 1e-6 || eighths > 96 + 1e-6)
      throw InputError(at, std::string("<") + element + " " + attr + "=\"" + num(mm) + "\">: a DOCX rule is 0.09 to 4.2 mm "
                           "(1/4 to 12 pt) wide; " + num(mm) + " mm would be drawn " + (eighths < 2 ? "wider" : "narrower"),
                       "give a width between 0.09 and 4.2 mm, or write only the PDF");
  };
  rule("red-line", "width", s.red_line_width_mm);
  rule("colophon", "thick", s.colophon_thick_mm);
  rule("colophon", "thin", s.colophon_thin_mm);
  // 7.2.7: the red line is the 文号 paragraph's bottom border, w:space points below it (0..31 pt).
  if (mm_to_pt(s.red_line_gap_mm) > 31.5)
    throw InputError(at, "<red-line gap=\"" + num(s.red_line_gap_mm) + "\">: the DOCX red line is a border of the 文号 "
                         "line, at most 31 pt (10.9 mm) below it",
                     "give a gap of at most 10.9 mm, or write only the PDF");
  // 7.5: the footer's distance from the page edge must stay positive (w:pgMar/@w:footer).
  if (page_setup(s).footer < 0)
    throw InputError(at, "<page-number gap=\"" + num(s.page_number_gap_mm) + "\">: the page number would start below the "
                         "page's bottom edge, which a DOCX footer cannot do",
                     "reduce the gap or the text block height");
}

}  // namespace gw::docx
