// The page grid (GB/T 9704 5.2): a value built once from the style's clause values — 37 mm top,
// 28 mm binding margin, a 156 × 225 mm text block holding 22 lines of 28 characters — from which
// every position in layout is derived. Validated once, passed everywhere (after SILE's grid).
#pragma once

#include "model/style.h"

namespace gw::layout {

// Where the baseline sits in a character's em box: CJK fonts draw ideographs in an em box whose
// bottom is 0.12 em below the baseline (the ideographic baseline convention of OpenType 'ideo').
inline constexpr double kEmBaseline = 0.88;

class PageGrid {
 public:
  // Throws InputError (at the style file) when the geometry is impossible.
  explicit PageGrid(const model::Style& style);

  double page_width() const { return page_w_; }
  double page_height() const { return page_h_; }
  double block_left() const { return left_; }
  double block_top() const { return top_; }
  double block_width() const { return width_; }
  double block_right() const { return left_ + width_; }
  double block_bottom() const { return top_ + height_; }
  int lines() const { return lines_; }
  double pitch() const { return pitch_; }           // line pitch, mm (5.2.3: 225 / 22)
  double char_pitch() const { return char_pitch_; } // body character pitch, mm (5.2.3: 156 / 28)
  // Body characters are set on the character grid: an ideograph of size s advances s * ratio.
  double grid_ratio() const { return ratio_; }

  double row_top(int row) const { return top_ + row * pitch_; }
  // Baseline of text of size_pt centred in a grid row.
  double baseline_in_row(int row, double size_pt) const;
  double baseline_for_top(double em_top_mm, double size_pt) const;
  // First grid row whose top is at or below y (mm from the page top).
  int first_row_at_or_below(double y_mm) const;
  // One 字 of an element of size_pt, as set on the grid.
  double char_width(double size_pt) const;

 private:
  double page_w_, page_h_, left_, top_, width_, height_, pitch_, char_pitch_, ratio_;
  int lines_;
};

}  // namespace gw::layout
