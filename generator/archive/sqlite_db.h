// Thin RAII over the SQLite C API for the archive: a connection and prepared statements with
// positional binding, so every query is parameterised and every error becomes an exception that
// names the statement. Nothing here knows about documents.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gw::archive {

// An SQLite failure that is not the user's fault (I/O, corruption, a bug in our SQL).
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Db {
 public:
  Db() = default;
  explicit Db(const std::string& path, int flags);
  ~Db();
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* get() const { return db_; }
  void exec(const std::string& sql);  // statements without parameters (schema, BEGIN, COMMIT)
  long long last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  [[noreturn]] void fail(const std::string& context) const;

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(const Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // 1-based positional binding; returns *this for chaining.
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, long long v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<long long>(v)); }
  Stmt& bind(int i, long v) { return bind(i, static_cast<long long>(v)); }
  Stmt& bind_null(int i);
  Stmt& bind_opt(int i, const std::string& v) { return v.empty() ? bind_null(i) : bind(i, v); }

  bool step();      // true while a row is available; throws SqliteError on failure
  void run();       // step to completion
  void reset();
  int last_code() const { return last_code_; }
  std::string error_message() const;

  std::string text(int col) const;
  long long integer(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  const Db* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  int last_code_ = SQLITE_OK;
};

// BEGIN [IMMEDIATE] … COMMIT, rolled back if the scope is left by an exception.
class Transaction {
 public:
  Transaction(Db& db, bool immediate);
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool open_ = true;
};

}  // namespace gw::archive
