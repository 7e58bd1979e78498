// Safe XML loading shared by every reader in template/: libxml2 with network access and entity
// expansion off, parse and schema errors turned into gw::InputError with file:line:col, and the
// schemas parsed once per process.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>

#include "base/diagnostic.h"

namespace gw::xml {

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

// Parses a file (or an in-memory buffer named `file`) without network access, DTD loading or entity
// expansion. Throws InputError at the first parse error.
DocPtr parse_file(const std::string& path);
DocPtr parse_memory(const std::string& bytes, const std::string& file);

// Validates against an XSD (path), parsed once and cached. Throws InputError naming the first
// problem's line, with every further problem listed in the hint.
void validate(xmlDoc* doc, const std::string& schema_path, const std::string& file);

// Helpers for walking a validated document.
std::string name(const xmlNode* n);
std::string attr(const xmlNode* n, const char* name, const std::string& fallback = {});
bool has_attr(const xmlNode* n, const char* name);
// The element's text with the line breaks and indentation of the XML source removed: Chinese text
// has no spaces between lines; Latin words on either side of a break keep one space.
std::string text(const xmlNode* n);
SourceLoc loc(const xmlNode* n, const std::string& file);
bool is_element(const xmlNode* n);

}  // namespace gw::xml
