// The engines the store contract suite runs against, each opened fresh per test: a SQLite file
// in a temporary directory, and a database on a throwaway PostgreSQL server started by the
// shared test helper. Raw SQL access lets a test act behind the store's back (tampering).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

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

// The engines the parameterised suites run against, by name: "sqlite", and "postgres" where
// caredesk is built with PostgreSQL.
inline std::vector<std::string> EngineNames() {
#ifdef CAREDESK_HAVE_POSTGRES_STORE
  return {"sqlite", "postgres"};
#else
  return {"sqlite"};
#endif
}

// The engine named `name` (one of EngineNames()); null, with the reason in `why`, when it
// cannot be started here.
inline std::unique_ptr<StoreEngine> MakeEngine(const std::string& name, std::string& why) {
#ifdef CAREDESK_HAVE_POSTGRES_STORE
  if (name == "postgres") return MakePostgresEngine(why);
#endif
  if (name == "sqlite") return MakeSqliteEngine();
  why = "no engine named " + name;
  return nullptr;
}

// A test run once per engine (GetParam() names it) on a fresh, migrated, empty store, on a
// fixed clock. Suites that need more in SetUp call this SetUp first.
class FreshStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string why;
    engine_ = MakeEngine(GetParam(), why);
    if (!engine_) GTEST_FAIL() << "cannot start " << GetParam() << ": " << why;
    auto store = engine_->OpenFresh(clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }

  core::FixedClock clock_{*core::ParseInstant("2026-11-23T12:00:00Z")};
  std::unique_ptr<StoreEngine> engine_;
  std::unique_ptr<core::Store> store_;
};

// The same, with the suites' policy version "test-policy-v1" installed, so cases can be stored.
class StoreWithPolicyTest : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store_->InstallPolicy("test-policy-v1", "# test", clock_.Now()));
  }
};

}  // namespace caredesk::testing
