// SqlSession (store/common/sql_session.h) over one PostgreSQL connection, inside whatever
// transaction the caller opened on it.
#pragma once

#include "store/common/sql_session.h"
#include "store/postgres/pg_conn.h"

namespace caredesk::store {

class PgSession : public SqlSession {
 public:
  explicit PgSession(PgConnection& conn) : conn_(conn) {}
  core::Result<std::int64_t> Run(const std::string& sql, const std::vector<SqlArg>& args,
                                 const std::function<void(const RowView&)>& row) override;
  std::string_view SkipLocked() const override { return " FOR UPDATE SKIP LOCKED"; }
  std::string_view ForUpdate() const override { return " FOR UPDATE"; }

 private:
  PgConnection& conn_;
};

}  // namespace caredesk::store
