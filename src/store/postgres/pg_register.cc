// The complaints register's reads on PostgreSQL (store/common/figures_sql.h): the page and its
// cases' events in one transaction.
#include "store/common/figures_sql.h"
#include "store/postgres/pg_store_sessions.h"

namespace caredesk::store {

core::Result<core::Page<core::RegisterCase>> PgStore::ComplaintsIn(const core::ReportFilter& filter,
                                                                   const std::string& cursor,
                                                                   int limit) {
  return InSession<core::Page<core::RegisterCase>>(
      [&](SqlSession& s) { return store::ComplaintsIn(s, filter, cursor, limit); });
}

}  // namespace caredesk::store
