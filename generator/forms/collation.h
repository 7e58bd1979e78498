// The orders a clerk may ask for in the 推荐汇总表 (附件5): as entered, by 申报主体 in pinyin order,
// or by stroke count (笔画, customary for official name lists). ICU collators
// "zh@collation=pinyin" and "zh@collation=stroke" do the work; ties keep input order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/application.h"

namespace gw::forms {

enum class SortOrder { Input, Pinyin, Stroke };

// "input" | "pinyin" | "stroke" (also 输入, 拼音, 笔画).
std::optional<SortOrder> parse_sort_order(std::string_view s);
const char* sort_order_name(SortOrder o);

// Indices into `names` in the requested order (stable). Throws std::runtime_error if ICU has no
// collator for Chinese (a broken ICU data install, not a user error).
std::vector<size_t> sorted_indices(const std::vector<std::string>& names, SortOrder order);

// The applications' indices ordered by 申报主体 (Application::name).
std::vector<size_t> sorted_by_applicant(const std::vector<Application>& apps, SortOrder order);

}  // namespace gw::forms
