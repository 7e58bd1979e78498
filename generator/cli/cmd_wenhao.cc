// `gongwen wenhao TEXT [--json]`: parses one 文号 (or 令号) as typed and prints its canonical form, its
// parts and what was not canonical (GB/T 9704 7.2.5). A string that is not a 文号 is an input error.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "cli/command.h"
#include "text/wenhao.h"

namespace gw::cli {
namespace {

struct Opts {
  std::string text;
  bool json = false;
};

int run(const Opts& o) {
  std::string why;
  auto w = text::parse_wenhao(o.text, &why);
  if (!w) {
    Diagnostic d;
    d.loc.file = "<argument>";
    d.message = why;
    d.hint = "a 文号 is 机关代字〔年份〕序号号, e.g. 国发〔2022〕12号; an order number is 第58号";
    d.clause = "GB/T 9704 7.2.5";
    throw InputError(d);
  }
  if (o.json) {
    nlohmann::json j = {{"canonical", w->canonical}, {"agency", w->agency}, {"year", w->year},
                        {"serial", w->serial},       {"is_order", w->is_order}, {"problems", w->problems}};
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << w->canonical << "\n";
  std::cout << "  agency: " << (w->agency.empty() ? "(none)" : w->agency) << "\n";
  if (!w->is_order) std::cout << "  year:   " << w->year << "\n";
  std::cout << "  serial: " << w->serial << (w->is_order ? " (order number)" : "") << "\n";
  for (const auto& p : w->problems) std::cout << "  note: " << p << " [GB/T 9704 7.2.5]\n";
  return kExitOk;
}

void add(CLI::App& app) {
  auto* cmd = app.add_subcommand("wenhao", "Parse a 文号 (document number) and print its canonical form");
  auto opts = std::make_shared<Opts>();
  cmd->add_option("text", opts->text, "the 文号 as written, e.g. 工信厅消费函[2022]第0156号")->required();
  cmd->add_flag("--json", opts->json, "print the parts as JSON");
  cmd->callback([opts] { run_command([&]() -> int { return run(*opts); }); });
}
const CommandRegistrar reg(50, add);

}  // namespace
}  // namespace gw::cli
