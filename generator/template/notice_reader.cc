#include "template/notice_reader.h"

#include "base/files.h"
#include "template/notice_xml_reader.h"
#include "template/plain_text_reader.h"

namespace gw::tmpl {

model::Notice read_notice(const std::string& path) {
  const std::string ext = file_extension_lower(path);
  if (ext == ".xml") return read_notice_xml(path);
  if (ext == ".txt" || ext == ".md" || ext == ".text") return read_plain_text_notice(read_file(path), path);
  throw InputError(SourceLoc{path}, "unknown input kind '" + ext + "'",
                   "give a notice as .xml (templates/notice.xsd) or as plain text (.txt)");
}

}  // namespace gw::tmpl
