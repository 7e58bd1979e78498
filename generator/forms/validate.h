// The rules of forms.md ("Rules to enforce", 1–9) over a province's data set. Every failure is one
// gw::Diagnostic located at the cell (file and row; XLSX rows also name the sheet in the message),
// naming the applicant and the field, with clause "forms.md rule N". Rule 9 (late dates) gives
// warnings; everything else errors. Missing required fields are errors with clause
// "forms.md 一、基本信息" (or the form's part) so that the renderer never meets a hole it cannot fill.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "forms/application.h"
#include "forms/dates.h"
#include "forms/quotas.h"

namespace gw::forms {

struct ValidateOptions {
  const Quotas* quotas = nullptr;  // rule 8 is skipped (with an info note) when null
};

// Rules that concern one record alone: 1, 2, 4, 5, 6, 7 and required fields.
void validate_application(const Application& app, Diagnostics& out);

// Rules over the whole data set: 3 (one direction per applicant), 8 (quota), 9 (deadlines).
void validate_data_set(const std::vector<Application>& apps, const ValidateOptions& options, Diagnostics& out);

// Both, records first, in input order.
Diagnostics validate(const std::vector<Application>& apps, const ValidateOptions& options = {});

// forms.md rule 9: the 推荐汇总表 deadlines of a campaign year (典型案例 11月10日, 消费名品 12月10日).
Date deadline(Kind kind, int campaign_year);

}  // namespace gw::forms
