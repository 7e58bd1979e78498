// `archive import`: past notices from files into the archive. Each file is read, hashed and recognised
// (recognise.h) on a preparing thread ahead of the inserts (Prefetcher), stored under its hash on a
// third (file_store.h) and inserted, on the caller's thread, in batches of
// ImportOptions::batch documents per transaction, the stored files written and synced before each
// COMMIT: a process killed mid-import leaves only whole records, and rerunning the import skips what is
// already in (same content hash) and finishes the rest.
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/file_store.h"
#include "archive/recognise.h"
#include "archive/schema.h"
#include "archive/sqlite_db.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "text/wenhao.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace gw::archive {
namespace {

// What an import needs of one file apart from the database: read, hashed, recognised, its 文号
// parsed. Made on the preparing thread (Prefetcher) so that the inserting thread, SQLite's single
// writer, does nothing else.
struct Prepared {
  std::string name, bytes, sha;
  bool unreadable = false;  // error says why the file could not be read (no hash, no duplicate check)
  std::string error;        // unreadable, or not recognisable as a notice (reported unless a duplicate)
  RecognisedNotice notice;
  std::optional<text::Wenhao> wenhao;
  std::string issuers_json, attachments_json, format, created;
};

Prepared prepare(std::string name, std::string bytes) {
  Prepared p;
  p.name = std::move(name);
  p.bytes = std::move(bytes);
  p.sha = sha256_hex(p.bytes);
  try {
    p.notice = recognise_notice(extract_text(p.name, p.bytes));
  } catch (const InputError& e) {
    p.error = e.diagnostic().message;
    return p;
  }
  if (!p.notice.wenhao.empty()) p.wenhao = text::parse_wenhao(p.notice.wenhao);
  std::vector<std::string> issuers;
  if (!p.notice.issuer.empty()) issuers.push_back(p.notice.issuer);
  p.issuers_json = nlohmann::json(issuers).dump();
  p.attachments_json = nlohmann::json(p.notice.attachments).dump();
  std::string ext = file_extension_lower(p.name);
  p.format = ext.empty() ? std::string("txt") : ext.substr(1);
  p.created = now_iso();
  return p;
}

// Prepares files 0…n-1 in order on a second thread, a bounded distance ahead of the inserts (a
// folder of large PDFs is not read into memory all at once). Reading, hashing and recognising were
// a quarter of the inserting thread's time (perf, bench/archive_bench.sh). An exception from make()
// other than a file's own error stops the preparing and is rethrown by next() in its place.
class Prefetcher {
 public:
  Prefetcher(size_t n, std::function<Prepared(size_t)> make) : n_(n), make_(std::move(make)) {
    thread_ = std::thread([this] { run(); });
  }
  ~Prefetcher() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    space_.notify_all();
    thread_.join();
  }
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;

  Prepared next() {
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return !queue_.empty() || failure_; });
    if (queue_.empty()) std::rethrow_exception(failure_);
    Prepared p = std::move(queue_.front());
    queue_.pop_front();
    queued_bytes_ -= p.bytes.size();
    lock.unlock();
    space_.notify_one();
    return p;
  }

 private:
  static constexpr size_t kAheadFiles = 64;
  static constexpr size_t kAheadBytes = 64u << 20;

  void run() {
    for (size_t i = 0; i < n_; ++i) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        space_.wait(lock, [&] { return stop_ || (queue_.size() < kAheadFiles && queued_bytes_ < kAheadBytes); });
        if (stop_) return;
      }
      try {
        Prepared p = make_(i);
        std::lock_guard<std::mutex> lock(mu_);
        queued_bytes_ += p.bytes.size();
        queue_.push_back(std::move(p));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu_);
        failure_ = std::current_exception();
        ready_.notify_one();
        return;
      }
      ready_.notify_one();
    }
  }

  const size_t n_;
  std::function<Prepared(size_t)> make_;
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<Prepared> queue_;
  size_t queued_bytes_ = 0;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started once the members above exist
};

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

  ImportResult add(Prepared p) {
    ImportResult r;
    r.path = p.name;
    if (p.unreadable) {
      r.error = std::move(p.error);
      return r;
    }
    seen_.bind(1, p.sha);
    if (seen_.step()) {
      r.duplicate = true;
      r.id = seen_.integer(0);
      r.wenhao = seen_.text(1);
      r.title = seen_.text(2);
      seen_.reset();
      return r;
    }
    seen_.reset();
    if (!p.error.empty()) {
      r.error = std::move(p.error);
      return r;
    }
    const RecognisedNotice& n = p.notice;
    StoredFile f = stored_file(p.sha, static_cast<long long>(p.bytes.size()), p.name, "import");
    held_bytes_ += p.bytes.size();
    held_.push_back(std::move(p.bytes));
    store_.add(held_.back(), f);
    const std::optional<text::Wenhao>& w = p.wenhao;
    if (w) {
      ins_.bind(1, w->canonical).bind_opt(2, w->agency).bind(4, w->serial).bind(5, w->is_order ? 1 : 0);
      if (w->year) ins_.bind(3, w->year); else ins_.bind_null(3);
    } else {
      ins_.bind_null(1).bind_null(2).bind_null(3).bind_null(4).bind(5, 0);
    }
    ins_.bind(6, n.title).bind(7, p.issuers_json).bind_opt(8, n.date).bind(9, n.recipients);
    ins_.bind(10, n.cc).bind(11, p.attachments_json).bind(12, n.text);
    ins_.bind(13, p.format).bind(14, p.sha).bind(15, p.created);
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
  std::vector<ImportResult> results;
  results.reserve(paths.size());
  ImportSession session(*db_, dir_, options);
  Prefetcher ahead(paths.size(), [&paths](size_t i) {
    std::string bytes;
    try {
      bytes = read_file(paths[i]);
    } catch (const InputError& e) {
      Prepared p;
      p.name = paths[i];
      p.unreadable = true;
      p.error = e.diagnostic().message;
      return p;
    }
    return prepare(paths[i], std::move(bytes));
  });
  for (size_t i = 0; i < paths.size(); ++i) results.push_back(session.add(ahead.next()));
  session.finish();
  return results;
}

std::vector<ImportResult> Archive::import_buffers(const std::vector<std::pair<std::string, std::string>>& named,
                                                  const ImportOptions& options) {
  std::vector<ImportResult> results;
  results.reserve(named.size());
  ImportSession session(*db_, dir_, options);
  Prefetcher ahead(named.size(), [&named](size_t i) { return prepare(named[i].first, named[i].second); });
  for (size_t i = 0; i < named.size(); ++i) results.push_back(session.add(ahead.next()));
  session.finish();
  return results;
}

}  // namespace gw::archive
