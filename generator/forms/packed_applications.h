// Records kept packed while a batch renders: a batch plans every packet before it renders any, so it
// holds every valid record until its 申报书 is rendered. As an Application a record is some 5 KB
// beside its texts (70-odd Fields — a string, a source and a position each, most of them empty — and
// its groups, each a vector); packed it is its texts and a few bytes per value. Unpacking gives back
// the same values with the same locations, so a message at render time still names the cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "forms/application.h"

namespace gw::forms {

class PackedApplications {
 public:
  PackedApplications() = default;
  // Records kept in an anonymous temporary file (tmpfile(3): gone when the store or the process
  // is), `chunk` bytes written at a time; only the last unwritten records stay in memory. Falls back
  // to memory when no temporary file can be made.
  static PackedApplications spilling(size_t chunk = size_t{1} << 20);

  // Packs a record (one read by a reader and tidied: empty values are not kept, and a group entry
  // or section without values is not rebuilt); returns its index.
  size_t add(const Application& app);
  // The record as it was added: kind, location, `where`, every non-empty value with its source, line
  // and column. Safe to call from several threads once adding is over.
  Application get(size_t index) const;
  Kind kind(size_t index) const { return kinds_[index]; }
  size_t size() const { return offsets_.size(); }
  void shrink_to_fit() { data_.shrink_to_fit(); }  // after the last add: the string grew by doubling
  // Bytes of packed records (the sources they share not counted), in memory and in the file.
  size_t bytes() const { return written_ + data_.size(); }
  size_t bytes_in_memory() const { return data_.size(); }

 private:
  uint32_t source_index(const std::shared_ptr<const FieldSource>& s);

  struct CloseFile {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };

  std::string data_;             // the records not written to file_, one after the other
  std::vector<size_t> offsets_;  // where each starts, counting the bytes in file_ first
  std::unique_ptr<std::FILE, CloseFile> file_;  // spilling(): the records written so far
  size_t written_ = 0;                          // bytes in file_
  size_t chunk_ = 0;                            // write data_ out once it holds this many bytes
  std::vector<Kind> kinds_;
  std::vector<std::shared_ptr<const FieldSource>> sources_{nullptr};  // [0] is "none"
  std::unordered_map<const FieldSource*, uint32_t> source_of_;
  std::vector<std::string> files_;  // the records' own files (Application::loc)
};

}  // namespace gw::forms
