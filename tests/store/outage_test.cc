// A database that cannot be reached is an outage (`unavailable`), not a bad request: the server
// answers 503 for it and the command line exits 1 rather than blaming its arguments.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/clock.h"
#include "store/sqlite/sqlite_store.h"
#ifdef CAREDESK_HAVE_POSTGRES_STORE
#include "store/postgres/pg_store.h"
#endif

namespace caredesk::store {
namespace {

const core::FixedClock kClock{core::Instant{std::chrono::seconds{1790000000}}};

TEST(StoreOutage, SqliteFileThatCannotBeOpenedIsUnavailable) {
  const auto missing_dir = std::filesystem::temp_directory_path() / "caredesk-no-such-dir" / "x";
  auto store = SqliteStore::Open((missing_dir / "cases.db").string(), kClock);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, core::ErrorCode::kUnavailable) << store.error().message;
}

#ifdef CAREDESK_HAVE_POSTGRES_STORE
TEST(StoreOutage, PostgresServerThatDoesNotAnswerIsUnavailable) {
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  auto store =
      PgStore::Open("postgresql://caredesk@127.0.0.1:1/caredesk?connect_timeout=2", kClock);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, core::ErrorCode::kUnavailable) << store.error().message;
  EXPECT_NE(store.error().message.find("cannot connect"), std::string::npos);
}
#endif

}  // namespace
}  // namespace caredesk::store
