// Query helpers over SqliteDb: all rows or exactly one row of a statement, read by a function.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

using core::Fail;
using core::Result;

// Runs `sql` bound with `params` and reads every row with `read`.
template <class Read>
auto AllRows(SqliteDb& db, const std::string& sql, const std::vector<SqlValue>& params, Read read)
    -> Result<std::vector<decltype(read(std::declval<Statement&>()))>> {
  std::vector<decltype(read(std::declval<Statement&>()))> rows;
  auto statement = db.Prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  statement->BindAll(params);
  while (true) {
    auto row = statement->Step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) return rows;
    rows.push_back(read(*statement));
  }
}

// The single row `sql` selects, or kNotFound naming `what`.
template <class Read>
auto OneRow(SqliteDb& db, const std::string& sql, const std::vector<SqlValue>& params, Read read,
            const std::string& what) -> Result<decltype(read(std::declval<Statement&>()))> {
  auto rows = AllRows(db, sql, params, read);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return Fail(core::ErrorCode::kNotFound, what + " not found");
  return std::move(rows->front());
}

}  // namespace caredesk::store
