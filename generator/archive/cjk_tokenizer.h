// The FTS5 tokenizer "gw_cjk": Chinese has no spaces, so every run of CJK characters is indexed as
// overlapping bigrams (名品, 品方, 方阵) ending with the last character alone; with the argument
// `dictionary` also the words of three or more characters that ICU's word BreakIterator (Chinese
// dictionary) finds, colocated at their first character (the archive does not use them: see the .cc).
// A query is tokenized the same way (bigrams of each run), so any
// substring of two or more characters matches as a phrase; a single character is a prefix query.
// Latin words and numbers are single lower-cased tokens.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>

namespace gw::archive {

inline constexpr const char* kTokenizerName = "gw_cjk";

// Registers the tokenizer on this connection (fts5_api obtained with SELECT fts5(?1)).
// Throws SqliteError when FTS5 is missing.
void register_cjk_tokenizer(sqlite3* db);

// The token stream, for tests: (token, colocated, byte start, byte end).
void tokenize_for_test(std::string_view text, bool query,
                       const std::function<void(const std::string&, bool, int, int)>& out, bool dictionary = false);

}  // namespace gw::archive
