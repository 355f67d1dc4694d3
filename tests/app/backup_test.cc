// An online backup taken while writers write is a consistent caredesk database: it opens, its
// chains verify, and every case in it has all the events its projection counts.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "app/store_url.h"
#include "core/case_service.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::app {
namespace {

TEST(OnlineBackup, IsConsistentWhileWritersWrite) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("caredesk-backup-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  core::FixedClock clock(*core::ParseInstant("2026-11-20T12:00:00Z"));
  auto store = store::SqliteStore::Open((dir / "live.db").string(), clock);
  ASSERT_TRUE(store) << store.error().message;
  auto opened = OpenStore((dir / "live.db").string(), clock);  // installs the default policy
  ASSERT_TRUE(opened);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    core::CaseService service(**store, clock);
    core::NewContact contact;
    contact.kind = core::Kind::kQuestion;
    contact.subject = "Busy";
    contact.received = *core::ParseInstant("2026-11-20T10:00:00Z");
    for (int i = 0; !stop; ++i) {
      auto record = service.LogContact(contact);
      ASSERT_TRUE(record) << record.error().message;
      ASSERT_TRUE(
          service.Record(record->reference, {contact.received.value(),
                                             {"1", "A", "A"},
                                             core::event::Note{"note " + std::to_string(i)}}));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let writes build up
  const std::string copy = (dir / "backup.db").string();
  ASSERT_TRUE((*store)->BackupTo(copy));
  stop = true;
  writer.join();

  auto backup = store::SqliteStore::Open(copy, clock);
  ASSERT_TRUE(backup) << backup.error().message;
  auto broken = (*backup)->VerifyChain();
  ASSERT_TRUE(broken);
  EXPECT_FALSE(broken->has_value());
  core::QueueQuery all;
  all.limit = 500;
  std::int64_t cases = 0;
  while (true) {
    auto page = (*backup)->Queue(all);
    ASSERT_TRUE(page);
    for (const auto& record : page->rows) {
      ++cases;
      EXPECT_EQ(static_cast<std::int64_t>((*backup)->Events(record.id)->size()),
                record.event_count);
    }
    if (page->next_cursor.empty()) break;
    all.cursor = page->next_cursor;
  }
  EXPECT_GT(cases, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::app
