// Line breaking for Chinese official text: ICU's line-break opportunities (UAX #14) tightened by
// the 禁则 of GB/T 9704 clause 9 (GB/T 15834): no line starts with closing punctuation, none ends
// with opening punctuation, —— and …… never split, digit runs and Latin words never split.
// When the next character may not start a line, the line is resolved by squeezing the blank half
// of its full-width punctuation if that suffices, otherwise by pushing the last character(s) down
// (the caller justifies the pushed line). An opening mark that would end a line is always pushed
// down with the character after it.
#pragma once

#include <string_view>
#include <vector>

namespace gw::text {

bool is_line_start_prohibited(char32_t c);  // ，。、；：？！）》」』”’〕】… and friends
bool is_line_end_prohibited(char32_t c);    // （《「『“‘〔【 and friends
bool is_squeezable(char32_t c);             // full-width punctuation whose glyph fills half its em
bool is_cjk(char32_t c);                    // ideographs, kana, full-width forms, CJK punctuation

// allowed[i] is true when a line may break before s[i] (allowed[0] is always false).
std::vector<bool> break_opportunities(std::u32string_view s);

// Positions (code-point indices, strictly inside the string) where ICU's Chinese word segmentation
// puts a word boundary; used to break titles only between words (GB/T 9704 7.3.1).
std::vector<size_t> word_boundaries(std::u32string_view s);

struct BrokenLine {
  size_t begin = 0, end = 0;    // [begin, end) in code points
  double natural_mm = 0;        // sum of advances
  double squeeze_mm = 0;        // to take out of squeezable punctuation (禁则 by squeezing)
  bool last = false;            // last line of the paragraph: not justified
};

// Greedy breaking: advances[i] is the natural advance of s[i] in mm; the first line is
// first_width_mm wide (for the 2-character paragraph indent), the others width_mm.
std::vector<BrokenLine> break_lines(std::u32string_view s, const std::vector<double>& advances,
                                    double first_width_mm, double width_mm);

// GB/T 9704 7.3.1: break a title into the fewest lines of at most width_mm, only at word
// boundaries, with balanced lengths shaped as a trapezoid (monotonic) or a diamond (longest in the
// middle), never one character alone on a line. Returns the start index of each line after the first.
std::vector<size_t> balance_title(std::u32string_view s, const std::vector<double>& advances, double width_mm);

}  // namespace gw::text
