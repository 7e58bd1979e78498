#include "layout/page_grid.h"

#include <cmath>

#include "base/units.h"

namespace gw::layout {

PageGrid::PageGrid(const model::Style& s)
    : page_w_(s.page_width_mm),
      page_h_(s.page_height_mm),
      left_(s.left_margin_mm),
      top_(s.top_margin_mm),
      width_(s.block_width_mm),
      height_(s.block_height_mm),
      pitch_(s.line_pitch_mm()),
      char_pitch_(s.char_pitch_mm()),
      ratio_(1.0),
      lines_(s.lines_per_page) {
  SourceLoc at{s.source_file};
  if (s.lines_per_page <= 0 || s.chars_per_line <= 0)
    throw InputError(at, "the style has zero lines per page or characters per line", "GB/T 9704 5.2.3 uses 22 lines of 28 characters");
  if (left_ + width_ > page_w_ + 1e-9 || top_ + height_ > page_h_ + 1e-9)
    throw InputError(at, "the style's text block does not fit on the page",
                     "margins + text block must not exceed the paper size (GB/T 9704 5.2.1: 37 + 225 ≤ 297, 28 + 156 ≤ 210)");
  if (pitch_ * lines_ > height_ + 0.5)
    throw InputError(at, "the style's line pitch times lines per page exceeds the text block height");
  const auto& body = s.element("body");
  ratio_ = char_pitch_ / pt_to_mm(body.size_pt);
}

double PageGrid::baseline_for_top(double em_top, double size_pt) const { return em_top + kEmBaseline * pt_to_mm(size_pt); }

double PageGrid::baseline_in_row(int row, double size_pt) const {
  double size = pt_to_mm(size_pt);
  return baseline_for_top(row_top(row) + (pitch_ - size) / 2, size_pt);
}

int PageGrid::first_row_at_or_below(double y) const {
  return static_cast<int>(std::ceil((y - top_) / pitch_ - 1e-6));
}

double PageGrid::char_width(double size_pt) const { return pt_to_mm(size_pt) * ratio_; }

}  // namespace gw::layout
