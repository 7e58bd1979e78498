// Packing records: see packed_applications.h. A record is
//   kind, file (index into files_), line, column, `where`,
// then, for each non-empty value in for_each_field's order,
//   id, text, source (index into sources_, 0 = none), line, column,
// and a 0 where the next id would start. Numbers are LEB128 varints; strings a varint length and
// their bytes. The ids are the ones field_by_id takes, which is what rebuilds groups and sections.
#include "forms/packed_applications.h"

#include <algorithm>
#include <stdexcept>
#include <system_error>

#include "base/files.h"

namespace gw::forms {
namespace {

void put_number(std::string& out, uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put_string(std::string& out, std::string_view s) {
  put_number(out, s.size());
  out.append(s);
}

// Reads what put_number and put_string wrote. The bytes are our own, written by add(): a reader
// running past them is a bug, not bad input.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  uint64_t number() {
    uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      if (p_ == end_ || shift > 63) throw std::logic_error("PackedApplications: a record runs past its bytes");
      const auto b = static_cast<unsigned char>(*p_++);
      n |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return n;
    }
  }
  std::string_view string() {
    const uint64_t size = number();
    if (size > static_cast<uint64_t>(end_ - p_)) throw std::logic_error("PackedApplications: a record runs past its bytes");
    std::string_view s(p_, size);
    p_ += size;
    return s;
  }

 private:
  const char* p_;
  const char* end_;
};

}  // namespace

PackedApplications PackedApplications::spilling(size_t chunk) {
  PackedApplications p;
  p.file_.reset(std::tmpfile());
  p.chunk_ = p.file_ ? std::max<size_t>(chunk, 1) : 0;
  return p;
}

uint32_t PackedApplications::source_index(const std::shared_ptr<const FieldSource>& s) {
  if (!s) return 0;
  auto [it, fresh] = source_of_.try_emplace(s.get(), static_cast<uint32_t>(sources_.size()));
  if (fresh) sources_.push_back(s);
  return it->second;
}

size_t PackedApplications::add(const Application& app) {
  offsets_.push_back(written_ + data_.size());
  kinds_.push_back(app.kind);
  auto file = std::find(files_.begin(), files_.end(), app.loc.file);
  if (file == files_.end()) file = files_.insert(files_.end(), app.loc.file);
  put_number(data_, static_cast<uint64_t>(app.kind));
  put_number(data_, static_cast<uint64_t>(file - files_.begin()));
  put_number(data_, static_cast<uint64_t>(app.loc.line));
  put_number(data_, static_cast<uint64_t>(app.loc.column));
  put_string(data_, app.where);
  for_each_field(app, [this](const std::string& id, const Field& f) {
    if (f.text.empty()) return;
    put_string(data_, id);
    put_string(data_, f.text);
    put_number(data_, source_index(f.source));
    put_number(data_, static_cast<uint64_t>(f.line));
    put_number(data_, static_cast<uint64_t>(f.col));
  });
  put_number(data_, 0);  // an empty id: the record ends
  if (file_ && data_.size() >= chunk_) {  // whole records only: none straddles file and memory
    if (int err = write_all(fileno(file_.get()), data_))
      throw std::system_error(err, std::generic_category(), "cannot write the batch's temporary file of records");
    written_ += data_.size();
    data_.clear();
  }
  return offsets_.size() - 1;
}

Application PackedApplications::get(size_t index) const {
  const size_t begin = offsets_.at(index);
  const size_t end = index + 1 < offsets_.size() ? offsets_[index + 1] : written_ + data_.size();
  std::string from_file;
  std::string_view bytes;
  if (begin >= written_) {
    bytes = std::string_view(data_).substr(begin - written_, end - begin);
  } else {
    from_file.resize(end - begin);
    if (int err = read_all_at(fileno(file_.get()), begin, from_file.data(), from_file.size()))
      throw std::system_error(err, std::generic_category(), "cannot read the batch's temporary file of records");
    bytes = from_file;
  }
  Reader in(bytes);
  Application app;
  app.kind = static_cast<Kind>(in.number());
  app.loc.file = files_.at(in.number());
  app.loc.line = static_cast<int>(in.number());
  app.loc.column = static_cast<int>(in.number());
  app.where = std::string(in.string());
  for (std::string_view id = in.string(); !id.empty(); id = in.string()) {
    Field* f = field_by_id(app, id);
    if (!f) throw std::logic_error("PackedApplications: unknown field id " + std::string(id));
    f->text = std::string(in.string());
    f->source = sources_.at(in.number());
    f->line = static_cast<int>(in.number());
    f->col = static_cast<int>(in.number());
  }
  return app;
}

}  // namespace gw::forms
