// The archive of issued documents (发文登记): a folder holding archive.db (SQLite in WAL mode, FTS5
// full-text index in Chinese) and files/, where every stored file is kept under its SHA-256. It
// registers what `gongwen render` issues, allocates 文号 serials without races, imports past notices,
// searches them, and checks itself (gaps in the numbering, altered files).
//
// The API takes plain fields so that callers other than the renderer (import, scripts) can use it; the
// Notice overload at the end is the renderer's convenience.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gw::model {
struct Notice;
}

namespace gw::archive {

class Db;

// A file kept in files/ under its hash.
struct StoredFile {
  std::string sha256;
  std::string path;  // relative to the archive folder, e.g. files/ab/abcdef….pdf
  std::string role;  // "pdf", "docx", "source", "import"
  std::string name;  // original file name
  long long size = 0;
};

// What the caller knows about a document. Strings are UTF-8; empty means unknown.
struct NewDocument {
  std::string wenhao;  // any variant; stored canonical. Empty: a document without a number
  std::string title;
  std::vector<std::string> issuers;
  std::string date;  // ISO 2022-06-30 or as written (2022年6月30日)
  std::string recipients;
  std::string cc;
  std::vector<std::string> attachments;  // attachment titles
  std::string text;                      // the full text, indexed for search
  std::string source;                    // the source data (XML/JSON/text) the document was made from
  std::string source_format;             // "xml", "json", "txt", …
  std::vector<std::pair<std::string, std::string>> files;  // (path on disk, role) copied into files/
};

struct DocumentRecord {
  long long id = 0;
  std::string wenhao, agency;
  int year = 0;
  long serial = 0;
  bool is_order = false;
  std::string title;
  std::vector<std::string> issuers;
  std::string date, recipients, cc;
  std::vector<std::string> attachments;
  std::string text, source, source_format;
  std::string origin;  // "issued" (registered by render) or "imported"
  std::string created;
  std::vector<StoredFile> files;
};

struct SearchFilters {
  std::string wenhao;  // any variant of one 文号
  std::string agency;
  int year = 0;
  std::string from, to;  // ISO or 2022年1月1日; inclusive
  std::string issuer;    // substring of an issuer
};
enum class SortBy { Relevance, Date, Wenhao };

struct SearchHit {
  long long id = 0;
  std::string wenhao, title, date, snippet;
  std::vector<std::string> issuers;
  double score = 0;  // bm25 (lower is better); 0 without a text query
};

struct Gap {
  std::string agency;
  int year = 0;
  long max_serial = 0;
  std::vector<long> missing;     // serials 1..max neither reserved nor used
  std::vector<long> duplicates;  // serials held by more than one document
};

struct RegisterRow {
  std::string wenhao, title, issuers, date, recipients, status;  // status: 已发 / 已导入 / 预留 / 作废
};

struct VerifyProblem {
  std::string path, problem;  // "missing" or "altered (expected …, found …)"
};

struct ImportResult {
  std::string path;
  long long id = 0;
  bool duplicate = false;            // same content imported before: nothing written
  std::string wenhao, title;
  std::vector<std::string> missing;  // fields it could not find: 文号, 标题, 发文机关, 成文日期, 主送机关
  std::string error;                 // the file could not be read (nothing written for it)
};

struct ImportOptions {
  int batch = 500;  // documents per transaction: a kill loses at most one batch, never half a record
};

class Archive {
 public:
  // GONGWEN_ARCHIVE if set, else ./archive.
  static std::string default_dir();
  // Creates the folder, archive.db (WAL) and files/. Safe to run on an existing archive.
  static Archive init(const std::string& dir);
  // Opens an existing archive; InputError (with a hint to run `gongwen archive init`) if there is none.
  static Archive open(const std::string& dir);

  Archive(Archive&&) noexcept;
  Archive& operator=(Archive&&) noexcept;
  ~Archive();

  const std::string& dir() const { return dir_; }

  // Registers an issued document. InputError if the 文号 is already registered, unless replace.
  long long register_document(const NewDocument& doc, bool replace = false);

  // Reserves the next serial for agency+year in one IMMEDIATE transaction: concurrent processes never
  // get the same number.
  long next_number(const std::string& agency, int year);
  // Marks a reserved (or never taken) serial 作废; it stays in the register.
  void void_number(const std::string& agency, int year, long serial, const std::string& reason);

  std::vector<SearchHit> search(const std::string& query, const SearchFilters& filters, SortBy sort,
                                int limit = 20);
  // By 文号 in any variant, or by "#id".
  std::optional<DocumentRecord> show(const std::string& wenhao_or_id);
  std::vector<Gap> gaps(int year = 0);
  // Every document and every reserved or voided number: by 文号, then the documents without one by date.
  std::vector<RegisterRow> register_rows(int year = 0);
  std::vector<VerifyProblem> verify();

  // Imports past notices; one result per path. Unreadable formats are InputErrors naming the file.
  std::vector<ImportResult> import_paths(const std::vector<std::string>& paths, const ImportOptions& options = {});
  // The same from memory (the name decides the format by its extension).
  std::vector<ImportResult> import_buffers(const std::vector<std::pair<std::string, std::string>>& named,
                                           const ImportOptions& options = {});

  Db& db();

  // A text query with filters starts from the documents the filters leave when they leave fewer than
  // this many (search.cc). Tests set it to 0 or a large number to check that both plans find the same.
  void set_selective_candidates(int n) { selective_candidates_ = n; }

 private:
  Archive(std::string dir, std::unique_ptr<Db> db);
  std::string dir_;
  std::unique_ptr<Db> db_;
  int selective_candidates_ = 10000;
};

// The renderer's entry point: registers a rendered notice with its source data and output files.
long long register_notice(Archive& archive, const model::Notice& notice, const std::string& source,
                          const std::string& source_format, const std::vector<std::string>& output_files,
                          bool replace = false);

// 2022年6月30日 / 2022-6-30 / 2022.06.30 -> 2022-06-30; empty if it is not a date.
std::string iso_date(const std::string& text);

}  // namespace gw::archive
