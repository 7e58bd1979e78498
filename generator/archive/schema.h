// The archive's tables, created once by `archive init` and checked on open (PRAGMA user_version).
#pragma once

#include <string>

namespace gw::archive {

class Db;
inline constexpr int kSchemaVersion = 1;

void create_schema(Db& db);                               // idempotent
void check_schema(Db& db, const std::string& db_path);    // InputError on a foreign or newer database

}  // namespace gw::archive
