// The archive's tables, created once by `archive init` and checked on open (PRAGMA user_version).
#pragma once

#include <string>
#include <string_view>

namespace gw::archive {

class Db;
// 2: documents are indexed in doc_fts by index_document, not by an insert trigger (schema.cc).
// 3: an index on documents(year), so that `search --year` starts from the documents it names.
// 4: doc_fts merges 16 segments at a time instead of 4 (schema.cc).
inline constexpr int kSchemaVersion = 4;

void create_schema(Db& db);                               // idempotent; also upgrades schemas 1 to 3
// InputError on a foreign or newer database; upgrades schemas 1 to 3 in place.
void check_schema(Db& db, const std::string& db_path);

// The time stamps of the tables (created, updated, reserved…): now, UTC, ISO 8601 ("2024-11-05T08:30:00Z").
std::string now_iso();

// Adds a new row of documents to the full-text index; call in the transaction that inserted it.
void index_document(Db& db, long long id, std::string_view title, std::string_view body);

}  // namespace gw::archive
