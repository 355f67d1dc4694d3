// How PgStore runs the engine-neutral store code (store/common/*_sql.h): in a transaction of its
// own on a pooled connection. Included by the files that wire that code into the store.
#pragma once

#include "store/postgres/pg_pool.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {

template <class T, class Body>
core::Result<T> PgStore::InSession(Body body) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return InTransaction(**conn, [&]() -> core::Result<T> {
    PgSession session(**conn);
    return body(session);
  });
}

}  // namespace caredesk::store
