// What several commands share: reading and checking a notice, loading the style and the fonts.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "fonts/font_set.h"
#include "model/notice.h"
#include "model/style.h"

namespace gw::cli {

struct FontOptions {
  std::string map;                 // --fonts FILE
  std::vector<std::string> roles;  // --font ROLE=PATH
};
void add_font_options(CLI::App& cmd, FontOptions& o);
fonts::FontMap load_font_map(const FontOptions& o, std::map<std::string, std::string>* overrides);
fonts::FontSet load_fonts(const FontOptions& o);

model::Style load_style(const std::string& name_or_path);

// Reads the notice, prints the data checks (GB/T 9704) to `diag`, and throws InputError when any
// of them is an error: a wrong document is never printed silently.
model::Notice load_and_check(const std::string& path, std::ostream& diag);

}  // namespace gw::cli
