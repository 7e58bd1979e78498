#include "forms/data_set.h"

#include <memory>

#include "forms/quotas.h"
#include "forms/read.h"
#include "forms/validate.h"

namespace gw::forms {

int DataSet::errors() const {
  int n = 0;
  for (const auto& d : diagnostics.items()) n += d.severity == Severity::Error;
  return n;
}

int DataSet::warnings() const {
  int n = 0;
  for (const auto& d : diagnostics.items()) n += d.severity == Severity::Warning;
  return n;
}

DataSet read_data_set(const std::vector<std::string>& files, const DataSetOptions& o) {
  ColumnMap columns = o.columns.empty() ? default_columns() : ColumnMap::load(o.columns);
  std::unique_ptr<Quotas> quotas;
  if (!o.no_quotas)
    quotas = std::make_unique<Quotas>(Quotas::load(o.quotas.empty() ? forms_data_dir() + "/quotas.json" : o.quotas));
  DataSet set;
  for (const auto& file : files) {
    ReadResult r = read_applications(file, columns);
    for (auto& d : r.diagnostics.items()) set.diagnostics.add(d);
    for (auto& a : r.applications) set.applications.push_back(std::move(a));
  }
  Diagnostics checked = validate(set.applications, ValidateOptions{quotas.get()});
  for (auto& d : checked.items()) set.diagnostics.add(d);
  return set;
}

}  // namespace gw::forms
