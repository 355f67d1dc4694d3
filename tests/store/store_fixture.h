// The engines the store contract suite runs against, each opened fresh per test: a SQLite file
// in a temporary directory, and a database on a throwaway PostgreSQL server started by the
// shared test helper. Raw SQL access lets a test act behind the store's back (tampering).
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/store.h"

namespace caredesk::testing {

class StoreEngine {
 public:
  virtual ~StoreEngine() = default;
  virtual std::string Name() const = 0;
  // A fresh, migrated, empty store; the fixture keeps the engine alive while it is used.
  virtual core::Result<std::unique_ptr<core::Store>> OpenFresh(const core::Clock& clock) = 0;
  // Reopens the most recent fresh store (same file or database).
  virtual core::Result<std::unique_ptr<core::Store>> Reopen(const core::Clock& clock) = 0;
  // Runs SQL directly on the most recent store's database, bypassing caredesk.
  virtual core::Result<void> RawExec(const std::string& sql) = 0;
  // The --db URL of the most recent store.
  virtual std::string Url() const = 0;
};

std::unique_ptr<StoreEngine> MakeSqliteEngine();
// Null when no PostgreSQL server can be started here (the reason in `why`).
std::unique_ptr<StoreEngine> MakePostgresEngine(std::string& why);

}  // namespace caredesk::testing
