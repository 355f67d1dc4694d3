// Owned SQLite handles and a small statement wrapper: bind by position, step, read columns.
// Failures become core::Error values naming the statement; nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "store/common/rows.h"

namespace caredesk::store {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

using SqlValue = std::variant<std::int64_t, std::string>;

// A prepared statement. Statements come from the connection's cache: on destruction a cached
// one is reset for its next use instead of being finalised.
class Statement : public RowView {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use)
      : db_(db), statement_(statement), in_use_(in_use) {}
  Statement(Statement&& other) noexcept
      : db_(other.db_),
        statement_(std::exchange(other.statement_, nullptr)),
        in_use_(std::exchange(other.in_use_, nullptr)),
        next_(other.next_) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() override;

  // Binds in order from parameter 1; each Bind returns *this for chaining.
  Statement& Bind(std::int64_t value);
  Statement& Bind(std::string_view text);
  Statement& Bind(const std::optional<std::int64_t>& value);
  Statement& BindBlob(std::string_view bytes);
  Statement& BindNull();
  Statement& BindAll(const std::vector<SqlValue>& values);

  // Steps once: true when a row is ready, false when done, an error otherwise.
  core::Result<bool> Step();
  // Steps until done; for statements that return no rows.
  core::Result<void> Run();

  std::int64_t Int(int column) const override;
  std::string Text(int column) const override;
  std::string_view TextView(int column) const override;
  bool IsNull(int column) const override;
  std::string Blob(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
  bool* in_use_;  // the cache entry's flag; null for an uncached statement (finalised here)
  int next_ = 1;
};

class SqliteDb {
 public:
  // Opens (creating when missing) a database file in WAL mode with synchronous=FULL, foreign
  // keys on and a busy timeout, so several processes can share it.
  static core::Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);

  // A statement for `sql`, from the cache when it is free (parsed once per connection).
  core::Result<Statement> Prepare(std::string_view sql);
  core::Result<void> Exec(std::string_view sql);
  // Runs a statement without parameters through the cache: for those run many times a second
  // (savepoints, BEGIN and COMMIT of reads), parsed once.
  core::Result<void> RunCached(std::string_view sql);
  sqlite3* raw() { return db_.get(); }
  std::int64_t LastInsertId() { return sqlite3_last_insert_rowid(db_.get()); }
  int Changes() { return sqlite3_changes(db_.get()); }

 private:
  struct Cached {
    std::unique_ptr<sqlite3_stmt, SqliteFinalizer> statement;
    bool in_use = false;
  };
  explicit SqliteDb(SqliteHandle db) : db_(std::move(db)) {}
  SqliteHandle db_;
  // Declared after db_, so the cached statements are finalised before the connection closes.
  std::unordered_map<std::string, Cached> cache_;
};

// The error for a failed SQLite call, with the engine's message.
core::Error SqliteError(sqlite3* db, std::string_view doing);

// Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back when it returns an error.
template <class Body>
auto InTransaction(SqliteDb& db, Body&& body) -> decltype(body()) {
  if (auto begun = db.Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
  auto result = body();
  if (!result) {
    (void)db.Exec("ROLLBACK");
    return result;
  }
  if (auto committed = db.Exec("COMMIT"); !committed) {
    (void)db.Exec("ROLLBACK");
    return tl::unexpected(committed.error());
  }
  return result;
}

}  // namespace caredesk::store
