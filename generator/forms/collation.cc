// Pinyin and stroke ordering through ICU; see collation.h.
#include "forms/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace gw::forms {

std::optional<SortOrder> parse_sort_order(std::string_view s) {
  if (s == "input" || s == "输入") return SortOrder::Input;
  if (s == "pinyin" || s == "拼音") return SortOrder::Pinyin;
  if (s == "stroke" || s == "笔画") return SortOrder::Stroke;
  return std::nullopt;
}

const char* sort_order_name(SortOrder o) {
  switch (o) {
    case SortOrder::Input: return "input";
    case SortOrder::Pinyin: return "pinyin";
    case SortOrder::Stroke: return "stroke";
  }
  return "input";
}

std::vector<size_t> sorted_indices(const std::vector<std::string>& names, SortOrder order) {
  std::vector<size_t> idx(names.size());
  std::iota(idx.begin(), idx.end(), 0);
  if (order == SortOrder::Input) return idx;
  UErrorCode status = U_ZERO_ERROR;
  const char* locale = order == SortOrder::Pinyin ? "zh@collation=pinyin" : "zh@collation=stroke";
  std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale(locale), status));
  if (U_FAILURE(status) || !coll) throw std::runtime_error(std::string("ICU has no collator for ") + locale + ": " + u_errorName(status));
  // Sort keys once: comparing keys is a memcmp, cheaper than collating pairs of strings repeatedly.
  std::vector<std::string> keys(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(names[i]);
    int32_t len = coll->getSortKey(u, nullptr, 0);
    keys[i].resize(static_cast<size_t>(len));
    coll->getSortKey(u, reinterpret_cast<uint8_t*>(keys[i].data()), len);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  return idx;
}

std::vector<size_t> sorted_by_applicant(const std::vector<Application>& apps, SortOrder order) {
  std::vector<std::string> names;
  names.reserve(apps.size());
  for (const auto& a : apps) names.push_back(a.name.text);
  return sorted_indices(names, order);
}

}  // namespace gw::forms
