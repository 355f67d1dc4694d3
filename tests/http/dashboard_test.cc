// The dashboard's figures, counted from a real SQLite store's queue: "due today" is the
// organisation's day in its own time zone, not UTC's.
#include "http/dashboard.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/store_url.h"
#include "core/case_event.h"

namespace caredesk::http {
namespace {

core::Instant At(const char* text) { return *core::ParseInstant(text); }

struct OpenCase {
  const char* received;
  std::optional<core::Instant> next_due = std::nullopt;
  std::optional<core::Id> department_id = std::nullopt;
  std::optional<core::Stage> stage = std::nullopt;
  core::CaseStatus status = core::CaseStatus::kOpen;
  core::DeadlineStatus next_status = core::DeadlineStatus::kPending;
};

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("caredesk-dashboard-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto store = app::OpenStore(path_.string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    policy_version_ = store_->ActivePolicy()->version;
    core::CalendarSpec spec;
    spec.time_zone = "America/New_York";
    auto calendar = core::BusinessCalendar::Create(spec);
    ASSERT_TRUE(calendar) << calendar.error().message;
    calendar_ = *calendar;
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::string Add(const OpenCase& c) {
    core::NewCase new_case;
    auto& r = new_case.record;
    r.kind = c.stage ? core::Kind::kComplaint : core::Kind::kQuestion;
    r.channel = core::Channel::kPhone;
    r.stage = c.stage;
    r.status = c.status;
    r.department_id = c.department_id;
    r.subject = "case received " + std::string(c.received);
    r.policy_version = policy_version_;
    r.received_at = r.logged_at = r.updated_at = At(c.received);
    r.next_due = c.next_due;
    if (c.next_due) r.next_status = c.next_status;
    core::event::Received payload;
    payload.kind = r.kind;
    payload.channel = r.channel;
    payload.subject = r.subject;
    new_case.received = core::CaseEvent{r.received_at, {"staff-1", "Alex Agent", "AA"}, payload};
    auto created = store_->CreateCase(new_case);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->reference : "";
  }

  core::Id Department(const char* name) {
    auto saved = store_->SaveDepartment({0, name, std::nullopt});
    EXPECT_TRUE(saved);
    return saved ? saved->id : 0;
  }

  std::filesystem::path path_;
  // 10:00 in New York on Monday 23 November; in UTC it is already 15:00.
  core::FixedClock clock_{At("2026-11-23T15:00:00Z")};
  std::unique_ptr<core::Store> store_;
  std::string policy_version_;
  std::shared_ptr<const core::BusinessCalendar> calendar_;
};

TEST_F(DashboardTest, DueTodayIsTheOrganisationsDayNotUtcs) {
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = At("2026-11-24T03:00:00Z")});  // 22:00 on the 23rd in New York
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = At("2026-11-23T04:00:00Z")});  // 23:00 on the 22nd: breached
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = At("2026-11-24T06:00:00Z")});  // 01:00 on the 24th: tomorrow
  auto figures = SummariseOpenCases(*store_, *calendar_, clock_.Now(), 10);
  ASSERT_TRUE(figures) << figures.error().message;
  EXPECT_EQ(core::FormatDate(figures->today), "2026-11-23");
  EXPECT_EQ(figures->total.open, 3);
  EXPECT_EQ(figures->total.due_today, 1);
  EXPECT_EQ(figures->total.breached, 1);
}

TEST_F(DashboardTest, CountsByDepartmentAndStageLeavingOutClosedCases) {
  const core::Id billing = Department("Billing");
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = At("2026-11-23T04:00:00Z"),
       .department_id = billing,
       .stage = core::Stage::kStage1});
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = std::nullopt,
       .department_id = billing,
       .stage = core::Stage::kStage2});
  Add({.received = "2026-11-20T15:00:00Z", .next_due = std::nullopt});
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = At("2026-11-22T17:00:00Z"),
       .department_id = billing,
       .stage = core::Stage::kStage1,
       .status = core::CaseStatus::kPaused,
       .next_status = core::DeadlineStatus::kPaused});  // the clock is stopped
  Add({.received = "2026-11-20T15:00:00Z",
       .next_due = std::nullopt,
       .department_id = billing,
       .stage = core::Stage::kStage1,
       .status = core::CaseStatus::kResolved});
  auto figures = SummariseOpenCases(*store_, *calendar_, clock_.Now(), 10);
  ASSERT_TRUE(figures) << figures.error().message;
  EXPECT_EQ(figures->total.open, 4);
  EXPECT_EQ(figures->total.breached, 1);
  EXPECT_EQ(figures->by_department[billing].open, 3);
  EXPECT_EQ(figures->by_department[billing].breached, 1);
  EXPECT_EQ(figures->by_department[std::nullopt].open, 1);
  EXPECT_EQ(figures->by_stage[core::Stage::kStage1].open, 2);
  EXPECT_EQ(figures->by_stage[core::Stage::kStage2].open, 1);
  EXPECT_EQ(figures->by_stage[std::nullopt].open, 1);
}

TEST_F(DashboardTest, KeepsTheOldestOpenCasesOldestFirst) {
  const auto third =
      Add({.received = "2026-03-01T10:00:00Z", .next_due = At("2026-12-01T17:00:00Z")});
  const auto first = Add({.received = "2026-01-05T10:00:00Z", .next_due = std::nullopt});
  Add({.received = "2026-11-01T10:00:00Z", .next_due = At("2026-11-23T20:00:00Z")});
  const auto second =
      Add({.received = "2026-02-01T10:00:00Z", .next_due = At("2026-11-30T17:00:00Z")});
  Add({.received = "2025-12-01T10:00:00Z",
       .next_due = std::nullopt,
       .status = core::CaseStatus::kClosed});
  auto figures = SummariseOpenCases(*store_, *calendar_, clock_.Now(), 3);
  ASSERT_TRUE(figures) << figures.error().message;
  ASSERT_EQ(figures->oldest.size(), 3u);
  EXPECT_EQ(figures->oldest[0].reference, first);
  EXPECT_EQ(figures->oldest[1].reference, second);
  EXPECT_EQ(figures->oldest[2].reference, third);
}

}  // namespace
}  // namespace caredesk::http
