// Shared by the DOCX tests: a sample notice with every element, and a validator that checks each
// XML part of a package against the ECMA-376 schemas copied into tests/data/ooxml-xsd/.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/notice.h"

namespace gw::docx::test {

model::Notice sample_notice();

// part name -> validation errors (empty vector = valid). Parts the map does not know are reported
// as an error, so a new part cannot slip in unvalidated.
std::map<std::string, std::vector<std::string>> validate_package(const std::string& docx_bytes);

// Validates one part against the schema chosen by its name.
std::vector<std::string> validate_part(const std::string& name, const std::string& xml);

std::string part(const std::string& docx_bytes, const std::string& name);  // "" when absent

// Evaluates an XPath on a part (prefixes w, r, cp, dc, dcterms, cu, vt) and returns the string values
// found; one() requires exactly one.
std::vector<std::string> xpath(const std::string& xml, const std::string& expr);
std::string one(const std::string& xml, const std::string& expr);

// Runs a shell command, returns its exit status; stdout+stderr go to `output`.
int run(const std::string& cmd, std::string* output = nullptr);

}  // namespace gw::docx::test
