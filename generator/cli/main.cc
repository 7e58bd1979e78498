// gongwen: Chinese official documents (GB/T 9704-2012) from data to PDF and DOCX.
#include <algorithm>
#include <exception>
#include <iostream>
#include <vector>

#include "base/diagnostic.h"
#include "cli/command.h"

namespace gw::cli {
namespace {

std::vector<std::pair<int, CommandAdder>>& registry() {
  static std::vector<std::pair<int, CommandAdder>> r;
  return r;
}
int g_exit = kExitOk;

}  // namespace

CommandRegistrar::CommandRegistrar(int order, CommandAdder add) { registry().emplace_back(order, add); }

int exit_code() { return g_exit; }

void run_command(const std::function<int()>& body) {
  try {
    g_exit = body();
  } catch (const InputError& e) {
    std::cerr << format(e.diagnostic()) << "\n";
    g_exit = kExitInputError;
  } catch (const std::exception& e) {
    std::cerr << "gongwen: internal error: " << e.what() << "\n"
              << "  this is a bug in gongwen; please report it with the input that caused it\n";
    g_exit = kExitInternal;
  }
}

}  // namespace gw::cli

int main(int argc, char** argv) {
  CLI::App app{"gongwen — Chinese official documents (GB/T 9704-2012) to PDF and DOCX"};
  app.require_subcommand(1);
  auto& reg = gw::cli::registry();
  std::stable_sort(reg.begin(), reg.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [order, add] : reg) add(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : gw::kExitUsage;
  }
  return gw::cli::exit_code();
}
