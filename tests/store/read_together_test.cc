// Store::ReadTogether on SQLite: the reads inside it share one snapshot (one read transaction),
// so a case committed meanwhile by another thread is seen only after it; nested calls join the
// outer one; reads outside it see every commit at once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "core/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "store_cases.h"

namespace caredesk::store {
namespace {

using caredesk::testing::Contact;

class ReadTogetherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caredesk-read-together-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = SqliteStore::Open((dir_ / "cases.db").string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->InstallPolicy("test-policy-v1", "# test", clock_.Now()));
    first_ = Create("First");
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Creates a case on another thread, as another request would, and waits for its commit.
  std::string Create(const std::string& subject) {
    std::string reference;
    std::thread([&] {
      auto created = store_->CreateCase(Contact(subject, "body", clock_.Now()));
      ASSERT_TRUE(created) << created.error().message;
      reference = created->reference;
    }).join();
    return reference;
  }

  core::FixedClock clock_{core::Instant{std::chrono::seconds{1790000000}}};
  std::filesystem::path dir_;
  std::unique_ptr<SqliteStore> store_;
  std::string first_;
};

TEST_F(ReadTogetherTest, ReadsInsideSeeOneSnapshot) {
  std::string second;
  store_->ReadTogether([&] {
    ASSERT_TRUE(store_->FindCase(first_));  // the snapshot starts here
    second = Create("Second");
    EXPECT_FALSE(store_->FindCase(second)) << "committed after the snapshot began";
    store_->ReadTogether([&] {  // a nested call joins the outer snapshot
      EXPECT_FALSE(store_->FindCase(second));
    });
    auto events = store_->Events(store_->FindCase(first_)->id);
    ASSERT_TRUE(events);
    EXPECT_EQ(events->size(), 1u);
  });
  EXPECT_TRUE(store_->FindCase(second)) << "seen once the snapshot has ended";
}

TEST_F(ReadTogetherTest, ReadsOutsideSeeEachCommitAtOnce) {
  ASSERT_TRUE(store_->FindCase(first_));
  const std::string second = Create("Second");
  EXPECT_TRUE(store_->FindCase(second));
}

TEST_F(ReadTogetherTest, AnExceptionEndsTheSnapshotAndReachesTheCaller) {
  EXPECT_THROW(store_->ReadTogether([&] {
    ASSERT_TRUE(store_->FindCase(first_));
    throw std::runtime_error("handler failed");
  }),
               std::runtime_error);
  // The connection went back to the pool with its transaction ended: it sees new commits.
  const std::string second = Create("Second");
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(store_->FindCase(second));
}

}  // namespace
}  // namespace caredesk::store
