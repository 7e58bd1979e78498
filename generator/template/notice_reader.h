// Reads a notice from whatever the clerk has: .xml (schema-validated) or plain text (.txt, .md).
#pragma once

#include <string>

#include "model/notice.h"

namespace gw::tmpl {

model::Notice read_notice(const std::string& path);

}  // namespace gw::tmpl
