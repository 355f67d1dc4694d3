// SqlSession (store/common/sql_session.h) over one SQLite connection, inside whatever transaction
// the caller runs it in: the writer's group, or a reader's snapshot.
#pragma once

#include "store/common/sql_session.h"
#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

class SqliteSession : public SqlSession {
 public:
  explicit SqliteSession(SqliteDb& db) : db_(db) {}
  core::Result<std::int64_t> Run(const std::string& sql, const std::vector<SqlArg>& args,
                                 const std::function<void(const RowView&)>& row) override;
  std::string_view SkipLocked() const override { return ""; }
  std::string_view ForUpdate() const override { return ""; }

 private:
  SqliteDb& db_;
};

}  // namespace caredesk::store
