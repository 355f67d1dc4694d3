#include "store/sqlite/sqlite_db.h"

#include <fmt/format.h>

namespace caredesk::store {

core::Error SqliteError(sqlite3* db, std::string_view doing) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  core::ErrorCode kind = core::ErrorCode::kInvalid;
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      kind = core::ErrorCode::kConflict;
      break;
    // The file cannot be read or written now (disk, permissions, locks held too long): an
    // outage, not a problem with the request.
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
      kind = core::ErrorCode::kUnavailable;
      break;
    default:
      break;
  }
  return core::Error{
      kind, fmt::format("SQLite: {}: {}", doing, db ? sqlite3_errmsg(db) : "no database"), {}};
}

Statement::~Statement() {
  if (!statement_) return;
  if (in_use_) {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(statement_);
  }
}

Statement& Statement::Bind(std::int64_t value) {
  sqlite3_bind_int64(statement_, next_++, value);
  return *this;
}

Statement& Statement::Bind(std::string_view text) {
  sqlite3_bind_text64(statement_, next_++, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::Bind(const std::optional<std::int64_t>& value) {
  return value ? Bind(*value) : BindNull();
}

Statement& Statement::BindBlob(std::string_view bytes) {
  sqlite3_bind_blob64(statement_, next_++, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull() {
  sqlite3_bind_null(statement_, next_++);
  return *this;
}

Statement& Statement::BindAll(const std::vector<SqlValue>& values) {
  for (const auto& value : values) {
    std::visit([this](const auto& v) { Bind(v); }, value);
  }
  return *this;
}

core::Result<bool> Statement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return tl::unexpected(SqliteError(db_, sqlite3_sql(statement_)));
}

core::Result<void> Statement::Run() {
  while (true) {
    auto row = Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return {};
  }
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::Text(int column) const { return std::string(TextView(column)); }

std::string_view Statement::TextView(int column) const {
  const auto* text = sqlite3_column_text(statement_, column);
  if (!text) return {};
  return std::string_view(reinterpret_cast<const char*>(text),
                          static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

std::string Statement::Blob(int column) const {
  const auto* bytes = sqlite3_column_blob(statement_, column);
  if (!bytes) return {};
  return std::string(static_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

core::Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  // SQLite's memory statistics take a global mutex on every allocation, and no one reads them:
  // off, once per process, before the library initialises.
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  SqliteHandle handle(raw);
  if (rc != SQLITE_OK) {
    return tl::unexpected(SqliteError(raw, fmt::format("opening \"{}\"", path)));
  }
  std::unique_ptr<SqliteDb> db(new SqliteDb(std::move(handle)));
  sqlite3_busy_timeout(db->raw(), 10000);
  // A larger lookaside pool: statements' small allocations come from the connection's own slots
  // instead of malloc (128 slots of 1,200 bytes by default; a case's write needs more).
  sqlite3_db_config(db->raw(), SQLITE_DBCONFIG_LOOKASIDE, nullptr, 1200, 2000);
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
        // 64 MiB of page cache (allocated as used): the indexes' hot pages of a million-case
        // store stay in memory. The group committer's writer sets its own, smaller one.
        "PRAGMA cache_size = -65536",
        // Each write of a group commit runs in a savepoint, whose statement journal would
        // otherwise spill to a temporary file (a pwrite per page touched).
        "PRAGMA temp_store = MEMORY",
        // Pages of the database file are read through a memory map rather than copied by a
        // read() each: a connection's page cache starts afresh whenever another connection
        // has committed, which on a busy server is at nearly every read.
        "PRAGMA mmap_size = 268435456"}) {
    if (auto done = db->Exec(pragma); !done) return tl::unexpected(done.error());
  }
  return db;
}

core::Result<Statement> SqliteDb::Prepare(std::string_view sql) {
  auto [entry, inserted] = cache_.try_emplace(std::string(sql));
  Cached& cached = entry->second;
  if (!inserted && !cached.in_use) {
    cached.in_use = true;
    return Statement(db_.get(), cached.statement.get(), &cached.in_use);
  }
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
      SQLITE_OK) {
    if (inserted) cache_.erase(entry);
    return tl::unexpected(SqliteError(db_.get(), sql));
  }
  if (!inserted) return Statement(db_.get(), raw, nullptr);  // the cached one is busy
  cached.statement.reset(raw);
  cached.in_use = true;
  return Statement(db_.get(), raw, &cached.in_use);
}

core::Result<void> SqliteDb::RunCached(std::string_view sql) {
  auto statement = Prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  return statement->Run();
}

core::Result<void> SqliteDb::Exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    core::Error error = SqliteError(db_.get(), text.substr(0, 60));
    sqlite3_free(message);
    return tl::unexpected(error);
  }
  return {};
}

}  // namespace caredesk::store
