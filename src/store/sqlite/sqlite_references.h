// Case references on SQLite (CD-YYYY-NNNNNN, unique and increasing per year). The writer holds
// the database's write lock for a whole group, so within a group the next number of a year is
// counted in memory: the counter row is read once per group and year and written once, before
// COMMIT, instead of an upsert per case. A number taken by a write that then fails is not handed
// out again (a gap, never a repeat).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

class SqliteReferences {
 public:
  // Group hooks (GroupCommitter::SetGroupHooks): forget the last group's numbers; write this
  // group's counters.
  void Begin() { last_.clear(); }
  core::Result<void> Save(SqliteDb& db);

  // Writer thread, inside a write: the next reference of `year`.
  core::Result<std::string> Next(SqliteDb& db, int year);
  // Writer thread, inside a write that stores a case under a reference it brings (an import,
  // which also moves the counter row): no number up to `number` of `year` is handed out again.
  void Used(int year, std::int64_t number);

 private:
  std::map<int, std::int64_t> last_;  // year → last number taken in this group
};

}  // namespace caredesk::store
