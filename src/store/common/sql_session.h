// One connection inside one transaction, as the engine-neutral store code sees it: statements
// written once with `?` placeholders and run on SQLite or PostgreSQL (which numbers them $1, $2
// …). Used by the parts of the store whose SQL is the same on both engines (correspondence).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"
#include "store/common/rows.h"

namespace caredesk::store {

// Bytes bound as a BLOB (SQLite) or binary BYTEA (PostgreSQL); they must outlive the statement.
struct SqlBytes {
  std::string_view bytes;
};
using SqlArg =
    std::variant<std::monostate, std::int64_t, std::string, SqlBytes>;  // monostate: NULL

inline SqlArg ArgOf(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate{};
  return *value;
}

class SqlSession {
 public:
  virtual ~SqlSession() = default;
  // Runs `sql` with `args` and hands each row it returns to `row` (none for a statement without
  // RETURNING). Returns the number of rows.
  virtual core::Result<std::int64_t> Run(const std::string& sql, const std::vector<SqlArg>& args,
                                         const std::function<void(const RowView&)>& row = {}) = 0;
  // " FOR UPDATE SKIP LOCKED" where the engine has row locks (PostgreSQL); empty on SQLite,
  // whose single writer already serialises claims.
  virtual std::string_view SkipLocked() const = 0;
  // " FOR UPDATE" where the engine has row locks: a row read to be changed stays as read until
  // the transaction ends. Empty on SQLite, whose single writer already serialises writes.
  virtual std::string_view ForUpdate() const = 0;
};

// The rows `sql` returns, each made a T by `read(const RowView&)`.
template <class T, class Read>
core::Result<std::vector<T>> SelectRows(SqlSession& session, const std::string& sql,
                                        const std::vector<SqlArg>& args, Read read) {
  std::vector<T> rows;
  auto ran = session.Run(sql, args, [&](const RowView& row) { rows.push_back(read(row)); });
  if (!ran) return tl::unexpected(ran.error());
  return rows;
}

// `sql` with each `?` outside quotes numbered $1, $2 … (PostgreSQL's placeholders).
std::string NumberPlaceholders(std::string_view sql);

}  // namespace caredesk::store
