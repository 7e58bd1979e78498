// gongwen check FILE: the data checks of GB/T 9704 on a notice (.xml or plain text), one line per
// finding with its clause. Exit 1 when any finding is an error, 0 otherwise (warnings only).
#include <iostream>
#include <memory>

#include "check/check_notice.h"
#include "cli/command.h"
#include "template/notice_reader.h"
#include "template/style_reader.h"

namespace gw::cli {
namespace {

struct Opts {
  std::string file;
  std::string style;
};

int run(const Opts& o) {
  model::Notice n = tmpl::read_notice(o.file);
  Diagnostics ds = check::check_notice(n);
  int errors = 0, warnings = 0;
  for (const auto& d : ds.items()) {
    std::cout << format(d) << "\n";
    if (d.severity == Severity::Error) ++errors;
    if (d.severity == Severity::Warning) ++warnings;
  }
  // Issue 7: a house style is judged too — where it departs from GB/T 9704, as information.
  if (!o.style.empty())
    for (const auto& d : tmpl::style_departures(tmpl::read_style(o.style))) std::cout << format(d) << "\n";
  std::cerr << o.file << ": " << errors << " error(s), " << warnings << " warning(s)\n";
  return errors > 0 ? kExitInputError : kExitOk;
}

void add(CLI::App& app) {
  auto opts = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("check", "List what breaks GB/T 9704 in a notice's data (文号, dates, punctuation …)");
  cmd->add_option("file", opts->file, "notice: .xml (templates/notice.xsd) or plain text (.txt)")->required();
  cmd->add_option("--style", opts->style, "also report where this house style departs from GB/T 9704 (information)");
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(30, add);

}  // namespace
}  // namespace gw::cli
