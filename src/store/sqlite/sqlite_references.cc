#include "store/sqlite/sqlite_references.h"

#include <algorithm>

#include "store/common/reference.h"

namespace caredesk::store {

core::Result<std::string> SqliteReferences::Next(SqliteDb& db, int year) {
  auto last = last_.find(year);
  if (last == last_.end()) {
    auto read = db.Prepare("SELECT last FROM reference_counters WHERE year = ?");
    if (!read) return tl::unexpected(read.error());
    read->Bind(std::int64_t{year});
    auto row = read->Step();
    if (!row) return tl::unexpected(row.error());
    last = last_.emplace(year, *row ? read->Int(0) : 0).first;
  }
  return FormatReference(year, ++last->second);
}

core::Result<void> SqliteReferences::Save(SqliteDb& db) {
  for (const auto& [year, last] : last_) {
    auto write = db.Prepare(
        "INSERT INTO reference_counters (year, last) VALUES (?, ?) "
        "ON CONFLICT (year) DO UPDATE SET last = MAX(last, excluded.last)");
    if (!write) return tl::unexpected(write.error());
    write->Bind(std::int64_t{year}).Bind(last);
    if (auto done = write->Run(); !done) return done;
  }
  return {};
}

void SqliteReferences::Used(int year, std::int64_t number) {
  // A year not taken from in this group is read from the counter row, which the import moved.
  if (auto last = last_.find(year); last != last_.end()) {
    last->second = std::max(last->second, number);
  }
}

}  // namespace caredesk::store
