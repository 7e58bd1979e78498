#include "cli/pipeline.h"

#include "check/check_notice.h"
#include "template/font_map_reader.h"
#include "template/notice_reader.h"
#include "template/style_reader.h"

namespace gw::cli {

void add_font_options(CLI::App& cmd, FontOptions& o) {
  cmd.add_option("--fonts", o.map, "font map (default fonts/fonts.xml)");
  cmd.add_option("--font", o.roles, "ROLE=PATH: put a TrueType/TTC file first in a role's chain (title, body, heading-1, heading-2, page-number)");
}

fonts::FontMap load_font_map(const FontOptions& o, std::map<std::string, std::string>* overrides) {
  if (overrides) {
    for (const auto& r : o.roles) {
      auto eq = r.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == r.size())
        throw InputError(SourceLoc{}, "--font takes ROLE=PATH, got '" + r + "'", "e.g. --font body=/usr/share/fonts/simfang.ttf");
      (*overrides)[r.substr(0, eq)] = r.substr(eq + 1);
    }
  }
  return fonts::read_font_map(o.map.empty() ? fonts::default_font_map_path() : o.map);
}

fonts::FontSet load_fonts(const FontOptions& o) {
  std::map<std::string, std::string> overrides;
  auto map = load_font_map(o, &overrides);
  return fonts::FontSet::open(map, overrides);
}

model::Style load_style(const std::string& name_or_path) {
  return tmpl::read_style(name_or_path.empty() ? "gbt9704-2012" : name_or_path);
}

docx::DocxOptions docx_options(const fonts::FontSet& fonts) { return docx::options_for_fonts(fonts); }

model::Notice load_and_check(const std::string& path, std::ostream& diag) {
  model::Notice n = tmpl::read_notice(path);
  Diagnostics ds = check::check_notice(n);
  int errors = 0;
  for (const auto& d : ds.items()) {
    diag << format(d) << "\n";
    if (d.severity == Severity::Error) ++errors;
  }
  if (errors > 0)
    throw InputError(SourceLoc{path}, std::to_string(errors) + " problem(s) above break GB/T 9704; nothing was written",
                     "fix them and run again (`gongwen check` lists them)");
  return n;
}

}  // namespace gw::cli
