// Archive folder, schema, registration, 文号 allocation, lookups, gaps, the register and verification
// (see archive.h). Search is in search.cc, import in import.cc.
#include "archive/archive.h"

#include <unicode/coll.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "archive/cjk_tokenizer.h"
#include "archive/file_store.h"
#include "archive/schema.h"
#include "archive/sqlite_db.h"
#include "base/diagnostic.h"
#include "base/files.h"
#include "base/utf8.h"
#include "model/notice.h"
#include "text/wenhao.h"

namespace gw::archive {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 30000;  // writers queue behind BEGIN IMMEDIATE instead of failing

int zh_collate(void*, int na, const void* a, int nb, const void* b) {
  static const std::unique_ptr<icu::Collator> coll = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("zh"), st));
    if (U_FAILURE(st)) c.reset();
    return c;
  }();
  std::string_view sa(static_cast<const char*>(a), static_cast<size_t>(na));
  std::string_view sb(static_cast<const char*>(b), static_cast<size_t>(nb));
  if (coll) {
    UErrorCode st = U_ZERO_ERROR;
    auto r = coll->compareUTF8(icu::StringPiece(sa.data(), static_cast<int32_t>(sa.size())),
                               icu::StringPiece(sb.data(), static_cast<int32_t>(sb.size())), st);
    if (U_SUCCESS(st) && r != UCOL_EQUAL) return r == UCOL_LESS ? -1 : 1;
  }
  return sa.compare(sb) < 0 ? -1 : (sa == sb ? 0 : 1);
}

void configure(Db& db) {
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys=ON");
  // A larger page cache and memory-mapped reads: FTS5 segment merges and queries touch many pages.
  db.exec("PRAGMA cache_size=-32768");
  db.exec("PRAGMA mmap_size=268435456");
  register_cjk_tokenizer(db.get());
  if (sqlite3_create_collation_v2(db.get(), "gw_zh", SQLITE_UTF8, nullptr, zh_collate, nullptr) != SQLITE_OK)
    db.fail("cannot register collation gw_zh");
}

std::vector<std::string> json_list(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (j.is_array())
    for (auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

text::Wenhao parse_or_throw(const std::string& s) {
  std::string why;
  auto w = text::parse_wenhao(s, &why);
  if (!w) throw InputError(SourceLoc{}, why, "a 文号 looks like 国发〔2022〕12号");
  return *w;
}

}  // namespace

std::string Archive::default_dir() {
  const char* env = std::getenv("GONGWEN_ARCHIVE");
  return env && *env ? std::string(env) : std::string("archive");
}

Archive::Archive(std::string dir, std::unique_ptr<Db> db) : dir_(std::move(dir)), db_(std::move(db)) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;
Db& Archive::db() { return *db_; }

Archive Archive::init(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "files", ec);
  if (ec) throw InputError(SourceLoc{dir}, "cannot create the archive folder: " + ec.message());
  auto db = std::make_unique<Db>((fs::path(dir) / "archive.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  configure(*db);
  // WAL: readers never block the writer, and a killed writer leaves the last committed state.
  db->exec("PRAGMA journal_mode=WAL");
  create_schema(*db);
  return Archive(dir, std::move(db));
}

Archive Archive::open(const std::string& dir) {
  fs::path p = fs::path(dir) / "archive.db";
  std::error_code ec;
  if (!fs::exists(p, ec))
    throw InputError(SourceLoc{dir}, "no archive here (" + p.string() + " does not exist)",
                     "create it with `gongwen archive init --archive " + dir + "` or set GONGWEN_ARCHIVE");
  try {
    auto db = std::make_unique<Db>(p.string(), SQLITE_OPEN_READWRITE);
    configure(*db);
    check_schema(*db, p.string());
    return Archive(dir, std::move(db));
  } catch (const SqliteError& e) {
    // A damaged or foreign file is the user's to fix, not a bug in gongwen.
    throw InputError(SourceLoc{p.string()}, std::string("cannot open the archive: ") + e.what(),
                     "restore archive.db from a backup, or create a new archive with `gongwen archive init`");
  }
}

long long Archive::register_document(const NewDocument& doc, bool replace) {
  std::optional<text::Wenhao> w;
  if (!doc.wenhao.empty()) w = parse_or_throw(doc.wenhao);
  std::string date = doc.date.empty() ? std::string() : iso_date(doc.date);
  if (!doc.date.empty() && date.empty())
    throw InputError(SourceLoc{}, "成文日期 \"" + doc.date + "\" is not a date", "write it as 2022年6月30日");
  // Files first (synced): a row never points at a file that is not on disk.
  std::vector<StoredFile> stored;
  for (const auto& [path, role] : doc.files) stored.push_back(store_bytes(dir_, read_file(path), path, role));

  Transaction tx(*db_, true);
  if (w) {
    Stmt q(*db_, "SELECT id, title FROM documents WHERE wenhao = ?1 AND origin = 'issued'");
    q.bind(1, w->canonical);
    if (q.step()) {
      if (!replace)
        throw InputError(SourceLoc{}, "文号 " + w->canonical + " is already registered (#" + q.text(0) + " " + q.text(1) + ")",
                         "use --replace to register the document again under the same number");
      Stmt del(*db_, "DELETE FROM documents WHERE id = ?1");
      del.bind(1, q.integer(0)).run();
    }
    if (!w->is_order) {
      Stmt v(*db_, "SELECT status, reason FROM reservations WHERE agency=?1 AND year=?2 AND serial=?3");
      v.bind(1, w->agency).bind(2, w->year).bind(3, w->serial);
      if (v.step() && v.text(0) == "void")
        throw InputError(SourceLoc{}, "文号 " + w->canonical + " was voided (作废: " + v.text(1) + ")",
                         "take a new number with `gongwen archive next " + w->agency + " --year " +
                             std::to_string(w->year) + "`");
    }
  }
  Stmt ins(*db_,
           "INSERT INTO documents(wenhao, agency, year, serial, is_order, title, issuers, date, recipients, cc, "
           "attachments, body, source, source_format, origin, created) "
           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,'issued',?15)");
  if (w) {
    ins.bind(1, w->canonical).bind_opt(2, w->agency).bind(5, w->is_order ? 1 : 0).bind(4, w->serial);
    if (w->year) ins.bind(3, w->year); else ins.bind_null(3);
  } else {
    ins.bind_null(1).bind_null(2).bind_null(3).bind_null(4).bind(5, 0);
  }
  ins.bind(6, doc.title).bind(7, nlohmann::json(doc.issuers).dump()).bind_opt(8, date).bind(9, doc.recipients);
  ins.bind(10, doc.cc).bind(11, nlohmann::json(doc.attachments).dump()).bind(12, doc.text).bind(13, doc.source);
  ins.bind(14, doc.source_format).bind(15, now_iso());
  ins.run();
  long long id = db_->last_insert_rowid();
  index_document(*db_, id, doc.title, doc.text);
  Stmt f(*db_, "INSERT INTO files(document_id, sha256, path, role, name, size) VALUES(?1,?2,?3,?4,?5,?6)");
  for (const auto& s : stored) {
    f.bind(1, id).bind(2, s.sha256).bind(3, s.path).bind(4, s.role).bind(5, s.name).bind(6, s.size);
    f.run();
    f.reset();
  }
  if (w && !w->is_order) {
    Stmt r(*db_,
           "INSERT INTO reservations(agency, year, serial, status, time) VALUES(?1,?2,?3,'used',?4) "
           "ON CONFLICT(agency, year, serial) DO UPDATE SET status='used'");
    r.bind(1, w->agency).bind(2, w->year).bind(3, w->serial).bind(4, now_iso()).run();
  }
  tx.commit();
  return id;
}

long Archive::next_number(const std::string& agency_in, int year) {
  std::string agency = trim(agency_in);
  if (agency.empty()) throw InputError(SourceLoc{}, "the agency code is empty", "e.g. gongwen archive next 国发 --year 2022");
  // The agency code must make a valid 文号 with this year.
  parse_or_throw(agency + "〔" + std::to_string(year) + "〕1号");
  // IMMEDIATE takes the write lock before reading the maximum: no other writer can read the same one.
  Transaction tx(*db_, true);
  Stmt q(*db_,
         "SELECT max(m) FROM (SELECT max(serial) AS m FROM reservations WHERE agency=?1 AND year=?2 "
         "UNION ALL SELECT max(serial) FROM documents WHERE agency=?1 AND year=?2 AND is_order=0)");
  q.bind(1, agency).bind(2, year);
  long next = 1;
  if (q.step() && !q.is_null(0)) next = static_cast<long>(q.integer(0)) + 1;
  Stmt ins(*db_, "INSERT INTO reservations(agency, year, serial, status, time) VALUES(?1,?2,?3,'reserved',?4)");
  ins.bind(1, agency).bind(2, year).bind(3, next).bind(4, now_iso()).run();
  tx.commit();
  return next;
}

void Archive::void_number(const std::string& agency, int year, long serial, const std::string& reason) {
  if (trim(reason).empty()) throw InputError(SourceLoc{}, "voiding a number needs a reason", "add --reason \"…\"");
  auto w = parse_or_throw(agency + "〔" + std::to_string(year) + "〕" + std::to_string(serial) + "号");
  Transaction tx(*db_, true);
  Stmt d(*db_, "SELECT id FROM documents WHERE wenhao=?1 AND origin='issued'");
  d.bind(1, w.canonical);
  if (d.step())
    throw InputError(SourceLoc{}, "文号 " + w.canonical + " is used by registered document #" + d.text(0),
                     "a number that was issued cannot be voided");
  Stmt up(*db_,
          "INSERT INTO reservations(agency, year, serial, status, reason, time) VALUES(?1,?2,?3,'void',?4,?5) "
          "ON CONFLICT(agency, year, serial) DO UPDATE SET status='void', reason=excluded.reason, time=excluded.time");
  up.bind(1, w.agency).bind(2, w.year).bind(3, w.serial).bind(4, reason).bind(5, now_iso()).run();
  tx.commit();
}

std::optional<DocumentRecord> Archive::show(const std::string& key) {
  std::string sql =
      "SELECT id, wenhao, agency, year, serial, is_order, title, issuers, date, recipients, cc, attachments, body, "
      "source, source_format, origin, created FROM documents ";
  std::unique_ptr<Stmt> q;
  if (!key.empty() && key[0] == '#') {
    long long id = std::atoll(key.c_str() + 1);
    q = std::make_unique<Stmt>(*db_, sql + "WHERE id = ?1");
    q->bind(1, id);
  } else {
    auto w = parse_or_throw(key);
    q = std::make_unique<Stmt>(*db_, sql + "WHERE wenhao = ?1 ORDER BY origin = 'issued' DESC, id LIMIT 1");
    q->bind(1, w.canonical);
  }
  if (!q->step()) return std::nullopt;
  DocumentRecord r;
  r.id = q->integer(0);
  r.wenhao = q->text(1);
  r.agency = q->text(2);
  r.year = static_cast<int>(q->integer(3));
  r.serial = static_cast<long>(q->integer(4));
  r.is_order = q->integer(5) != 0;
  r.title = q->text(6);
  r.issuers = json_list(q->text(7));
  r.date = q->text(8);
  r.recipients = q->text(9);
  r.cc = q->text(10);
  r.attachments = json_list(q->text(11));
  r.text = q->text(12);
  r.source = q->text(13);
  r.source_format = q->text(14);
  r.origin = q->text(15);
  r.created = q->text(16);
  Stmt f(*db_, "SELECT sha256, path, role, name, size FROM files WHERE document_id = ?1 ORDER BY id");
  f.bind(1, r.id);
  while (f.step()) r.files.push_back({f.text(0), f.text(1), f.text(2), f.text(3), f.integer(4)});
  return r;
}

std::vector<Gap> Archive::gaps(int year) {
  // Serials taken per agency+year: by documents (counted, to find duplicates) and by reservations.
  std::map<std::pair<std::string, int>, std::map<long, int>> docs, taken;
  Stmt q(*db_,
         "SELECT agency, year, serial, 1 FROM documents WHERE agency IS NOT NULL AND is_order=0 AND (?1=0 OR year=?1) "
         "UNION ALL SELECT agency, year, serial, 0 FROM reservations WHERE (?1=0 OR year=?1)");
  q.bind(1, year);
  while (q.step()) {
    auto key = std::make_pair(q.text(0), static_cast<int>(q.integer(1)));
    long serial = static_cast<long>(q.integer(2));
    taken[key][serial]++;
    if (q.integer(3)) docs[key][serial]++;
  }
  std::vector<std::pair<text::Wenhao, Gap>> out;
  for (auto& [key, serials] : taken) {
    Gap g;
    g.agency = key.first;
    g.year = key.second;
    g.max_serial = serials.rbegin()->first;
    for (long s = 1; s <= g.max_serial; ++s)
      if (!serials.count(s)) g.missing.push_back(s);
    for (auto& [s, n] : docs[key])
      if (n > 1) g.duplicates.push_back(s);
    text::Wenhao w;
    w.agency = g.agency;
    w.year = g.year;
    out.emplace_back(w, std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return text::compare_wenhao(a.first, b.first) < 0; });
  std::vector<Gap> gaps;
  for (auto& [w, g] : out) gaps.push_back(std::move(g));
  return gaps;
}

std::vector<RegisterRow> Archive::register_rows(int year) {
  // The register lists every issued document: numbered ones by 文号 (agency by collation, then year and
  // serial as numbers), then those without a 文号 by 成文日期 (undated last), which --year selects
  // by the year of that date since they have no 文号 year.
  Stmt q(*db_,
         "SELECT wenhao, title, issuers, date, recipients, "
         "  CASE origin WHEN 'issued' THEN '已发' ELSE '已导入' END, agency, year, serial, is_order, "
         "  wenhao IS NULL, date IS NULL, id "
         "FROM documents WHERE ?1=0 OR (wenhao IS NOT NULL AND year=?1) "
         "  OR (wenhao IS NULL AND date >= printf('%04d-01-01', ?1) AND date < printf('%04d-01-01', ?1 + 1)) "
         "UNION ALL "
         "SELECT agency || '〔' || year || '〕' || serial || '号', '', '[]', '', '', "
         "  CASE status WHEN 'void' THEN '作废' || coalesce('：' || reason, '') ELSE '预留' END, agency, year, serial, 0, "
         "  0, 0, 0 "
         "FROM reservations r WHERE status != 'used' AND (?1=0 OR year=?1) AND NOT EXISTS "
         "  (SELECT 1 FROM documents d WHERE d.agency=r.agency AND d.year=r.year AND d.serial=r.serial AND d.is_order=0) "
         "ORDER BY 11, 7 COLLATE gw_zh, 10, 8, 9, 12, 4, 13");
  q.bind(1, year);
  std::vector<RegisterRow> rows;
  while (q.step()) {
    std::string issuers;
    for (auto& s : json_list(q.text(2))) issuers += (issuers.empty() ? "" : "、") + s;
    rows.push_back({q.text(0), q.text(1), issuers, q.text(3), q.text(4), q.text(5)});
  }
  return rows;
}

std::vector<VerifyProblem> Archive::verify() {
  std::vector<VerifyProblem> out;
  {
    Stmt ic(*db_, "PRAGMA integrity_check");
    while (ic.step())
      if (ic.text(0) != "ok") out.push_back({"archive.db", "database check: " + ic.text(0)});
  }
  try {
    // The full-text index must agree with the documents it indexes.
    db_->exec("INSERT INTO doc_fts(doc_fts) VALUES('integrity-check')");
  } catch (const SqliteError& e) {
    out.push_back({"archive.db", std::string("full-text index check: ") + e.what()});
  }
  Stmt q(*db_, "SELECT DISTINCT path, sha256 FROM files ORDER BY path");
  while (q.step()) {
    std::string rel = q.text(0), want = q.text(1);
    fs::path full = fs::path(dir_) / rel;
    std::error_code ec;
    if (!fs::exists(full, ec)) {
      out.push_back({rel, "missing"});
      continue;
    }
    std::string got = sha256_hex(read_file(full.string()));
    if (got != want) out.push_back({rel, "altered (SHA-256 is " + got + ", expected " + want + ")"});
  }
  return out;
}

long long register_notice(Archive& archive, const model::Notice& n, const std::string& source,
                          const std::string& source_format, const std::vector<std::string>& output_files,
                          bool replace) {
  NewDocument d;
  d.wenhao = n.doc_number.text;
  d.title = n.title.text;
  for (const auto& f : n.issuers) d.issuers.push_back(f.text);
  d.date = n.date.text;
  d.recipients = n.recipients.text;
  d.cc = n.cc.text;
  for (const auto& f : n.attachment_names) d.attachments.push_back(f.text);
  d.text = n.plain_text();
  d.source = source;
  d.source_format = source_format;
  for (const auto& p : output_files) {
    std::string ext = file_extension_lower(p);
    d.files.emplace_back(p, ext.empty() ? std::string("output") : ext.substr(1));
  }
  return archive.register_document(d, replace);
}

std::string iso_date(const std::string& text) {
  // Digits (ASCII or full-width) separated by 年月日 . - / ; three numbers: year month day.
  std::vector<int> nums;
  int cur = -1;
  auto u = gw::to_u32(text);
  for (char32_t c : u) {
    int d = -1;
    if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
    if (c >= 0xFF10 && c <= 0xFF19) d = static_cast<int>(c - 0xFF10);
    if (d >= 0) {
      cur = (cur < 0 ? 0 : cur) * 10 + d;
      if (cur > 100000) return {};
      continue;
    }
    if (cur >= 0) nums.push_back(cur);
    cur = -1;
    if (c == U'年' || c == U'月' || c == U'日' || c == U'-' || c == U'.' || c == U'/' || c == U' ') continue;
    return {};
  }
  if (cur >= 0) nums.push_back(cur);
  if (nums.size() != 3 || nums[0] < 1949 || nums[0] > 2100 || nums[1] < 1 || nums[1] > 12 || nums[2] < 1 ||
      nums[2] > 31)
    return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", nums[0], nums[1], nums[2]);
  return buf;
}

}  // namespace gw::archive
