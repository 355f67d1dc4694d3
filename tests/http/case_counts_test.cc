// The /metrics case gauges, counted from a real SQLite store's queue.
#include "http/case_counts.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/store_url.h"
#include "core/case_event.h"

namespace caredesk::http {
namespace {

using std::chrono::hours;

core::Instant At(const char* text) { return *core::ParseInstant(text); }

class CaseCountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("caredesk-counts-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto store = app::OpenStore(path_.string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    policy_version_ = store_->ActivePolicy()->version;
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  // A case received on 20 November whose earliest open deadline is `next_due`.
  void AddCase(core::CaseStatus status, std::optional<core::Instant> next_due,
               std::optional<core::DeadlineStatus> next_status = core::DeadlineStatus::kPending) {
    const core::Instant received = At("2026-11-20T10:00:00Z");
    core::NewCase new_case;
    auto& r = new_case.record;
    r.kind = core::Kind::kComplaint;
    r.channel = core::Channel::kEmail;
    r.status = status;
    r.subject = "late refund";
    r.policy_version = policy_version_;
    r.received_at = r.logged_at = r.updated_at = received;
    r.next_due = next_due;
    r.next_status = next_due ? next_status : std::nullopt;
    core::event::Received payload;
    payload.kind = r.kind;
    payload.channel = r.channel;
    payload.subject = r.subject;
    new_case.received = core::CaseEvent{received, {"staff-1", "Alex Agent", "AA"}, payload};
    auto created = store_->CreateCase(new_case);
    ASSERT_TRUE(created) << created.error().message;
  }

  std::filesystem::path path_;
  core::FixedClock clock_{At("2026-11-23T12:00:00Z")};
  std::unique_ptr<core::Store> store_;
  std::string policy_version_;
};

TEST_F(CaseCountsTest, CountsOpenCasesDueTodayAndBreached) {
  AddCase(core::CaseStatus::kOpen, At("2026-11-23T17:30:00Z"));   // due today
  AddCase(core::CaseStatus::kOpen, At("2026-11-23T09:00:00Z"));   // due today, already passed
  AddCase(core::CaseStatus::kOpen, At("2026-11-21T17:30:00Z"));   // passed two days ago
  AddCase(core::CaseStatus::kOpen, At("2026-11-24T17:30:00Z"));   // tomorrow
  AddCase(core::CaseStatus::kOpen, std::nullopt);                 // no deadline
  AddCase(core::CaseStatus::kPaused, At("2026-11-22T17:30:00Z"),  // clock stopped
          core::DeadlineStatus::kPaused);
  AddCase(core::CaseStatus::kResolved, At("2026-11-23T17:30:00Z"));  // not open
  auto counts = CountCases(*store_, clock_.Now());
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->open_cases, 6);
  EXPECT_EQ(counts->deadlines_due_today, 2);
  EXPECT_EQ(counts->deadlines_breached, 2);
}

TEST_F(CaseCountsTest, CountsEveryPageOfALargeQueue) {
  for (int i = 0; i < 501; ++i) AddCase(core::CaseStatus::kOpen, At("2026-11-23T17:30:00Z"));
  auto counts = CountCases(*store_, clock_.Now());
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->open_cases, 501);
  EXPECT_EQ(counts->deadlines_due_today, 501);
}

TEST_F(CaseCountsTest, ScrapesWithinTheCacheAgeReuseTheLastCount) {
  CachedCaseCounts cached(*store_, clock_, std::chrono::seconds(10));
  AddCase(core::CaseStatus::kOpen, std::nullopt);
  EXPECT_EQ(cached.Get()->open_cases, 1);
  AddCase(core::CaseStatus::kOpen, std::nullopt);
  clock_.Advance(std::chrono::seconds(9));
  EXPECT_EQ(cached.Get()->open_cases, 1);
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(cached.Get()->open_cases, 2);
}

}  // namespace
}  // namespace caredesk::http
