// Reads a font map (fonts/fonts.xml, schema fonts/fonts.xsd) into gw::fonts::FontMap: per role, the
// chain of candidate font files, best first, and the face name a DOCX asks for. Only reads and
// checks the XML; whether the files exist is FontSet::open's business (a missing office font is
// normal and must not stop a run).
#pragma once

#include <string>

#include "fonts/font_set.h"

namespace gw::fonts {

// Parses and schema-validates `path`. <font file="x.ttf"/> becomes one candidate per <folder>, in
// folder order; <font path="..."/> one candidate, relative paths taken from the map file's folder
// and "~/" from $HOME. Throws InputError with file:line for malformed XML, schema violations, and a
// <font> with neither or both of file/path.
FontMap read_font_map(const std::string& path);

// fonts/fonts.xml in the source tree (GW_FONTS_DIR, set by generator/template/CMakeLists.txt).
std::string default_font_map_path();

}  // namespace gw::fonts
