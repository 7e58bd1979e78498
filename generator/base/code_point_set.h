// A set of code points: a bit per BMP code point, the rare ones beyond it in a sorted list. Asked
// once per character of a text where a search of a string or a sort of every character cost more
// than the work around it (line breaking's 禁则 sets, the characters a PDF embeds per face).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gw {

class CodePointSet {
 public:
  CodePointSet() = default;
  explicit CodePointSet(std::u32string_view cps) {
    for (char32_t c : cps) insert(c);
  }
  void insert(char32_t c);
  bool contains(char32_t c) const {
    return c < kBmp ? (bmp_[c >> 6] >> (c & 63) & 1) != 0 : contains_beyond(c);
  }
  std::u32string sorted() const;  // the members, ascending

 private:
  static constexpr char32_t kBmp = 0x10000;
  bool contains_beyond(char32_t c) const;
  std::array<uint64_t, kBmp / 64> bmp_{};
  std::u32string beyond_;  // sorted, without repeats
};

}  // namespace gw
