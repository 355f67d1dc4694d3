// Owned libpq handles and a thin layer over them: parameters sent separately from the SQL text
// (never spliced in), results read through RowView so the shared Read* functions in rows.h work,
// and a per-connection cache of prepared statements keyed by their SQL text. Failures become
// core::Error values (integrity violations and serialization failures are kConflict); nothing
// here throws.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "store/common/rows.h"

namespace caredesk::store {

struct PgConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct PgResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgConnHandle = std::unique_ptr<PGconn, PgConnCloser>;
using PgResultHandle = std::unique_ptr<PGresult, PgResultClearer>;

// Query parameters, $1, $2 … in the order added. Text goes in PostgreSQL's text format (the
// server infers each parameter's type from the statement); bytes go in binary format.
class PgParams {
 public:
  PgParams& Int(std::int64_t value);
  PgParams& Int(const std::optional<std::int64_t>& value);
  PgParams& Text(std::string_view text);
  PgParams& TextOrNull(const std::optional<std::string>& text);
  PgParams& Bool(bool value);
  // Binary, not copied: `bytes` must outlive the query.
  PgParams& Bytes(std::string_view bytes);
  PgParams& Null();
  // A text[] parameter (an array literal with every element quoted).
  PgParams& TextArray(const std::vector<std::string>& texts);
  // One array parameter per column of `arrays` (cast each in SQL: $1::bigint[]).
  PgParams& Arrays(const class PgArrays& arrays);

  int Size() const { return static_cast<int>(values_.size()); }
  // The placeholder the next value added will fill ("$3").
  std::string Next() const { return "$" + std::to_string(values_.size() + 1); }
  // Whether some text held a NUL byte, which PostgreSQL text cannot store.
  bool HasNul() const { return has_nul_; }

 private:
  friend class PgConnection;
  friend class PgArrays;
  struct Value {
    std::string text;
    std::string_view bytes;
    bool null = false;
    bool binary = false;
  };
  std::vector<Value> values_;
  bool has_nul_ = false;
};

// Many rows' parameters turned into one array literal per column, so that a single statement
// (INSERT … SELECT … FROM unnest($1::text[], $2::bigint[], …)) writes them all: rows are added
// as the PgParams one row's statement would take, and their values keep their text form (NULL
// stays NULL). Bytes (binary parameters) cannot be added.
class PgArrays {
 public:
  void AddRow(const PgParams& row);
  int Rows() const { return rows_; }

 private:
  friend class PgParams;
  std::vector<std::string> columns_;  // "{" + elements so far, comma-separated
  int rows_ = 0;
  bool has_nul_ = false;
};

// The rows of a finished query.
class PgResult {
 public:
  explicit PgResult(PgResultHandle result) : result_(std::move(result)) {}
  int Rows() const { return PQntuples(result_.get()); }
  const PGresult* get() const { return result_.get(); }

 private:
  PgResultHandle result_;
};

// One row of a PgResult, by column position. Booleans ("t"/"f") read as 1/0 from Int().
class PgRow : public RowView {
 public:
  PgRow(const PgResult& result, int row) : result_(result.get()), row_(row) {}
  std::int64_t Int(int column) const override;
  std::string Text(int column) const override;
  std::string_view TextView(int column) const override;
  bool IsNull(int column) const override;

 private:
  const PGresult* result_;
  int row_;
};

class PgConnection {
 public:
  // Connects to `url` (a postgresql:// URL or key=value string) with client encoding UTF8.
  static core::Result<std::unique_ptr<PgConnection>> Connect(const std::string& url);

  // How Query runs a statement (flags, or-ed).
  enum QueryFlags : int {
    kPrepared = 0,      // prepared once per connection and reused (the default)
    kBinaryResult = 1,  // the result in binary format (for BYTEA)
    kFreshPlan = 2,     // planned for these very values each time: when the best plan depends
                        // on them (full-text search), which a reused generic plan cannot see
  };
  // Runs one statement with `params`.
  core::Result<PgResult> Query(const std::string& sql, const PgParams& params = {},
                               int flags = kPrepared);
  // Runs SQL text without parameters, which may hold several statements (migrations).
  core::Result<void> Exec(const std::string& sql);

  // Reads whatever the server sent while the connection was idle (a termination notice, end
  // of file) and reports whether the connection is now unusable.
  bool Broken();
  // Reconnects with the same parameters; prepared statements are forgotten.
  bool Reset();
  // Whether no transaction is open (nor failed) on the connection.
  bool Idle() const { return PQtransactionStatus(conn_.get()) == PQTRANS_IDLE; }

 private:
  explicit PgConnection(PgConnHandle conn) : conn_(std::move(conn)) {}
  // The statement name of `sql`, preparing it first if needed; empty when the cache is full.
  core::Result<std::string> Prepared(const std::string& sql);

  PgConnHandle conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

// The error for a failed libpq call, with the server's message and SQLSTATE mapped to a code.
core::Error PgError(const PGresult* result, PGconn* conn, std::string_view doing);

}  // namespace caredesk::store
