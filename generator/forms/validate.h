// The rules of forms.md ("Rules to enforce", 1–9) over a province's data set. Every failure is one
// gw::Diagnostic located at the cell (file and row; XLSX rows also name the sheet in the message),
// naming the applicant and the field, with clause "forms.md rule N". Rule 9 (late dates) gives
// warnings; everything else errors. Missing required fields are errors with clause
// "forms.md 一、基本信息" (or the form's part) so that the renderer never meets a hole it cannot fill.
#pragma once

#include <map>
#include <string>
#include <tuple>
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

// The same rules record by record, keeping of each record only what their messages need (its
// location and how it is named), so that a batch can check its records as it reads them instead of
// holding them all. add() reports rule 3 at the record that breaks it; finish() reports rules 8 and 9.
class DataSetRules {
 public:
  explicit DataSetRules(const ValidateOptions& options);
  void add(const Application& app, Diagnostics& out);
  void finish(Diagnostics& out);

 private:
  struct First {
    std::string where;  // the record that first gave the applicant a direction
    int direction;
  };
  struct Record {
    SourceLoc loc;
    std::string who;  // "第5行「某公司」"
  };
  struct Group {
    std::vector<Record> records;  // in input order: rule 8 names the first over the quota
    Record first_late;
    size_t late = 0;
    Kind kind = Kind::TypicalCase;  // of the late ones (one list, one deadline)
    Date latest;
  };
  ValidateOptions options_;
  std::map<std::string, First> first_direction_;
  std::map<std::tuple<int, std::string, std::string>, Group> groups_;
};

// Both, records first, in input order.
Diagnostics validate(const std::vector<Application>& apps, const ValidateOptions& options = {});

// forms.md rule 9: the 推荐汇总表 deadlines of a campaign year (典型案例 11月10日, 消费名品 12月10日).
Date deadline(Kind kind, int campaign_year);

}  // namespace gw::forms
