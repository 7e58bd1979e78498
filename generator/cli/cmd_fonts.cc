// gongwen fonts [--text FILE]: which file serves each role and why; with --text, which characters
// of a text fall back along each role's chain (issue 7), and which no font has.
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "base/files.h"
#include "base/utf8.h"
#include "cli/command.h"
#include "cli/pipeline.h"

namespace gw::cli {
namespace {

struct Opts {
  FontOptions fonts;
  std::string text_file;
};

int run(const Opts& o) {
  fonts::FontSet fonts = load_fonts(o.fonts);
  std::cout << fonts.describe();
  if (o.text_file.empty()) return kExitOk;
  std::u32string text = to_u32(read_file(o.text_file));
  std::set<char32_t> chars;
  for (char32_t c : text)
    if (c > U' ') chars.insert(c);
  int missing = 0;
  std::cout << "\ncharacters of " << o.text_file << " by role:\n";
  for (const auto& role : fonts.roles()) {
    const auto& chain = fonts.chain(role);
    std::map<int, std::string> fell;  // face -> characters
    std::string none;
    for (char32_t c : chars) {
      int f = fonts.face_for(role, c);
      if (f < 0) none += to_utf8(c);
      else if (f != chain.front()) fell[f] += to_utf8(c);
    }
    std::cout << "  " << role << ": " << (fell.empty() && none.empty() ? "all in " + fonts.path(chain.front()) : "") << "\n";
    for (const auto& [f, cs] : fell) std::cout << "    fall back to " << fonts.path(f) << ": " << cs << "\n";
    if (!none.empty()) {
      std::cout << "    in no font of the chain: " << none << "\n";
      ++missing;
    }
  }
  if (missing > 0) {
    std::cerr << o.text_file << ": error: " << missing
              << " role(s) lack characters of this text; add a font that has them to the chain (--fonts) or --font ROLE=FILE\n";
    return kExitInputError;
  }
  return kExitOk;
}

void add(CLI::App& app) {
  auto opts = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("fonts", "Show the font chain of each role; with --text, which characters fall back");
  add_font_options(*cmd, opts->fonts);
  cmd->add_option("--text", opts->text_file, "a text (or notice) file whose characters to look up")->check(CLI::ExistingFile);
  cmd->callback([opts] { run_command([&] { return run(*opts); }); });
}

const CommandRegistrar reg(40, add);

}  // namespace
}  // namespace gw::cli
