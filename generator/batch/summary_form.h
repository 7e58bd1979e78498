// The 附件5 推荐汇总表 of one province as the landscape table layout takes it: label, title, the
// 推荐单位/填报日期 line, and its two tables. One function for `gongwen form attachment5` and for
// the packets of `gongwen batch`, so that both print the same head.
#pragma once

#include <string>
#include <vector>

#include "forms/application.h"
#include "forms/summary.h"
#include "layout/summary_layout.h"

namespace gw::batch {

// The first non-empty value of a province-side field: every record of one province carries the same
// 推荐单位 and 填报日期 (a spreadsheet repeats them on each row).
std::string first_of(const std::vector<forms::Application>& apps, forms::Field forms::Application::*field);

// `cases` and `brands` are forms::typical_case_table / brand_table of `apps` in the order asked for.
layout::SummaryForm summary_form(const std::vector<forms::Application>& apps, const forms::SummaryTable& cases,
                                 const forms::SummaryTable& brands);

}  // namespace gw::batch
