// Schema of archive.db. documents holds one row per document (issued by render, or imported);
// files the stored files by SHA-256; reservations every serial ever taken (reserved, used, void), which
// is what next_number counts from. doc_fts is an external-content FTS5 index over documents, so
// snippet() can read the text back without storing it twice.
//
// New rows are indexed by the code that inserts them (index_document), not by an AFTER INSERT trigger:
// a statement that fires a trigger runs inside a statement savepoint, and FTS5 (SQLite 3.40) flushes
// its pending terms to a new index segment at every savepoint — one segment per document, merged over
// and over, which was half the cost of an import. Deletes and updates are rare and keep their triggers.
#include "archive/schema.h"

#include "archive/sqlite_db.h"
#include "base/diagnostic.h"

#include <chrono>
#include <ctime>

namespace gw::archive {

namespace {
int user_version(Db& db) {
  Stmt q(db, "PRAGMA user_version");
  return q.step() ? static_cast<int>(q.integer(0)) : 0;
}
}  // namespace

void create_schema(Db& db) {
  Transaction tx(db, true);
  const bool schema1 = user_version(db) == 1;
  db.exec(R"SQL(
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  wenhao TEXT,                       -- canonical 文号; NULL when the document has none
  agency TEXT, year INTEGER, serial INTEGER,
  is_order INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  issuers TEXT NOT NULL DEFAULT '[]',      -- JSON array
  date TEXT,                               -- ISO yyyy-mm-dd
  recipients TEXT NOT NULL DEFAULT '',
  cc TEXT NOT NULL DEFAULT '',
  attachments TEXT NOT NULL DEFAULT '[]',  -- JSON array of titles
  body TEXT NOT NULL DEFAULT '',
  source TEXT, source_format TEXT,
  content_sha256 TEXT,                     -- imported file's hash: importing it again is a no-op
  origin TEXT NOT NULL CHECK(origin IN ('issued', 'imported')),
  created TEXT NOT NULL);
-- Registering the same 文号 twice is an error; imported copies may repeat one (gaps reports them).
CREATE UNIQUE INDEX IF NOT EXISTS documents_issued_wenhao ON documents(wenhao) WHERE origin = 'issued';
CREATE UNIQUE INDEX IF NOT EXISTS documents_content ON documents(content_sha256) WHERE content_sha256 IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_number ON documents(agency, year, serial);
CREATE INDEX IF NOT EXISTS documents_wenhao ON documents(wenhao);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS documents_year ON documents(year);  -- schema 3 (search.cc)
CREATE TABLE IF NOT EXISTS files(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL, path TEXT NOT NULL, role TEXT NOT NULL, name TEXT, size INTEGER);
CREATE INDEX IF NOT EXISTS files_document ON files(document_id);
CREATE TABLE IF NOT EXISTS reservations(
  id INTEGER PRIMARY KEY,
  agency TEXT NOT NULL, year INTEGER NOT NULL, serial INTEGER NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('reserved', 'used', 'void')),
  reason TEXT, time TEXT NOT NULL,
  UNIQUE(agency, year, serial));
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
  title, body, content='documents', content_rowid='id', tokenize='gw_cjk');
DROP TRIGGER IF EXISTS documents_ai;  -- schema 1 indexed inserts by trigger (see above)
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO doc_fts(doc_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE OF title, body ON documents BEGIN
  INSERT INTO doc_fts(doc_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO doc_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
)SQL");
  // Schema 1 also indexed ICU dictionary words; FTS5's integrity-check (archive verify) compares the
  // index with a fresh tokenization, so the index is rebuilt once with today's tokens.
  if (schema1) db.exec("INSERT INTO doc_fts(doc_fts) VALUES('rebuild')");
  // Schema 4: FTS5 merges its index segments 16 at a time (default 4) and forces a merge at 64 on one
  // level (default 16). Each merge rewrites the segments it takes, so with the defaults a 100,000-
  // document import spent more time rewriting the index than adding to it; bench/archive_bench.sh:
  // 1,470 -> 1,860 documents/s, search p95 7 -> 10 ms (more segments to look in), same index size.
  db.exec("INSERT INTO doc_fts(doc_fts, rank) VALUES('automerge', 16)");
  db.exec("INSERT INTO doc_fts(doc_fts, rank) VALUES('crisismerge', 64)");
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  tx.commit();
}

std::string now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void index_document(Db& db, long long id, std::string_view title, std::string_view body) {
  Stmt ins(db, "INSERT INTO doc_fts(rowid, title, body) VALUES(?1, ?2, ?3)");
  ins.bind(1, id).bind(2, title).bind(3, body).run();
}

void check_schema(Db& db, const std::string& db_path) {
  int v = user_version(db);
  if (v == kSchemaVersion) return;
  if (v >= 1 && v < kSchemaVersion) {
    // Older schemas lack what create_schema adds with IF NOT EXISTS (schema 2 the year index; schema 1
    // also had the insert trigger and ICU dictionary words, which create_schema drops and re-indexes).
    // Several processes may open the archive at once: create_schema reads the version again under the
    // write lock, so only the first one rebuilds.
    create_schema(db);
    return;
  }
  if (v > kSchemaVersion)
    throw InputError(SourceLoc{db_path}, "this archive was made by a newer gongwen (schema " + std::to_string(v) + ")",
                     "use the gongwen version that created it");
  throw InputError(SourceLoc{db_path}, "this is not a gongwen archive (schema version " + std::to_string(v) + ")",
                   "run `gongwen archive init` in an empty folder");
}

}  // namespace gw::archive
