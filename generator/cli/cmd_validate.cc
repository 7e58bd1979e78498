// gongwen validate FILE...: reads a province's applications (JSON, CSV or XLSX; several files form
// one data set, e.g. one file per list) and applies every rule of forms.md. Prints one line per
// problem ("province.xlsx:5:3: error: … [forms.md rule 1]"), then a summary. Exit 1 when any error,
// 0 when only warnings: a late 推荐汇总表 (rule 9) is reported but does not stop the packet.
#include <iostream>
#include <memory>

#include "base/diagnostic.h"
#include "cli/command.h"
#include "forms/data_set.h"

namespace gw::cli {
namespace {

struct Opts {
  std::vector<std::string> files;
  std::string columns;
  std::string quotas;
  bool no_quotas = false;
};

int run(const Opts& o) {
  forms::DataSet set = forms::read_data_set(o.files, {o.columns, o.quotas, o.no_quotas});
  const auto& apps = set.applications;
  const Diagnostics& all = set.diagnostics;
  int errors = 0, warnings = 0;
  for (const auto& d : all.items()) {
    std::cout << format(d) << "\n";
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  int counts[3] = {0, 0, 0};
  for (const auto& a : apps) ++counts[static_cast<int>(a.kind)];
  std::cout << apps.size() << (apps.size() == 1 ? " application (" : " applications (") << counts[0] << " 典型案例, " << counts[1] << " 企业品牌, " << counts[2]
            << " 区域品牌): " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning" : " warnings") << "\n";
  return errors > 0 ? kExitInputError : kExitOk;
}

void add(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check a province's 申报 data (JSON, CSV, XLSX) against the rules of forms.md");
  auto opts = std::make_shared<Opts>();
  cmd->add_option("files", opts->files, "data files; together they form one province's data set")->required()->check(CLI::ExistingFile);
  cmd->add_option("--columns", opts->columns, "column header mapping (default: templates/forms/columns.json)")->check(CLI::ExistingFile);
  cmd->add_option("--quotas", opts->quotas, "附件2 quota table (default: templates/forms/quotas.json)")->check(CLI::ExistingFile);
  cmd->add_flag("--no-quotas", opts->no_quotas, "skip rule 8 (the province quota)");
  cmd->callback([opts] { run_command([&]() -> int { return run(*opts); }); });
}

const CommandRegistrar reg(60, add);

}  // namespace
}  // namespace gw::cli
