// House styles (templates/styles/*.xml, schema style.xsd) -> model::Style. What a style file leaves
// out keeps the GB/T 9704-2012 value; `departures` lists, for `gongwen check`, where it differs.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/style.h"

namespace gw::tmpl {

// A name ("gbt9704-2012", "local-30-29") is looked up in templates/styles/; anything with a '/' or
// ending in .xml is a path.
std::string resolve_style_path(const std::string& name_or_path);
model::Style read_style(const std::string& name_or_path);

// Information diagnostics: each value of `style` that departs from GB/T 9704-2012.
std::vector<Diagnostic> style_departures(const model::Style& style);

}  // namespace gw::tmpl
