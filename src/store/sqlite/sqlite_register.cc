// The complaints register's reads on SQLite (store/common/figures_sql.h), on a reader connection.
#include "store/common/figures_sql.h"
#include "store/sqlite/sqlite_store_sessions.h"

namespace caredesk::store {

core::Result<core::Page<core::RegisterCase>> SqliteStore::ComplaintsIn(
    const core::ReportFilter& filter, const std::string& cursor, int limit) {
  return InReader<core::Page<core::RegisterCase>>(
      [&](SqlSession& s) { return store::ComplaintsIn(s, filter, cursor, limit); });
}

}  // namespace caredesk::store
