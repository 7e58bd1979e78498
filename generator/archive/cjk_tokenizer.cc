// FTS5 tokenizer: CJK bigrams, optionally with ICU dictionary words (see cjk_tokenizer.h).
//
// Segmentation: one pass over the code points splits CJK runs, words of letters/digits and separators
// (this decides the positions). With the argument `dictionary` (tokenize='gw_cjk dictionary'), ICU's
// word BreakIterator, with its Chinese dictionary, then finds the words of three or more characters in
// each CJK run when a document is indexed, colocated at their first character. The archive does not
// ask for them: the query side emits bigrams only, so no query ever matched one of those tokens, and
// the dictionary pass was a quarter of the CPU time of an import (bench/archive_bench.sh).
//
// Positions: a CJK run of n characters takes n positions; position k holds the bigram c[k]c[k+1]
// (k < n-1) and the last position the last character alone. Every character therefore starts the
// token at its position, so a one-character query is the prefix query 品* (search.cc). The
// query side emits the same positions but only what it needs (bigrams, and the last unigram only when
// more tokens follow in the same phrase), so a phrase of query tokens lines up with the document's
// positions and a two-character query costs one posting-list lookup, not three.
#include "archive/cjk_tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>
#include <vector>

#include "archive/sqlite_db.h"
#include "base/utf8.h"

namespace gw::archive {
namespace {

bool is_cjk(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         c == 0x3007;
}

// The word BreakIterator is expensive to build (dictionary loading); build one prototype and clone.
std::unique_ptr<icu::BreakIterator> new_word_iterator() {
  static std::mutex mu;
  static std::unique_ptr<icu::BreakIterator> proto;
  std::lock_guard<std::mutex> lock(mu);
  if (!proto) {
    UErrorCode st = U_ZERO_ERROR;
    proto.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), st));
    if (U_FAILURE(st)) proto.reset();
  }
  return proto ? std::unique_ptr<icu::BreakIterator>(proto->clone()) : nullptr;
}

// SQLite's own xToken callback and context: called once per token (several per character), so a
// plain function pointer rather than a std::function, whose indirection cost 8% of an import.
struct Emitter {
  void* ctx;
  int (*token)(void*, int, const char*, int, int, int);  // ctx, flags, token, len, start, end
  // Returns non-zero (an SQLite code) to stop.
  int emit(const char* s, int len, int flags, int start, int end) const { return token(ctx, flags, s, len, start, end); }
};

struct Tokenizer {
  explicit Tokenizer(bool dictionary) : words(dictionary ? new_word_iterator() : nullptr) {}
  std::unique_ptr<icu::BreakIterator> words;  // null: bigrams only
};

struct CjkChar {
  int start, end;  // byte offsets
};

// Lower-cases ASCII and folds full-width ASCII (Ｏｆｆｉｃｅ, ２０２２) so that either width matches.
std::string fold_word(std::string_view w) {
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(w.size());
  const auto* p = reinterpret_cast<const uint8_t*>(w.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    out += to_utf8(static_cast<char32_t>(c));
  }
  return out;
}

// Emits one CJK run. words = ICU word starts inside the run (char index) with their length in chars.
int emit_run(const char* text, const std::vector<CjkChar>& run, const std::vector<std::pair<size_t, size_t>>& words,
             bool query, bool more_follows, const Emitter& e) {
  size_t n = run.size();
  size_t w = 0;
  for (size_t k = 0; k < n; ++k) {
    const char* s = text + run[k].start;
    int rc = 0;
    if (k + 1 < n) {
      rc = e.emit(s, run[k + 1].end - run[k].start, 0, run[k].start, run[k + 1].end);
    } else if (!query || n == 1 || more_follows) {
      rc = e.emit(s, run[k].end - run[k].start, 0, run[k].start, run[k].end);
    }
    if (rc) return rc;
    if (!query) {
      while (w < words.size() && words[w].first < k) ++w;
      for (; w < words.size() && words[w].first == k; ++w) {
        size_t last = words[w].first + words[w].second - 1;
        rc = e.emit(s, run[last].end - run[k].start, FTS5_TOKEN_COLOCATED, run[k].start, run[last].end);
        if (rc) return rc;
      }
    }
  }
  return 0;
}

bool is_word_char(UChar32 c) {
  return u_isalnum(c) && !is_cjk(c);
}

// ICU dictionary words of three or more characters inside one CJK run, as (first char, length).
void dictionary_words(Tokenizer* t, const char* text, const std::vector<CjkChar>& run,
                      std::vector<std::pair<size_t, size_t>>& words) {
  words.clear();
  if (run.size() < 3 || !t->words) return;
  int32_t base = run.front().start, len = run.back().end - base;
  UErrorCode st = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text + base, len, &st);
  if (U_FAILURE(st)) return;
  t->words->setText(ut, st);
  size_t ci = 0;  // char index of the segment start
  int32_t start = t->words->first();
  for (int32_t end = t->words->next(); end != icu::BreakIterator::DONE; start = end, end = t->words->next()) {
    while (ci < run.size() && run[ci].start - base < start) ++ci;
    size_t cj = ci;
    while (cj < run.size() && run[cj].start - base < end) ++cj;
    if (cj - ci >= 3) words.emplace_back(ci, cj - ci);
  }
  // The iterator keeps a shallow clone pointing into SQLite's buffer; it is reset before every use.
  utext_close(ut);
}

int tokenize(Tokenizer* t, const char* text, int n_text, bool query, bool aux, const Emitter& e) {
  if (n_text <= 0) return SQLITE_OK;
  // One pass over the code points: CJK characters form runs, letters and digits form words, anything
  // else separates. Positions depend on this pass only, so the document, the query and snippet()'s
  // re-tokenization always agree; ICU's dictionary (when asked for) only adds colocated words when indexing.
  std::vector<CjkChar> run;
  std::vector<std::pair<size_t, size_t>> words;
  std::string word;
  int word_start = -1, word_end = -1;
  int rc = 0;
  auto flush_run = [&](bool more) {
    if (run.empty() || rc) return;
    if (!query && !aux) dictionary_words(t, text, run, words); else words.clear();
    rc = emit_run(text, run, words, query, more, e);
    run.clear();
  };
  auto flush_word = [&] {
    if (word.empty() || rc) return;
    std::string f = fold_word(word);
    rc = e.emit(f.data(), static_cast<int>(f.size()), 0, word_start, word_end);
    word.clear();
  };
  const auto* p = reinterpret_cast<const uint8_t*>(text);
  int32_t i = 0;
  while (i < n_text && !rc) {
    int32_t cs = i;
    UChar32 c;
    U8_NEXT(p, i, n_text, c);
    if (c >= 0 && is_cjk(c)) {
      flush_word();
      run.push_back({cs, i});
    } else if (c >= 0 && is_word_char(c)) {
      flush_run(true);
      if (word.empty()) word_start = cs;
      word.append(text + cs, static_cast<size_t>(i - cs));
      word_end = i;
    } else {
      flush_word();
      flush_run(true);
    }
  }
  flush_word();
  flush_run(false);
  return rc;
}

int x_create(void*, const char** args, int n_args, Fts5Tokenizer** out) {
  bool dictionary = false;
  for (int i = 0; i < n_args; ++i) {
    if (std::string_view(args[i]) == "dictionary") dictionary = true;
    else return SQLITE_ERROR;  // a misspelt option must not silently index something else
  }
  auto* t = new Tokenizer(dictionary);
  if (dictionary && !t->words) {
    delete t;
    return SQLITE_ERROR;
  }
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void x_delete(Fts5Tokenizer* p) { delete reinterpret_cast<Tokenizer*>(p); }

int x_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n,
               int (*token)(void*, int, const char*, int, int, int)) {
  Emitter e{ctx, token};
  try {
    return tokenize(reinterpret_cast<Tokenizer*>(p), text, n, (flags & FTS5_TOKENIZE_QUERY) != 0,
                    (flags & FTS5_TOKENIZE_AUX) != 0, e);
  } catch (...) {
    return SQLITE_NOMEM;  // never let a C++ exception cross SQLite's C frames
  }
}

}  // namespace

void register_cjk_tokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
    throw SqliteError(SQLITE_ERROR, std::string("SQLite has no FTS5: ") + sqlite3_errmsg(db));
  sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api) throw SqliteError(SQLITE_ERROR, "SQLite has no FTS5 (fts5_api not available)");
  fts5_tokenizer tok{x_create, x_delete, x_tokenize};
  if (api->xCreateTokenizer(api, kTokenizerName, nullptr, &tok, nullptr) != SQLITE_OK)
    throw SqliteError(SQLITE_ERROR, "cannot register the FTS5 tokenizer gw_cjk");
}

void tokenize_for_test(std::string_view text, bool query,
                       const std::function<void(const std::string&, bool, int, int)>& out, bool dictionary) {
  Tokenizer t(dictionary);
  auto call = [](void* ctx, int tflags, const char* s, int len, int b, int en) {
    (*static_cast<decltype(&out)>(ctx))(std::string(s, static_cast<size_t>(len)), (tflags & FTS5_TOKEN_COLOCATED) != 0, b, en);
    return 0;
  };
  Emitter e{const_cast<void*>(static_cast<const void*>(&out)), call};
  if (tokenize(&t, text.data(), static_cast<int>(text.size()), query, false, e) != SQLITE_OK)
    throw SqliteError(SQLITE_ERROR, "tokenizer failed");
}

}  // namespace gw::archive
