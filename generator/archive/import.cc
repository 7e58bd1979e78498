// `archive import`: past notices from files into the archive. Each file is recognised (recognise.h),
// stored under its hash (on a second thread, file_store.h) and inserted in batches of
// ImportOptions::batch documents per transaction, the stored files written and synced before each
// COMMIT: a process killed mid-import leaves only whole records, and rerunning the import skips what is
// already in (same content hash) and finishes the rest.
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/file_store.h"
#include "archive/recognise.h"
#include "archive/sqlite_db.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "text/wenhao.h"

#include <chrono>
#include <deque>
#include <memory>
#include <ctime>

namespace gw::archive {
namespace {

std::string now_iso_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// One import: documents go in one by one and are committed in batches; the stored files of a batch
// are written (second thread) and synced before its COMMIT. The caller's bytes are kept until then.
class ImportSession {
 public:
  ImportSession(Db& db, const std::string& dir, const ImportOptions& options)
      : db_(db),
        options_(options),
        store_(dir),
        seen_(db, "SELECT id, coalesce(wenhao,''), title FROM documents WHERE content_sha256 = ?1"),
        ins_(db,
             "INSERT INTO documents(wenhao, agency, year, serial, is_order, title, issuers, date, recipients, cc, "
             "attachments, body, source_format, content_sha256, origin, created) "
             "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,'imported',?15)"),
        file_(db, "INSERT INTO files(document_id, sha256, path, role, name, size) VALUES(?1,?2,?3,'import',?4,?5)"),
        // Indexed by this statement rather than a trigger: no statement savepoint, so FTS5 keeps the
        // batch's terms in memory and writes them as a few large segments (schema.cc).
        fts_(db, "INSERT INTO doc_fts(rowid, title, body) VALUES(?1, ?2, ?3)") {
    // In WAL mode synchronous=NORMAL still commits batches atomically (a kill or crash loses at most
    // the batch in flight, and a rerun redoes it). The log is folded back into archive.db only when it
    // reaches kCheckpointPages and at the end, not at every COMMIT.
    db_.exec("PRAGMA synchronous=NORMAL");
    db_.exec("PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointPages));
    tx_ = std::make_unique<Transaction>(db_, true);
  }

  ~ImportSession() {
    // On an exception the batch's rows are rolled back first, then the writer stops (its files, if
    // any, are content-addressed copies nothing points at).
    tx_.reset();
    sqlite3_exec(db_.get(), "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
    sqlite3_exec(db_.get(), "PRAGMA wal_autocheckpoint=1000", nullptr, nullptr, nullptr);
  }

  ImportResult add(const std::string& name, std::string bytes) {
    ImportResult r;
    r.path = name;
    std::string sha = sha256_hex(bytes);
    seen_.bind(1, sha);
    if (seen_.step()) {
      r.duplicate = true;
      r.id = seen_.integer(0);
      r.wenhao = seen_.text(1);
      r.title = seen_.text(2);
      seen_.reset();
      return r;
    }
    seen_.reset();
    RecognisedNotice n;
    try {
      n = recognise_notice(extract_text(name, bytes));
    } catch (const InputError& e) {
      r.error = e.diagnostic().message;
      return r;
    }
    StoredFile f = stored_file(sha, static_cast<long long>(bytes.size()), name, "import");
    held_bytes_ += bytes.size();
    held_.push_back(std::move(bytes));
    store_.add(held_.back(), f);
    std::optional<text::Wenhao> w;
    if (!n.wenhao.empty()) w = text::parse_wenhao(n.wenhao);
    if (w) {
      ins_.bind(1, w->canonical).bind_opt(2, w->agency).bind(4, w->serial).bind(5, w->is_order ? 1 : 0);
      if (w->year) ins_.bind(3, w->year); else ins_.bind_null(3);
    } else {
      ins_.bind_null(1).bind_null(2).bind_null(3).bind_null(4).bind(5, 0);
    }
    std::vector<std::string> issuers;
    if (!n.issuer.empty()) issuers.push_back(n.issuer);
    ins_.bind(6, n.title).bind(7, nlohmann::json(issuers).dump()).bind_opt(8, n.date).bind(9, n.recipients);
    ins_.bind(10, n.cc).bind(11, nlohmann::json(n.attachments).dump()).bind(12, n.text);
    std::string ext = file_extension_lower(name);
    ins_.bind(13, ext.empty() ? std::string("txt") : ext.substr(1)).bind(14, sha).bind(15, now_iso_utc());
    ins_.run();
    ins_.reset();
    r.id = db_.last_insert_rowid();
    fts_.bind(1, r.id).bind(2, n.title).bind(3, n.text);
    fts_.run();
    fts_.reset();
    file_.bind(1, r.id).bind(2, f.sha256).bind(3, f.path).bind(4, f.name).bind(5, f.size);
    file_.run();
    file_.reset();
    r.wenhao = w ? w->canonical : std::string();
    r.title = n.title;
    r.missing = n.missing;
    if (++in_batch_ >= std::max(1, options_.batch) || held_bytes_ >= kMaxHeldBytes) commit();
    return r;
  }

  void finish() {
    commit();
    tx_.reset();
    // Fold the write-ahead log back into archive.db so it does not stay large after the import.
    sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  }

 private:
  // A batch's files are held in memory until its COMMIT; a batch of large PDFs commits early.
  static constexpr size_t kMaxHeldBytes = 64u << 20;
  static constexpr int kCheckpointPages = 65536;  // 256 MB of 4 KB pages

  void commit() {
    store_.flush();  // the batch's files are on disk before the rows that point at them
    tx_->commit();
    tx_ = std::make_unique<Transaction>(db_, true);
    in_batch_ = 0;
    held_.clear();
    held_bytes_ = 0;
  }

  Db& db_;
  const ImportOptions& options_;
  // The batch's bytes, read by the writer thread; a deque keeps earlier elements in place on
  // push_back. Declared before store_ so that the writer has stopped before they are freed.
  std::deque<std::string> held_;
  size_t held_bytes_ = 0;
  StoreWriter store_;
  Stmt seen_, ins_, file_, fts_;
  std::unique_ptr<Transaction> tx_;
  int in_batch_ = 0;
};

}  // namespace

std::vector<ImportResult> Archive::import_paths(const std::vector<std::string>& paths, const ImportOptions& options) {
  // Files are read one at a time: a large import never holds more than a batch in memory.
  std::vector<ImportResult> results;
  results.reserve(paths.size());
  ImportSession session(*db_, dir_, options);
  for (const auto& path : paths) {
    std::string bytes;
    try {
      bytes = read_file(path);
    } catch (const InputError& e) {
      ImportResult r;
      r.path = path;
      r.error = e.diagnostic().message;
      results.push_back(r);
      continue;
    }
    results.push_back(session.add(path, std::move(bytes)));
  }
  session.finish();
  return results;
}

std::vector<ImportResult> Archive::import_buffers(const std::vector<std::pair<std::string, std::string>>& named,
                                                  const ImportOptions& options) {
  std::vector<ImportResult> results;
  results.reserve(named.size());
  ImportSession session(*db_, dir_, options);
  for (const auto& [name, bytes] : named) results.push_back(session.add(name, bytes));
  session.finish();
  return results;
}

}  // namespace gw::archive
