// What several commands share: reading and checking a notice, loading the style and the fonts.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "export/docx/docx_writer.h"
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

// DOCX options whose faces are the font map's docx-name per role (the standard faces where the map
// names none), so that a font map or --fonts changes the DOCX as it changes the PDF.
docx::DocxOptions docx_options(const fonts::FontSet& fonts);

// Reads the notice, prints the data checks (GB/T 9704) to `diag`, and throws InputError when any
// of them is an error: a wrong document is never printed silently.
model::Notice load_and_check(const std::string& path, std::ostream& diag);

}  // namespace gw::cli
