// What a batch run wrote: every output file with its page count and SHA-256, as manifest.json and
// manifest.csv in the output folder, plus a journal (one JSON line per finished file, appended as
// each file is committed) so that a run that was killed still tells --resume what it finished.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gw::batch {

struct FileEntry {
  std::string file;         // relative to the output folder
  std::string kind;         // letter, attachment5, application, merged, letter-docx
  std::string province;
  std::string title;
  int pages = 0;            // 0 for DOCX
  std::string sha256;
  long long bytes = 0;
  std::string fingerprint;  // of the inputs (packet.h)
};

struct PacketEntry {
  std::string province, recommender, wenhao, wenhao_source, merged_file;
  int documents = 0, pages = 0, blank_pages = 0;
  bool complete = false;  // every document and the print file were written
};

struct ProblemEntry {
  std::string file;
  int line = 0;
  std::string province, severity, message, clause;
};

struct Manifest {
  std::vector<PacketEntry> packets;
  std::vector<FileEntry> files;  // in plan order
  std::vector<ProblemEntry> problems;
  std::string generated;         // ISO time with --timestamp, else empty (and left out)
};

inline constexpr const char* kManifestJson = "manifest.json";
inline constexpr const char* kManifestCsv = "manifest.csv";
inline constexpr const char* kJournal = ".gongwen-batch-journal";

std::string manifest_json(const Manifest& m);
std::string manifest_csv(const Manifest& m);

// What an earlier run left in `out_dir` (manifest.json, then the journal's lines, later lines
// winning): finished files by name, and the 文号 each province's letter took from the archive.
struct Earlier {
  std::map<std::string, FileEntry> files;
  std::map<std::string, std::string> wenhao;  // province -> 文号
};
Earlier read_earlier(const std::string& out_dir);

// Appends one line to the journal with a single write(2) on an O_APPEND descriptor: a kill leaves
// at most a torn last line, which read_earlier ignores.
class Journal {
 public:
  Journal(const std::string& out_dir, bool truncate);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  void add(const FileEntry& e);
  void add_wenhao(const std::string& province, const std::string& wenhao);
  void remove();  // after the manifest is written

 private:
  void line(const std::string& s);
  std::string path_;
  int fd_ = -1;
};

}  // namespace gw::batch
