// See text_runs.h. The prediction mirrors PDF 1.7 §9.4.4: after each glyph the text position
// advances by (w0 / 1000 × Tfs + Tc) × Th; we accumulate the predicted (not the laid-out) position
// so rounding cannot drift unnoticed along a long line.
#include "export/pdf/text_runs.h"

#include <cmath>

namespace gw::pdf {
namespace {
// libharu's limits for Tc (hpdf_consts.h HPDF_MIN_CHARSPACE / HPDF_MAX_CHARSPACE).
constexpr double kMinCharSpace = -30, kMaxCharSpace = 300;
}  // namespace

double pdf_real(double v) { return std::round(v * 10000.0) / 10000.0; }

std::vector<GlyphRun> plan_runs(const std::vector<int>& faces, const std::vector<double>& x_pt,
                                const std::vector<double>& natural_pt, double hscale, double tolerance_pt) {
  std::vector<GlyphRun> runs;
  const size_t n = faces.size();
  size_t i = 0;
  while (i < n) {
    GlyphRun run;
    run.begin = i;
    run.end = i + 1;
    run.face = faces[i];
    run.x_pt = x_pt[i];
    if (i + 1 < n && faces[i + 1] == faces[i]) {
      double c = pdf_real((x_pt[i + 1] - x_pt[i]) / hscale - natural_pt[i]);
      if (c >= kMinCharSpace && c <= kMaxCharSpace) {
        double pos = x_pt[i];
        size_t j = i + 1;
        while (j < n && faces[j] == faces[i]) {
          double predicted = pos + (natural_pt[j - 1] + c) * hscale;
          if (std::fabs(predicted - x_pt[j]) > tolerance_pt) break;
          pos = predicted;
          ++j;
        }
        run.end = j;
        if (j > i + 1) run.char_space_pt = c;
      }
    }
    runs.push_back(run);
    i = run.end;
  }
  return runs;
}

}  // namespace gw::pdf
