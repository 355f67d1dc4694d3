// The store's change feed (core/case_changes.h) on every engine: each committed creation and
// append is heard once, with the projection it left; a refused append is not heard. On
// PostgreSQL a second store on the same database — as a second process would — hears the
// first one's writes (NOTIFY in the write's transaction, LISTEN on its own connection).
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "core/case_changes.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using namespace std::chrono_literals;

const core::Actor kAgent{"staff-1", "Alex Agent", "AA"};

core::NewCase Contact(const std::string& subject, core::Instant received) {
  core::NewCase new_case;
  auto& r = new_case.record;
  r.kind = core::Kind::kComplaint;
  r.channel = core::Channel::kEmail;
  r.subject = subject;
  r.policy_version = "test-policy-v1";
  r.received_at = received;
  r.logged_at = received;
  r.updated_at = received;
  core::event::Received payload;
  payload.subject = subject;
  new_case.received = core::CaseEvent{received, kAgent, payload};
  return new_case;
}

// What a subscriber heard, awaited without sleeping.
class Heard {
 public:
  void Add(const core::CaseChange& change) {
    std::lock_guard lock(mutex_);
    changes_.push_back(change);
    arrived_.notify_all();
  }
  // The first `count` changes, once that many arrived (fewer after 5 s).
  std::vector<core::CaseChange> Wait(std::size_t count) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, 5s, [&] { return changes_.size() >= count; });
    return changes_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<core::CaseChange> changes_;
};

class CaseChangesContract : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(store_->InstallPolicy("test-policy-v1", "# test", clock_.Now()));
  }
};

TEST_P(CaseChangesContract, EachCommittedCreationAndAppendIsHeardOnce) {
  Heard heard;
  auto subscription =
      store_->CaseChanges().Subscribe([&](const core::CaseChange& c) { heard.Add(c); });
  auto created = store_->CreateCase(Contact("Heard", clock_.Now()));
  ASSERT_TRUE(created) << created.error().message;
  core::CaseRecord projection = *created;
  projection.status = core::CaseStatus::kClosed;
  const core::CaseEvent note{clock_.Now(), kAgent, core::event::Note{"on file"}};
  auto refused = store_->AppendEvent(created->id, 5, note, projection);  // wrong count
  ASSERT_FALSE(refused);
  auto appended = store_->AppendEvent(created->id, 1, note, projection);
  ASSERT_TRUE(appended) << appended.error().message;

  const auto changes = heard.Wait(2);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], core::ChangeOf(*created, core::EventType::kReceived));
  EXPECT_EQ(changes[1].reference, created->reference);
  EXPECT_EQ(changes[1].event, core::EventType::kNote);
  EXPECT_EQ(changes[1].status, core::CaseStatus::kClosed);
  EXPECT_EQ(changes[1].department_id, std::nullopt);

  subscription.Reset();
  ASSERT_TRUE(store_->CreateCase(Contact("Unheard", clock_.Now())));
  EXPECT_EQ(heard.Wait(3).size(), 2u) << "heard after the subscription ended";
}

TEST_P(CaseChangesContract, CasesCreatedTogetherAreEachHeard) {
  Heard heard;
  auto subscription =
      store_->CaseChanges().Subscribe([&](const core::CaseChange& c) { heard.Add(c); });
  constexpr int kWriters = 8;
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      EXPECT_TRUE(store_->CreateCase(Contact("Together " + std::to_string(i), clock_.Now())));
    });
  }
  for (auto& writer : writers) writer.join();
  const auto changes = heard.Wait(kWriters);
  EXPECT_EQ(changes.size(), std::size_t(kWriters));
  std::set<std::string> references;
  for (const auto& change : changes) references.insert(change.reference);
  EXPECT_EQ(references.size(), std::size_t(kWriters));
}

TEST_P(CaseChangesContract, AnotherStoreOnTheSameDatabaseHearsTheWrites) {
  if (GetParam() != "postgres") GTEST_SKIP() << "one SQLite file has one process";
  auto other = engine_->Reopen(clock_);
  ASSERT_TRUE(other) << other.error().message;
  Heard heard;
  auto subscription =
      (*other)->CaseChanges().Subscribe([&](const core::CaseChange& c) { heard.Add(c); });
  auto created = store_->CreateCase(Contact("Across", clock_.Now()));
  ASSERT_TRUE(created);
  const auto changes = heard.Wait(1);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].reference, created->reference);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseChangesContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
