// Notice XML (templates/notice.xsd) -> model::Notice. The file is schema-validated first, so the
// reader below only maps elements to fields; anything the schema cannot say (an empty body, a
// title missing outside orders) is checked here with the element's line.
#pragma once

#include <string>

#include "model/notice.h"

namespace gw::tmpl {

// Path of the schema shipped in templates/.
std::string notice_schema_path();

model::Notice read_notice_xml(const std::string& path);
model::Notice read_notice_xml_string(const std::string& xml, const std::string& file_name);

}  // namespace gw::tmpl

namespace gw::model {
// Convenience name used by the CLI commands.
inline Notice read_notice_xml(const std::string& path) { return tmpl::read_notice_xml(path); }
}  // namespace gw::model
