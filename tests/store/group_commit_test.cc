// The SQLite group committer: writes queued together commit together, and a write that fails is
// undone alone whether it failed before or after changing rows.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "fiber/fiber_pool.h"
#include "store/sqlite/sqlite_group_commit.h"

namespace caredesk::store {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caredesk-group-commit-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = SqliteDb::Open((dir_ / "t.db").string());
    ASSERT_TRUE(db) << db.error().message;
    ASSERT_TRUE((*db)->Exec("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
    committer_ = std::make_unique<GroupCommitter>(std::move(*db));
  }
  void TearDown() override {
    committer_.reset();
    std::filesystem::remove_all(dir_);
  }

  static core::Result<void> Insert(SqliteDb& db, std::int64_t x) {
    auto insert = db.Prepare("INSERT INTO t (x) VALUES (?)");
    if (!insert) return tl::unexpected(insert.error());
    insert->Bind(x);
    return insert->Run();
  }

  // Runs writes 1..5 in one group: a first write holds the writer until all five are queued.
  // Write 3 inserts 100 and then, when `fail_after_change`, fails; otherwise it fails first.
  // Returns each write's result and how often write 3's body ran.
  std::pair<std::vector<bool>, int> RunGroupWithFailure(bool fail_after_change) {
    std::atomic<bool> holding{false};
    std::thread holder([&] {
      auto held = committer_->Run([&](SqliteDb& db) -> core::Result<void> {
        holding = true;
        while (committer_->Queued() < 5) std::this_thread::yield();
        return Insert(db, 0);
      });
      EXPECT_TRUE(held);
    });
    while (!holding) std::this_thread::yield();
    std::vector<bool> ok(6, false);
    std::atomic<int> third_runs{0};
    std::vector<std::thread> writers;
    for (int i = 1; i <= 5; ++i) {
      writers.emplace_back([&, i] {
        auto done = committer_->Run([&, i](SqliteDb& db) -> core::Result<void> {
          if (i != 3) return Insert(db, i);
          ++third_runs;
          if (fail_after_change) {
            if (auto inserted = Insert(db, 100); !inserted) return inserted;
          }
          return core::Fail(core::ErrorCode::kConflict, "write 3 refuses");
        });
        ok[i] = done.has_value();
      });
    }
    for (auto& t : writers) t.join();
    holder.join();
    return {ok, third_runs.load()};
  }

  std::set<std::int64_t> Rows() {
    std::set<std::int64_t> rows;
    auto status = committer_->Run([&](SqliteDb& db) -> core::Result<void> {
      rows.clear();
      auto select = db.Prepare("SELECT x FROM t");
      if (!select) return tl::unexpected(select.error());
      while (true) {
        auto row = select->Step();
        if (!row) return tl::unexpected(row.error());
        if (!*row) return {};
        rows.insert(select->Int(0));
      }
    });
    EXPECT_TRUE(status);
    return rows;
  }

  std::filesystem::path dir_;
  std::unique_ptr<GroupCommitter> committer_;
};

// On a fiber pool, a write's fiber is suspended while it waits for its commit: one thread
// starts every write, and the writes queued meanwhile share their groups.
TEST_F(GroupCommitTest, WritesFromFibersOfOneThreadCommitTogether) {
  constexpr int kWrites = 200;
  std::atomic<int> groups{0};
  committer_->SetGroupHooks([&] { ++groups; }, {});
  std::atomic<int> committed{0};
  {
    fiber::FiberPool pool(1, kWrites);
    for (int i = 1; i <= kWrites; ++i) {
      ASSERT_TRUE(pool.Submit([&, i] {
        auto done = committer_->Run([i](SqliteDb& db) { return Insert(db, i); });
        if (done) ++committed;
      }));
    }
  }  // Stop: every fiber resumed and finished
  EXPECT_EQ(committed, kWrites);
  EXPECT_LT(groups, kWrites / 4) << "as threads of a pool of one, each write is a group";
  auto count = SqliteDb::Open((dir_ / "t.db").string());
  ASSERT_TRUE(count);
  auto rows = (*count)->Prepare("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(rows);
  ASSERT_TRUE(rows->Step().value_or(false));
  EXPECT_EQ(rows->Int(0), kWrites);
}

TEST_F(GroupCommitTest, WriteFailingBeforeChangingAnythingFailsAloneInOneRun) {
  auto [ok, third_runs] = RunGroupWithFailure(/*fail_after_change=*/false);
  EXPECT_EQ(ok, (std::vector<bool>{false, true, true, false, true, true}));
  EXPECT_EQ(third_runs, 1);
  EXPECT_EQ(Rows(), (std::set<std::int64_t>{0, 1, 2, 4, 5}));
}

TEST_F(GroupCommitTest, WriteFailingAfterChangingRowsIsUndoneAloneAndTheOthersCommit) {
  auto [ok, third_runs] = RunGroupWithFailure(/*fail_after_change=*/true);
  EXPECT_EQ(ok, (std::vector<bool>{false, true, true, false, true, true}));
  EXPECT_EQ(third_runs, 2);  // the group ran again, each write in its own savepoint
  EXPECT_EQ(Rows(), (std::set<std::int64_t>{0, 1, 2, 4, 5}));
}

TEST_F(GroupCommitTest, DeferredWorkOfAFailedWriteIsDropped) {
  auto ok = committer_->Run([&](SqliteDb& db) -> core::Result<void> {
    committer_->Defer([](SqliteDb& later) { return Insert(later, 7); });
    return Insert(db, 6);
  });
  ASSERT_TRUE(ok);
  auto refused = committer_->Run([&](SqliteDb&) -> core::Result<void> {
    committer_->Defer([](SqliteDb& later) { return Insert(later, 9); });
    return core::Fail(core::ErrorCode::kInvalid, "refused");
  });
  EXPECT_FALSE(refused);
  EXPECT_EQ(Rows(), (std::set<std::int64_t>{6, 7}));
}

TEST_F(GroupCommitTest, FailingDeferredWorkFailsItsWholeGroup) {
  ASSERT_TRUE(committer_->Run([](SqliteDb& db) { return Insert(db, 1); }));
  auto failed = committer_->Run([&](SqliteDb& db) -> core::Result<void> {
    committer_->Defer([](SqliteDb& later) { return Insert(later, 1); });  // a duplicate key
    return Insert(db, 2);
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(Rows(), (std::set<std::int64_t>{1}));
}

}  // namespace
}  // namespace caredesk::store
