// Content types, relationships and the libzip packaging; see docx_package.h.
#include "export/docx/docx_package.h"

#include <zip.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "export/docx/xml_writer.h"

namespace gw::docx {

std::string content_types_xml(const std::vector<Part>& parts) {
  XmlWriter w;
  w.start("Types");
  w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  w.start("Default");
  w.attr("Extension", "rels");
  w.attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  w.end();
  w.start("Default");
  w.attr("Extension", "xml");
  w.attr("ContentType", "application/xml");
  w.end();
  for (const auto& p : parts) {
    if (p.content_type.empty()) continue;
    w.start("Override");
    w.attr("PartName", "/" + p.name);
    w.attr("ContentType", p.content_type);
    w.end();
  }
  w.end();
  return w.finish();
}

std::string relationships_xml(const std::vector<Relationship>& rels) {
  XmlWriter w;
  w.start("Relationships");
  w.attr("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
  for (const auto& r : rels) {
    w.start("Relationship");
    w.attr("Id", r.id);
    w.attr("Type", r.type);
    w.attr("Target", r.target);
    w.end();
  }
  w.end();
  return w.finish();
}

namespace {

bool safe_name(const std::string& n) {
  if (n.empty() || n.front() == '/' || n.find('\\') != std::string::npos) return false;
  size_t start = 0;
  while (start <= n.size()) {
    size_t end = n.find('/', start);
    if (end == std::string::npos) end = n.size();
    const std::string seg = n.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = end + 1;
  }
  return true;
}

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};

[[noreturn]] void fail(const char* what, zip_error_t* err) {
  std::string msg = std::string("libzip: ") + what + ": " + zip_error_strerror(err);
  zip_error_fini(err);
  throw std::runtime_error(msg);
}

// A fixed timestamp for every entry. libzip converts time_t to DOS time with localtime(), so build
// the time_t with mktime() from local fields: the DOS fields come out as 1980-01-01 00:00 in every
// time zone, and the bytes do not depend on the machine.
time_t fixed_mtime() {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mon = 0;
  tm.tm_mday = 1;
  tm.tm_hour = 12;  // noon: far from any DST gap
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

}  // namespace

std::string zip_package(const std::vector<Part>& parts) {
  for (const auto& p : parts)
    if (!safe_name(p.name)) throw std::invalid_argument("bad part name in package: " + p.name);

  zip_error_t err;
  zip_error_init(&err);
  std::unique_ptr<zip_source_t, SourceFree> mem(zip_source_buffer_create(nullptr, 0, 0, &err));
  if (!mem) fail("create buffer", &err);
  zip_t* za = zip_open_from_source(mem.get(), ZIP_TRUNCATE, &err);
  if (!za) fail("open", &err);
  zip_source_keep(mem.get());  // the archive frees its reference on close; we read the bytes after

  const time_t mtime = fixed_mtime();
  for (const auto& p : parts) {
    // The part strings outlive zip_close (they are owned by `parts`), so no copy (freep = 0).
    zip_source_t* s = zip_source_buffer(za, p.bytes.data(), p.bytes.size(), 0);
    if (!s) {
      zip_discard(za);
      throw std::runtime_error("libzip: zip_source_buffer failed");
    }
    const zip_int64_t idx = zip_file_add(za, p.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      std::string msg = std::string("libzip: add ") + p.name + ": " + zip_strerror(za);
      zip_discard(za);
      throw std::runtime_error(msg);
    }
    if (zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), mtime, 0) < 0 ||
        zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 6) < 0) {
      std::string msg = std::string("libzip: set entry attributes: ") + zip_strerror(za);
      zip_discard(za);
      throw std::runtime_error(msg);
    }
  }
  if (zip_close(za) < 0) {
    std::string msg = std::string("libzip: close: ") + zip_strerror(za);
    zip_discard(za);
    throw std::runtime_error(msg);
  }

  zip_stat_t st;
  if (zip_source_stat(mem.get(), &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
    throw std::runtime_error("libzip: cannot stat the archive buffer");
  std::string out(static_cast<size_t>(st.size), '\0');
  if (zip_source_open(mem.get()) < 0) throw std::runtime_error("libzip: cannot open the archive buffer");
  const zip_int64_t n = zip_source_read(mem.get(), out.data(), out.size());
  zip_source_close(mem.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw std::runtime_error("libzip: short read");
  zip_error_fini(&err);
  return out;
}

std::vector<std::pair<std::string, std::string>> unzip_package(const std::string& zip_bytes,
                                                               size_t max_total_bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &err);
  if (!src) fail("create buffer", &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_source_free(src);
    fail("open", &err);
  }
  zip_error_fini(&err);
  std::unique_ptr<zip_t, int (*)(zip_t*)> guard(za, zip_close);  // also frees src
  std::vector<std::pair<std::string, std::string>> out;
  size_t total = 0;
  const zip_int64_t count = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) < 0)
      throw std::runtime_error(std::string("libzip: stat: ") + zip_strerror(za));
    const std::string name = st.name;
    if (!safe_name(name)) throw std::runtime_error("unsafe entry name in zip: " + name);
    total += static_cast<size_t>(st.size);
    if (total > max_total_bytes) throw std::runtime_error("zip expands beyond the size limit");
    zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
    if (!f) throw std::runtime_error("libzip: open entry " + name + ": " + zip_strerror(za));
    std::string data(static_cast<size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(f, data.data(), data.size());
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw std::runtime_error("libzip: short read of " + name);
    out.emplace_back(name, std::move(data));
  }
  return out;
}

}  // namespace gw::docx
