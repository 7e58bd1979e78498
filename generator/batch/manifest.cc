#include "batch/manifest.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/diagnostic.h"
#include "base/files.h"

namespace gw::batch {
namespace {

using nlohmann::ordered_json;

ordered_json to_json(const FileEntry& e) {
  ordered_json j;
  j["file"] = e.file;
  j["kind"] = e.kind;
  j["province"] = e.province;
  j["title"] = e.title;
  j["pages"] = e.pages;
  j["sha256"] = e.sha256;
  j["bytes"] = e.bytes;
  j["inputs"] = e.fingerprint;
  return j;
}

FileEntry file_from(const nlohmann::json& j) {
  FileEntry e;
  e.file = j.value("file", "");
  e.kind = j.value("kind", "");
  e.province = j.value("province", "");
  e.title = j.value("title", "");
  e.pages = j.value("pages", 0);
  e.sha256 = j.value("sha256", "");
  e.bytes = j.value("bytes", 0LL);
  e.fingerprint = j.value("inputs", "");
  return e;
}

// RFC 4180: quote every field that needs it, double the quotes inside.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string manifest_json(const Manifest& m) {
  // Written element by element rather than as one JSON tree: the tree of a batch of 16,000 files
  // was 40 MB, the largest thing the batch held. The text is what dump(2) of the tree would give.
  std::string out = "{\n  \"generator\": \"gongwen batch\"";
  if (!m.generated.empty()) out += ",\n  \"generated\": " + ordered_json(m.generated).dump();
  // "name": [ elements ], each element an object dumped at the depth of the array's items.
  auto array = [&out](const char* name, size_t count, const auto& element) {
    out += ",\n  \"";
    out += name;
    out += "\": [";
    if (count == 0) {
      out += "]";
      return;
    }
    for (size_t i = 0; i < count; ++i) {
      std::string item = element(i).dump(2);
      out += i == 0 ? "\n    " : ",\n    ";
      // Nested two levels deeper than dump(2) put it: a JSON string holds no raw line break.
      for (char c : item) {
        out += c;
        if (c == '\n') out += "    ";
      }
    }
    out += "\n  ]";
  };
  array("packets", m.packets.size(), [&m](size_t i) {
    const auto& p = m.packets[i];
    ordered_json o;
    o["province"] = p.province;
    o["recommender"] = p.recommender;
    o["wenhao"] = p.wenhao;
    o["wenhao_source"] = p.wenhao_source;
    o["print_file"] = p.merged_file;
    o["documents"] = p.documents;
    o["pages"] = p.pages;
    o["blank_pages"] = p.blank_pages;
    o["complete"] = p.complete;
    return o;
  });
  array("files", m.files.size(), [&m](size_t i) { return to_json(m.files[i]); });
  array("problems", m.problems.size(), [&m](size_t i) {
    const auto& p = m.problems[i];
    ordered_json o;
    o["file"] = p.file;
    o["line"] = p.line;
    o["province"] = p.province;
    o["severity"] = p.severity;
    o["message"] = p.message;
    o["clause"] = p.clause;
    return o;
  });
  out += "\n}\n";
  return out;
}

std::string manifest_csv(const Manifest& m) {
  std::string out = "file,kind,province,title,pages,sha256,bytes\r\n";
  for (const auto& f : m.files)
    out += csv_field(f.file) + "," + f.kind + "," + csv_field(f.province) + "," + csv_field(f.title) + "," +
           std::to_string(f.pages) + "," + f.sha256 + "," + std::to_string(f.bytes) + "\r\n";
  return out;
}

Earlier read_earlier(const std::string& out_dir) {
  namespace fs = std::filesystem;
  Earlier e;
  fs::path manifest = fs::path(out_dir) / kManifestJson;
  if (fs::exists(manifest)) {
    auto j = nlohmann::json::parse(read_file(manifest.string()), nullptr, false);
    if (j.is_discarded())
      throw InputError(SourceLoc{manifest.string()}, "the manifest of the earlier run is not valid JSON",
                       "remove it (and run without --resume) to render everything again");
    for (const auto& f : j.value("files", nlohmann::json::array())) {
      FileEntry fe = file_from(f);
      e.files[fe.file] = fe;
    }
    for (const auto& p : j.value("packets", nlohmann::json::array()))
      if (p.value("wenhao_source", "") == "archive" && !p.value("wenhao", "").empty())
        e.wenhao[p.value("province", "")] = p.value("wenhao", "");
  }
  fs::path journal = fs::path(out_dir) / kJournal;
  if (fs::exists(journal)) {
    std::istringstream in(read_file(journal.string()));
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;  // a line torn by a kill
      if (j.contains("wenhao"))
        e.wenhao[j.value("province", "")] = j.value("wenhao", "");
      else
        e.files[j.value("file", "")] = file_from(j);
    }
  }
  return e;
}

Journal::Journal(const std::string& out_dir, bool truncate) : path_((std::filesystem::path(out_dir) / kJournal).string()) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0644);
  if (fd_ < 0)
    throw InputError(SourceLoc{path_}, std::string("cannot write the batch journal: ") + std::strerror(errno),
                     "check that the output folder is writable");
}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::line(const std::string& s) {
  std::string l = s + "\n";
  if (::write(fd_, l.data(), l.size()) != static_cast<ssize_t>(l.size()))
    throw InputError(SourceLoc{path_}, std::string("cannot write the batch journal: ") + std::strerror(errno));
}

void Journal::add(const FileEntry& e) { line(to_json(e).dump()); }

void Journal::add_wenhao(const std::string& province, const std::string& wenhao) {
  ordered_json j;
  j["province"] = province;
  j["wenhao"] = wenhao;
  line(j.dump());
}

void Journal::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::remove(path_.c_str());
}

}  // namespace gw::batch
