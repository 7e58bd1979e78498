// Heading ordinals of GB/T 9704 7.3.3: "一、" (level 1), "（一）" (level 2), "1." (level 3) and
// "（1）" (level 4). Readers use recognise_heading() to give a paragraph its heading level and to split a
// run-in heading ("（一）前期筹备。2021年…") into the part set in the heading's font and the body text;
// generators use chinese_ordinal() to number headings 一、二、… 十一、.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gw::text {

struct Heading {
  int level = 0;       // 1..4; 0 = the paragraph does not start with a heading ordinal
  int number = 0;      // the ordinal's value: 3 for "三、", "（三）", "3.", "（3）"
  std::string ordinal; // the ordinal as written, e.g. "（一）" or "1．"
  std::string lead;    // set in the heading font: the ordinal plus the heading's own words
  std::string text;    // run-in body text after the heading (may be empty)
};

// Recognises a heading ordinal at the start of `paragraph` (after trimming). Returns level 0 (and empty
// strings) when the paragraph does not start with one (also for "1.5亿元" or "2022年": a digit ordinal must be followed by
// text, not by another digit).
//
// The split between lead and text: a heading that stands alone ("一、活动主题") is all lead. Otherwise the
// lead ends after the first sentence-ending mark (。！？) when what precedes it reads as a heading — short
// and without a comma — and the rest is the run-in text. A numbered paragraph that is one long sentence
// ("（三）鼓励行业协会…，推动各项活动有序开展。") keeps only the ordinal as its lead, so that a whole sentence is
// not set in 黑体 or 楷体. A bare ordinal ("（三）") is all lead.
Heading recognise_heading(std::string_view paragraph);

// The value of a Chinese numeral from 一 to 九十九 (一, 十, 十一, 二十, 二十三); nullopt otherwise.
std::optional<int> parse_chinese_numeral(std::u32string_view s);

// n in Chinese numerals by ICU's spellout rules for zh: 1 -> "一", 11 -> "十一", 23 -> "二十三".
// Throws std::invalid_argument for n < 1.
std::string chinese_ordinal(int n);

}  // namespace gw::text
