// Records kept packed while a batch renders: a batch plans every packet before it renders any, so it
// holds every valid record until its 申报书 is rendered. As an Application a record is some 5 KB
// beside its texts (70-odd Fields — a string, a source and a position each, most of them empty — and
// its groups, each a vector); packed it is its texts and a few bytes per value. Unpacking gives back
// the same values with the same locations, so a message at render time still names the cell.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "forms/application.h"

namespace gw::forms {

class PackedApplications {
 public:
  // Packs a record (one read by a reader and tidied: empty values are not kept, and a group entry
  // or section without values is not rebuilt); returns its index.
  size_t add(const Application& app);
  // The record as it was added: kind, location, `where`, every non-empty value with its source, line
  // and column. Safe to call from several threads once adding is over.
  Application get(size_t index) const;
  Kind kind(size_t index) const { return kinds_[index]; }
  size_t size() const { return offsets_.size(); }
  void reserve(size_t records) {
    offsets_.reserve(records);
    kinds_.reserve(records);
  }
  void shrink_to_fit() { data_.shrink_to_fit(); }  // after the last add: the string grew by doubling
  // Bytes held (the packed records, not the sources they share): for tests and measurements.
  size_t bytes() const { return data_.size(); }

 private:
  uint32_t source_index(const std::shared_ptr<const FieldSource>& s);

  std::string data_;             // every record, one after the other
  std::vector<size_t> offsets_;  // where each starts in data_
  std::vector<Kind> kinds_;
  std::vector<std::shared_ptr<const FieldSource>> sources_;  // [0] is "none"
  std::unordered_map<const FieldSource*, uint32_t> source_of_;
  std::vector<std::string> files_;  // the records' own files (Application::loc)
};

}  // namespace gw::forms
