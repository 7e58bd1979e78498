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

}  // namespace

std::vector<ImportResult> Archive::import_paths(const std::vector<std::string>& paths, const ImportOptions& options) {
  // Read lazily in batches so a large import does not hold every file in memory.
  std::vector<ImportResult> all;
  size_t chunk = static_cast<size_t>(std::max(1, options.batch));
  for (size_t b = 0; b < paths.size(); b += chunk) {
    std::vector<std::pair<std::string, std::string>> named;
    std::vector<ImportResult> unreadable;
    for (size_t i = b; i < std::min(paths.size(), b + chunk); ++i) {
      try {
        named.emplace_back(paths[i], read_file(paths[i]));
      } catch (const InputError& e) {
        ImportResult r;
        r.path = paths[i];
        r.error = e.diagnostic().message;
        unreadable.push_back(r);
      }
    }
    auto done = import_buffers(named, options);
    all.insert(all.end(), done.begin(), done.end());
    all.insert(all.end(), unreadable.begin(), unreadable.end());
  }
  return all;
}

std::vector<ImportResult> Archive::import_buffers(const std::vector<std::pair<std::string, std::string>>& named,
                                                  const ImportOptions& options) {
  std::vector<ImportResult> results;
  int batch = std::max(1, options.batch);
  // In WAL mode synchronous=NORMAL still commits batches atomically (a kill or crash loses at most the
  // batch in flight, and a rerun redoes it); checkpoints wait until the end instead of copying pages
  // back into archive.db while the import runs.
  db_->exec("PRAGMA synchronous=NORMAL");
  db_->exec("PRAGMA wal_autocheckpoint=0");
  struct Restore {
    Db& db;
    ~Restore() {
      sqlite3_exec(db.get(), "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
      sqlite3_exec(db.get(), "PRAGMA wal_autocheckpoint=1000", nullptr, nullptr, nullptr);
    }
  } restore{*db_};
  // Declared before the transaction: on an exception the rows are rolled back first, then the writer
  // stops (its files, if any, are content-addressed copies nothing points at).
  StoreWriter store(dir_);
  auto tx = std::make_unique<Transaction>(*db_, true);
  int in_batch = 0;
  Stmt seen(*db_, "SELECT id, coalesce(wenhao,''), title FROM documents WHERE content_sha256 = ?1");
  Stmt ins(*db_,
           "INSERT INTO documents(wenhao, agency, year, serial, is_order, title, issuers, date, recipients, cc, "
           "attachments, body, source_format, content_sha256, origin, created) "
           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,'imported',?15)");
  Stmt file(*db_, "INSERT INTO files(document_id, sha256, path, role, name, size) VALUES(?1,?2,?3,'import',?4,?5)");
  // Indexed by this statement rather than a trigger: no statement savepoint, so FTS5 keeps the batch's
  // terms in memory and writes them as a few large segments (schema.cc).
  Stmt fts(*db_, "INSERT INTO doc_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
  for (const auto& [name, bytes] : named) {
    ImportResult r;
    r.path = name;
    std::string sha = sha256_hex(bytes);
    seen.bind(1, sha);
    if (seen.step()) {
      r.duplicate = true;
      r.id = seen.integer(0);
      r.wenhao = seen.text(1);
      r.title = seen.text(2);
      seen.reset();
      results.push_back(r);
      continue;
    }
    seen.reset();
    RecognisedNotice n;
    try {
      n = recognise_notice(extract_text(name, bytes));
    } catch (const InputError& e) {
      r.error = e.diagnostic().message;
      results.push_back(r);
      continue;
    }
    StoredFile f = stored_file(sha, static_cast<long long>(bytes.size()), name, "import");
    store.add(bytes, f);
    std::optional<text::Wenhao> w;
    if (!n.wenhao.empty()) w = text::parse_wenhao(n.wenhao);
    if (w) {
      ins.bind(1, w->canonical).bind_opt(2, w->agency).bind(4, w->serial).bind(5, w->is_order ? 1 : 0);
      if (w->year) ins.bind(3, w->year); else ins.bind_null(3);
    } else {
      ins.bind_null(1).bind_null(2).bind_null(3).bind_null(4).bind(5, 0);
    }
    std::vector<std::string> issuers;
    if (!n.issuer.empty()) issuers.push_back(n.issuer);
    ins.bind(6, n.title).bind(7, nlohmann::json(issuers).dump()).bind_opt(8, n.date).bind(9, n.recipients);
    ins.bind(10, n.cc).bind(11, nlohmann::json(n.attachments).dump()).bind(12, n.text);
    std::string ext = file_extension_lower(name);
    ins.bind(13, ext.empty() ? std::string("txt") : ext.substr(1)).bind(14, sha).bind(15, now_iso_utc());
    ins.run();
    ins.reset();
    r.id = db_->last_insert_rowid();
    fts.bind(1, r.id).bind(2, n.title).bind(3, n.text);
    fts.run();
    fts.reset();
    file.bind(1, r.id).bind(2, f.sha256).bind(3, f.path).bind(4, f.name).bind(5, f.size);
    file.run();
    file.reset();
    r.wenhao = w ? w->canonical : std::string();
    r.title = n.title;
    r.missing = n.missing;
    results.push_back(r);
    if (++in_batch >= batch) {
      store.flush();  // the batch's files are on disk before the rows that point at them
      tx->commit();
      tx = std::make_unique<Transaction>(*db_, true);
      in_batch = 0;
    }
  }
  store.flush();
  tx->commit();
  // Fold the write-ahead log back into archive.db so it does not grow with large imports.
  sqlite3_wal_checkpoint_v2(db_->get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  return results;
}

}  // namespace gw::archive
