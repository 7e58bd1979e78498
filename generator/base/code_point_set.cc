// See code_point_set.h.
#include "base/code_point_set.h"

#include <algorithm>

namespace gw {

void CodePointSet::insert(char32_t c) {
  if (c < kBmp) {
    bmp_[c >> 6] |= uint64_t{1} << (c & 63);
    return;
  }
  auto at = std::lower_bound(beyond_.begin(), beyond_.end(), c);
  if (at == beyond_.end() || *at != c) beyond_.insert(at, c);
}

bool CodePointSet::contains_beyond(char32_t c) const { return std::binary_search(beyond_.begin(), beyond_.end(), c); }

std::u32string CodePointSet::sorted() const {
  std::u32string out;
  for (size_t w = 0; w < bmp_.size(); ++w)
    for (uint64_t bits = bmp_[w]; bits; bits &= bits - 1)
      out.push_back(static_cast<char32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(bits))));
  return out + beyond_;
}

}  // namespace gw
