// gongwen convert notice.txt [-o notice.xml]: the structure the plain-text reader recognised, as notice
// XML (templates/notice.xsd) — to stdout, or written atomically to -o. Paragraphs dropped as repeats and
// the data checks are printed to stderr; they do not stop the conversion (the XML carries the same
// data, and `gongwen check` lists the findings again).
#include <iostream>
#include <memory>

#include "base/files.h"
#include "check/check_notice.h"
#include "cli/command.h"
#include "template/notice_xml_writer.h"
#include "template/plain_text_reader.h"

namespace gw::cli {
namespace {

struct Opts {
  std::string input;
  std::string output;
};

int run(const Opts& o) {
  Diagnostics notes;
  model::Notice n = tmpl::read_plain_text_notice(read_file(o.input), o.input, &notes);
  for (const auto& d : notes.items()) std::cerr << format(d) << "\n";
  const Diagnostics findings = check::check_notice(n);  // named: items() of a temporary would dangle
  for (const auto& d : findings.items()) std::cerr << format(d) << "\n";
  std::string xml = tmpl::write_notice_xml(n);
  if (o.output.empty() || o.output == "-")
    std::cout << xml;
  else
    write_file_atomic(o.output, xml);
  return kExitOk;
}

void add(CLI::App& app) {
  auto opts = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("convert", "Show the structure recognised in a plain-text notice, as notice XML");
  cmd->add_option("input", opts->input, "plain-text notice (.txt)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", opts->output, "XML file to write (default: stdout)");
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(25, add);

}  // namespace
}  // namespace gw::cli
