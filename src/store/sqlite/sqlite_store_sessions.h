// How SqliteStore runs the engine-neutral store code (store/common/*_sql.h): a write in the
// group committer (so it is serialised with every other write), a read on a reader connection.
// Included by the files that wire that code into the store.
#pragma once

#include "store/sqlite/sqlite_session.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::store {

template <class T, class Body>
core::Result<T> SqliteStore::InWriter(Body body) {
  return Write<T>(*writer_, [&](SqliteDb& db) -> core::Result<T> {
    SqliteSession session(db);
    return body(session);
  });
}

template <class T, class Body>
core::Result<T> SqliteStore::InReader(Body body) {
  auto reader = readers_.Borrow();
  SqliteSession session(*reader);
  return body(session);
}

}  // namespace caredesk::store
