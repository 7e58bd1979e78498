// The font map reader: fonts.xml -> FontMap. The XML is parsed by template/xml_document (no
// network, no DTD, no entity expansion) and validated against fonts.xsd next to the default map,
// so a misspelt attribute is reported with its line instead of silently dropping a fallback.
#include "template/font_map_reader.h"

#include "template/xml_document.h"

#ifndef GW_FONTS_DIR
#error "GW_FONTS_DIR must point at the fonts/ folder (see generator/template/CMakeLists.txt)"
#endif

namespace gw::fonts {
namespace {

std::string folder_of(const std::string& file) {
  size_t slash = file.rfind('/');
  return slash == std::string::npos ? std::string(".") : file.substr(0, slash == 0 ? 1 : slash);
}

// Absolute, "~/...", or relative to the map file's folder.
std::string resolve(const std::string& p, const std::string& base) {
  std::string e = expand_home(p);
  if (!e.empty() && e.front() == '/') return e;
  return base + "/" + e;
}

std::string join(const std::string& folder, const std::string& file) {
  if (!folder.empty() && folder.back() == '/') return folder + file;
  return folder + "/" + file;
}

}  // namespace

std::string default_font_map_path() { return std::string(GW_FONTS_DIR) + "/fonts.xml"; }

FontMap read_font_map(const std::string& path) {
  xml::DocPtr doc = xml::parse_file(path);
  xml::validate(doc.get(), std::string(GW_FONTS_DIR) + "/fonts.xsd", path);

  FontMap map;
  map.source_file = path;
  const std::string base = folder_of(path);
  std::vector<std::string> folders;

  for (xmlNode* n = xmlDocGetRootElement(doc.get())->children; n; n = n->next) {
    if (!xml::is_element(n)) continue;
    if (xml::name(n) == "folders") {
      for (xmlNode* f = n->children; f; f = f->next)
        if (xml::is_element(f)) folders.push_back(resolve(xml::attr(f, "path"), base));
      continue;
    }
    // <role>: the schema guarantees a unique name and at least one <font>.
    const std::string role = xml::attr(n, "name");
    if (xml::has_attr(n, "docx-name")) map.docx_names[role] = xml::attr(n, "docx-name");
    std::vector<FontCandidate>& chain = map.roles[role];
    for (xmlNode* f = n->children; f; f = f->next) {
      if (!xml::is_element(f)) continue;
      SourceLoc loc = xml::loc(f, path);
      bool has_file = xml::has_attr(f, "file"), has_path = xml::has_attr(f, "path");
      if (has_file == has_path)
        throw InputError(loc, "<font> in role '" + role + "' needs exactly one of file=\"NAME\" or path=\"PATH\"",
                         "file= is a bare file name searched in <folders>; path= is absolute, ~/..., or relative to " + base);
      FontCandidate c;
      c.face_index = std::stoi(xml::attr(f, "face", "0"));  // xs:nonNegativeInteger, checked by the schema
      c.note = xml::attr(f, "note");
      c.loc = loc;
      if (has_path) {
        c.path = resolve(xml::attr(f, "path"), base);
        chain.push_back(c);
      } else {
        if (folders.empty())
          throw InputError(loc, "<font file=\"" + xml::attr(f, "file") + "\"> but the font map has no <folders> to search",
                           "add <folders><folder path=\"...\"/></folders> before the first <role>, or use path=");
        for (const std::string& folder : folders) {
          c.path = join(folder, xml::attr(f, "file"));
          chain.push_back(c);
        }
      }
    }
  }
  return map;
}

}  // namespace gw::fonts
