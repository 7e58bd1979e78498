// Full-text search over the archive: FTS5 MATCH with the gw_cjk tokenizer, bm25 ranking (the title
// weighs more than the body), snippet() highlighting, and filters on the document columns. The user's
// query goes to FTS5 as a bound parameter; an FTS5 syntax error is the user's input error, not a crash.
#include <functional>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/sqlite_db.h"
#include "base/diagnostic.h"
#include "base/utf8.h"
#include "text/wenhao.h"

namespace gw::archive {
namespace {

constexpr int kMaxLimit = 10000;

std::string date_or_throw(const std::string& s, const char* option) {
  std::string iso = iso_date(s);
  if (iso.empty())
    throw InputError(SourceLoc{}, std::string(option) + " \"" + s + "\" is not a date", "write 2022-06-30 or 2022年6月30日");
  return iso;
}

bool is_cjk_char(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
}

// The index holds bigrams (see cjk_tokenizer.cc), so a lone character 品 becomes the prefix query 品*,
// which matches every bigram starting with it and the character at the end of a run.
std::string single_chars_as_prefix(const std::string& q) {
  std::string out;
  size_t i = 0;
  while (i < q.size()) {
    size_t j = q.find(' ', i);
    if (j == std::string::npos) j = q.size();
    std::string term = q.substr(i, j - i);
    std::u32string u = to_u32(term);
    if (u.size() == 1 && is_cjk_char(u[0])) term += "*";
    out += term;
    if (j < q.size()) out += ' ';
    i = j + 1;
  }
  return out;
}

}  // namespace

std::vector<SearchHit> Archive::search(const std::string& query_in, const SearchFilters& f, SortBy sort, int limit) {
  std::string query = single_chars_as_prefix(trim(query_in));
  if (limit <= 0 || limit > kMaxLimit) limit = kMaxLimit;
  bool fts = !query.empty();
  // Only the filters in use go into the SQL (an "?n IS NULL OR …" clause would defeat the indexes);
  // every value is still a bound parameter.
  std::vector<std::function<void(Stmt&, int)>> binds;
  std::string where;
  auto add = [&](const std::string& clause, std::function<void(Stmt&, int)> bind, const char* after = "") {
    where += " AND " + clause + std::to_string(binds.size() + 1) + after;
    binds.push_back(std::move(bind));
  };
  if (fts) add("doc_fts MATCH ?", [&](Stmt& s, int i) { s.bind(i, query); });
  if (!f.wenhao.empty()) {
    std::string why;
    auto w = text::parse_wenhao(f.wenhao, &why);
    if (!w) throw InputError(SourceLoc{}, "--wenhao: " + why, "a 文号 looks like 国发〔2022〕12号");
    add("d.wenhao = ?", [c = w->canonical](Stmt& s, int i) { s.bind(i, c); });
  }
  if (!trim(f.agency).empty()) add("d.agency = ?", [a = trim(f.agency)](Stmt& s, int i) { s.bind(i, a); });
  if (f.year) add("d.year = ?", [y = f.year](Stmt& s, int i) { s.bind(i, y); });
  if (!f.from.empty()) add("d.date >= ?", [d = date_or_throw(f.from, "--from")](Stmt& s, int i) { s.bind(i, d); });
  if (!f.to.empty()) add("d.date <= ?", [d = date_or_throw(f.to, "--to")](Stmt& s, int i) { s.bind(i, d); });
  if (!trim(f.issuer).empty())
    add("instr(d.issuers, ?", [x = trim(f.issuer)](Stmt& s, int i) { s.bind(i, x); }, ") > 0");

  // Snippets are made afterwards for the rows returned only: in one query SQLite would compute
  // snippet() for every match before sorting, which dominates when a word is in most documents.
  std::string sql = "SELECT d.id, coalesce(d.wenhao,''), d.title, coalesce(d.date,''), d.issuers, ";
  if (fts && sort == SortBy::Relevance && binds.size() == 1) {
    // A text query alone: rank inside the index and join only the rows returned. Joined first, SQLite
    // looked up every matching document (a common word is in a third of them) before sorting.
    sql += "f.score, '' FROM (SELECT rowid AS id, bm25(doc_fts, 5.0, 1.0) AS score FROM doc_fts WHERE doc_fts MATCH ?1 "
           "ORDER BY score, rowid LIMIT ?2) f JOIN documents d ON d.id = f.id ORDER BY f.score, d.id";
  } else {
    if (fts) {
      sql += "bm25(doc_fts, 5.0, 1.0), '' FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid WHERE 1";
    } else {
      sql += "0, substr(d.body, 1, 40) FROM documents d WHERE 1";
    }
    sql += where;
    switch (sort) {
      case SortBy::Relevance: sql += fts ? " ORDER BY 6, d.id" : " ORDER BY d.date DESC, d.id DESC"; break;
      case SortBy::Date: sql += " ORDER BY d.date DESC, d.id DESC"; break;
      case SortBy::Wenhao:
        sql += " ORDER BY d.wenhao IS NULL, d.agency COLLATE gw_zh, d.is_order, d.year, d.serial, d.id";
        break;
    }
  }
  sql += " LIMIT ?" + std::to_string(binds.size() + 1);

  Stmt q(*db_, sql);
  for (size_t i = 0; i < binds.size(); ++i) binds[i](q, static_cast<int>(i + 1));
  q.bind(static_cast<int>(binds.size() + 1), limit);

  std::vector<SearchHit> hits;
  try {
    while (q.step()) {
      SearchHit h;
      h.id = q.integer(0);
      h.wenhao = q.text(1);
      h.title = q.text(2);
      h.date = q.text(3);
      auto j = nlohmann::json::parse(q.text(4), nullptr, false);
      if (j.is_array())
        for (auto& v : j)
          if (v.is_string()) h.issuers.push_back(v.get<std::string>());
      h.score = sqlite3_column_double(q.get(), 5);
      h.snippet = q.text(6);
      hits.push_back(std::move(h));
    }
    if (fts && !hits.empty()) {
      Stmt sn(*db_, "SELECT snippet(doc_fts, -1, '«', '»', '…', 24) FROM doc_fts WHERE doc_fts MATCH ?1 AND rowid = ?2");
      for (auto& h : hits) {
        sn.bind(1, query).bind(2, h.id);
        if (sn.step()) h.snippet = sn.text(0);
        sn.reset();
      }
    }
  } catch (const SqliteError& e) {
    // With a text query, SQLITE_ERROR comes from parsing it (fts5: syntax error near "…", no such column).
    if (!fts || (e.code() & 0xFF) != SQLITE_ERROR) throw;
    std::string msg = e.what();
    auto pos = msg.find("\": ");
    if (pos != std::string::npos) msg = msg.substr(pos + 3);
    throw InputError(SourceLoc{"<query>"}, "cannot search for \"" + query + "\": " + msg,
                     "put words with punctuation in double quotes, e.g. '\"AR/VR\"'; AND, OR, NOT and NEAR(…) are operators");
  }
  return hits;
}

}  // namespace gw::archive
