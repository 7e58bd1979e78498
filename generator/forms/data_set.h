// A province's data set as the commands read it: every file read with the column mapping, every
// rule of forms.md applied. One function, so that `validate`, `form` and `batch` judge the same
// data the same way.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "forms/application.h"

namespace gw::forms {

struct DataSetOptions {
  std::string columns;     // column header mapping; empty = templates/forms/columns.json
  std::string quotas;      // 附件2 quota table; empty = templates/forms/quotas.json
  bool no_quotas = false;  // skip rule 8
};

struct DataSet {
  std::vector<Application> applications;
  Diagnostics diagnostics;  // reading problems, then the rules' findings
  int errors() const;
  int warnings() const;
};

DataSet read_data_set(const std::vector<std::string>& files, const DataSetOptions& options);

}  // namespace gw::forms
