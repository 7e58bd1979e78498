// The OPC package: content types, relationships and the zip itself (libzip, in memory).
// Deterministic by construction: entries in the order given, one fixed modification time, the same
// compression, so the same parts always give the same bytes (archives and tests compare hashes).
#pragma once

#include <string>
#include <vector>

namespace gw::docx {

struct Part {
  std::string name;          // "word/document.xml", no leading slash
  std::string content_type;  // empty for .rels parts (covered by the Default for "rels")
  std::string bytes;
};

struct Relationship {
  std::string id, type, target;
};

std::string content_types_xml(const std::vector<Part>& parts);
std::string relationships_xml(const std::vector<Relationship>& rels);

// Zips the parts in order; "[Content_Types].xml" must be among them. Throws std::runtime_error on a
// libzip failure (only memory exhaustion can cause one) and std::invalid_argument on a bad part name.
std::string zip_package(const std::vector<Part>& parts);

// Reads a zip from memory: (name, bytes) in archive order. Names with ".." segments or a leading '/'
// are refused with std::runtime_error, as are archives whose total size exceeds `max_total_bytes`.
std::vector<std::pair<std::string, std::string>> unzip_package(const std::string& zip_bytes,
                                                               size_t max_total_bytes = 256u << 20);

}  // namespace gw::docx
