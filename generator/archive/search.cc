// Full-text search over the archive: FTS5 MATCH with the gw_cjk tokenizer, bm25 ranking (the title
// weighs more than the body), snippet() highlighting, and filters on the document columns. The user's
// query goes to FTS5 as a bound parameter; an FTS5 syntax error is the user's input error, not a crash.
#include <algorithm>
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

// One filter as SQL on the documents table (alias d) with its value bound by position.
struct Filter {
  std::string clause;  // "d.agency = ?" — the ? is numbered when the SQL is put together
  std::function<void(Stmt&, int)> bind;
  bool indexed;  // an index of documents finds the rows (schema.cc); instr() on issuers needs a scan
};

// Joins the filters' clauses as " AND …", numbering their parameters from first_param.
std::string where_sql(const std::vector<Filter>& fs, int first_param, bool indexed_only = false, bool others_only = false) {
  std::string out;
  int n = first_param;
  for (const auto& f : fs) {
    if ((indexed_only && !f.indexed) || (others_only && f.indexed)) continue;
    std::string c = f.clause;
    auto q = c.find('?');
    c.insert(q + 1, std::to_string(n++));
    out += " AND " + c;
  }
  return out;
}

int bind_filters(Stmt& s, const std::vector<Filter>& fs, int first_param, bool indexed_only = false,
                 bool others_only = false) {
  int n = first_param;
  for (const auto& f : fs) {
    if ((indexed_only && !f.indexed) || (others_only && f.indexed)) continue;
    f.bind(s, n++);
  }
  return n;
}

SearchHit hit_from_row(const Stmt& q, int score_col) {
  SearchHit h;
  h.id = q.integer(0);
  h.wenhao = q.text(1);
  h.title = q.text(2);
  h.date = q.text(3);
  auto j = nlohmann::json::parse(q.text(4), nullptr, false);
  if (j.is_array())
    for (auto& v : j)
      if (v.is_string()) h.issuers.push_back(v.get<std::string>());
  if (score_col >= 0) h.score = sqlite3_column_double(q.get(), score_col);
  return h;
}

constexpr const char* kHitColumns = "d.id, coalesce(d.wenhao,''), d.title, coalesce(d.date,''), d.issuers";
constexpr const char* kBm25 = "bm25(doc_fts, 5.0, 1.0)";  // the title weighs five times the body


}  // namespace

std::vector<SearchHit> Archive::search(const std::string& query_in, const SearchFilters& f, SortBy sort, int limit) {
  std::string query = single_chars_as_prefix(trim(query_in));
  if (limit <= 0 || limit > kMaxLimit) limit = kMaxLimit;
  bool fts = !query.empty();
  // Only the filters in use go into the SQL (an "?n IS NULL OR …" clause would defeat the indexes);
  // every value is still a bound parameter.
  std::vector<Filter> filters;
  if (!f.wenhao.empty()) {
    std::string why;
    auto w = text::parse_wenhao(f.wenhao, &why);
    if (!w) throw InputError(SourceLoc{}, "--wenhao: " + why, "a 文号 looks like 国发〔2022〕12号");
    filters.push_back({"d.wenhao = ?", [c = w->canonical](Stmt& s, int i) { s.bind(i, c); }, true});
  }
  if (!trim(f.agency).empty())
    filters.push_back({"d.agency = ?", [a = trim(f.agency)](Stmt& s, int i) { s.bind(i, a); }, true});
  if (f.year) filters.push_back({"d.year = ?", [y = f.year](Stmt& s, int i) { s.bind(i, y); }, true});
  if (!f.from.empty())
    filters.push_back({"d.date >= ?", [d = date_or_throw(f.from, "--from")](Stmt& s, int i) { s.bind(i, d); }, true});
  if (!f.to.empty())
    filters.push_back({"d.date <= ?", [d = date_or_throw(f.to, "--to")](Stmt& s, int i) { s.bind(i, d); }, true});
  if (!trim(f.issuer).empty())
    filters.push_back({"instr(d.issuers, ?) > 0", [x = trim(f.issuer)](Stmt& s, int i) { s.bind(i, x); }, false});
  const int n_indexed = static_cast<int>(std::count_if(filters.begin(), filters.end(), [](const Filter& x) { return x.indexed; }));

  std::string order;
  switch (sort) {
    case SortBy::Relevance: order = fts ? " ORDER BY score, d.id" : " ORDER BY d.date DESC, d.id DESC"; break;
    case SortBy::Date: order = " ORDER BY d.date DESC, d.id DESC"; break;
    case SortBy::Wenhao: order = " ORDER BY d.wenhao IS NULL, d.agency COLLATE gw_zh, d.is_order, d.year, d.serial, d.id"; break;
  }

  std::vector<SearchHit> hits;
  try {
    if (!fts) {
      std::string sql = std::string("SELECT ") + kHitColumns + ", substr(d.body, 1, 40) FROM documents d WHERE 1" +
                        where_sql(filters, 1) + order + " LIMIT ?" + std::to_string(filters.size() + 1);
      Stmt q(*db_, sql);
      q.bind(bind_filters(q, filters, 1), limit);
      while (q.step()) {
        hits.push_back(hit_from_row(q, -1));
        hits.back().snippet = q.text(5);
      }
      return hits;
    }
    // A text query with filters is answered from whichever side is smaller. FTS5 cannot use the
    // documents table's indexes, and looking up every matching document to test a filter costs ~2 µs a
    // row (a common word is in half of them: 100 ms at 100,000 documents). When the indexed filters
    // leave fewer than selective_candidates_ documents (10,000), their ids are collected first (≈1 µs
    // each) and the index scan keeps only those; otherwise the matches are ranked first and looked up
    // in order until the limit is filled. Counting stops at the threshold, so it costs at most that
    // many index entries.
    bool selective = false;
    if (n_indexed > 0 && selective_candidates_ > 0) {
      Stmt c(*db_, "SELECT count(*) FROM (SELECT 1 FROM documents d WHERE 1" + where_sql(filters, 1, true) +
                       " LIMIT " + std::to_string(selective_candidates_) + ")");
      bind_filters(c, filters, 1, true);
      selective = c.step() && c.integer(0) < selective_candidates_;
    }
    if (selective) {
      // The candidates' ids go into a temporary index (IN subquery); the unary + keeps SQLite from
      // handing "rowid IN" to FTS5, which would run the whole query again for every candidate, bm25's
      // document counts included. The CROSS JOIN keeps the index scan outermost.
      std::string sql = std::string("SELECT ") + kHitColumns + ", " + kBm25 +
                        " AS score FROM doc_fts CROSS JOIN documents d ON d.id = doc_fts.rowid "
                        "WHERE doc_fts MATCH ?1 AND +doc_fts.rowid IN (SELECT d.id FROM documents d WHERE 1" +
                        where_sql(filters, 2, true) + ")" + where_sql(filters, 2 + n_indexed, false, true) +
                        order + " LIMIT ?" + std::to_string(2 + filters.size());
      Stmt q(*db_, sql);
      q.bind(1, query);
      int next = bind_filters(q, filters, 2, true);
      next = bind_filters(q, filters, next, false, true);
      q.bind(next, limit);
      while (q.step()) hits.push_back(hit_from_row(q, 5));
    } else if (sort == SortBy::Relevance) {
      // Ranked inside the index, then each match looked up in order until the limit is filled: with no
      // filter only the rows returned are read; with a broad one, about limit ÷ its share of them.
      // Without a filter the limit goes to FTS5's sorter, which then keeps only the best rows.
      Stmt r(*db_, std::string("SELECT rowid, ") + kBm25 + " AS score FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY score, rowid" +
                       (filters.empty() ? " LIMIT ?2" : ""));
      r.bind(1, query);
      if (filters.empty()) r.bind(2, limit);
      Stmt d(*db_, std::string("SELECT ") + kHitColumns + " FROM documents d WHERE d.id = ?1" + where_sql(filters, 2));
      while (static_cast<int>(hits.size()) < limit && r.step()) {
        d.bind(1, r.integer(0));
        bind_filters(d, filters, 2);  // again: Stmt::reset clears the bindings
        if (d.step()) {
          hits.push_back(hit_from_row(d, -1));
          hits.back().score = sqlite3_column_double(r.get(), 1);
        }
        d.reset();
      }
    } else {
      std::string sql = std::string("SELECT ") + kHitColumns + ", " + kBm25 +
                        " AS score FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid WHERE doc_fts MATCH ?1" +
                        where_sql(filters, 2) + order + " LIMIT ?" + std::to_string(2 + filters.size());
      Stmt q(*db_, sql);
      q.bind(1, query);
      q.bind(bind_filters(q, filters, 2), limit);
      while (q.step()) hits.push_back(hit_from_row(q, 5));
    }
    // Snippets are made afterwards for the rows returned only: in one query SQLite would compute
    // snippet() for every match before sorting, which dominates when a word is in most documents.
    if (!hits.empty()) {
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
