// Grouping a line's glyphs into runs that one text-show operator can set. Layout places every
// glyph itself (justification, fallback faces, 禁则 adjustments); writing one positioned show per
// glyph would make every page ~3× bigger than needed. A run is a stretch of glyphs from one face
// whose positions equal the font's own advances plus one constant character spacing (Tc) — what
// PDF's Tj does by itself. No libharu here, so the grouping is unit-tested on its own.
#pragma once

#include <cstddef>
#include <vector>

namespace gw::pdf {

struct GlyphRun {
  size_t begin = 0, end = 0;  // glyph indexes [begin, end)
  int face = -1;              // the font: any id that tells the line's fonts apart
  double x_pt = 0;            // origin of the first glyph
  double char_space_pt = 0;   // Tc, in unscaled text space units (points at size 1 × font size)
};

// faces[i], x_pt[i] (glyph origins, page points), natural_pt[i] (the advance the PDF viewer will
// use: W-array width / 1000 × font size, before horizontal scaling). hscale = 1 for none.
// Positions may deviate from the layout by at most tolerance_pt.
std::vector<GlyphRun> plan_runs(const std::vector<int>& faces, const std::vector<double>& x_pt,
                                const std::vector<double>& natural_pt, double hscale,
                                double tolerance_pt = 0.02);

// The value libharu will print for a real (it writes a limited number of decimals), so that the
// positions we predict are the positions the viewer computes.
double pdf_real(double v);

}  // namespace gw::pdf
