// A case's deadlines from its events under a policy: a few end-to-end checks through the
// deadline engine, on wall-clock standards so the calendar does not matter here.
#include "core/case_deadlines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_builders.h"

namespace caredesk::core {
namespace {

using std::chrono::hours;
using testing::Contact;
using testing::EventAt;
using testing::kStart;
using testing::NotUpheld;

constexpr const char* kPolicy = R"(
[organisation]
name = "Case Deadlines Test"
time_zone = "Europe/London"

[calendar]
hours = { mon-fri = "09:00-17:00" }

[[standard]]
id = "complaint-ack"
applies = { kind = ["complaint"] }
event = "acknowledged"
within = "24 hours"

[[standard]]
id = "complaint-resolve"
applies = { kind = ["complaint"] }
event = "resolved"
within = "48 hours"

[[standard]]
id = "review-resolve"
applies = { kind = ["complaint"] }
from = "escalated"
event = "resolved"
within = "72 hours"
)";

// Whole hours after kStart (Monday 2 March 2026, 09:00 in London): the standards here are
// counted in hours.
Instant H(int hour) { return kStart + hours{hour}; }

CaseEvent E(int hour, EventPayload payload, const std::string& actor = "alice") {
  return EventAt(H(hour), std::move(payload), actor);
}

event::Received Complaint() { return Contact(Kind::kComplaint, Channel::kEmail); }

class CaseDeadlinesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parsed = ParsePolicy(kPolicy);
    ASSERT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().front().reason);
    policy_ = std::move(*parsed);
  }

  // The deadline of `id` among the case's deadlines at `now`.
  std::optional<Deadline> DeadlineOf(const std::vector<CaseEvent>& events, Instant now,
                                     const std::string& id) {
    auto deadlines = CaseDeadlines(policy_, events, now);
    if (!deadlines) {
      ADD_FAILURE() << deadlines.error().message;
      return std::nullopt;
    }
    for (const Deadline& deadline : *deadlines) {
      if (deadline.standard_id == id) return deadline;
    }
    return std::nullopt;
  }

  Policy policy_;
};

TEST_F(CaseDeadlinesTest, AnAcknowledgementInTimeIsMetWhileTheResolutionIsPending) {
  const std::vector events = {E(0, Complaint()), E(2, event::Acknowledged{})};
  auto ack = DeadlineOf(events, H(3), "complaint-ack");
  ASSERT_TRUE(ack.has_value());
  EXPECT_EQ(ack->status, DeadlineStatus::kMet);
  EXPECT_EQ(ack->fulfilled_at, H(2));
  auto resolve = DeadlineOf(events, H(3), "complaint-resolve");
  ASSERT_TRUE(resolve.has_value());
  EXPECT_EQ(resolve->due, H(48));
  EXPECT_EQ(resolve->status, DeadlineStatus::kPending);
}

TEST_F(CaseDeadlinesTest, EscalationToStage2StartsTheReviewClock) {
  const std::vector events = {E(0, Complaint()), E(1, event::Acknowledged{}), E(10, NotUpheld()),
                              E(20, event::Escalated{"disagrees"}, "customer")};
  auto review = DeadlineOf(events, H(21), "review-resolve");
  ASSERT_TRUE(review.has_value());
  EXPECT_EQ(review->start, H(20));
  EXPECT_EQ(review->due, H(20 + 72));
  EXPECT_EQ(review->status, DeadlineStatus::kPending);
}

TEST_F(CaseDeadlinesTest, AWithdrawnComplaintsOpenDeadlinesAreNotApplicable) {
  const std::vector events = {E(0, Complaint()), E(1, event::Closed{"withdrawn", true})};
  auto ack = DeadlineOf(events, H(100), "complaint-ack");
  auto resolve = DeadlineOf(events, H(100), "complaint-resolve");
  ASSERT_TRUE(ack.has_value() && resolve.has_value());
  EXPECT_EQ(ack->status, DeadlineStatus::kNotApplicable);
  EXPECT_EQ(resolve->status, DeadlineStatus::kNotApplicable);
}

TEST_F(CaseDeadlinesTest, ABreachBeforeTheCaseClosedStaysABreach) {
  const std::vector events = {E(0, Complaint()), E(30, event::Closed{"withdrawn", true})};
  auto ack = DeadlineOf(events, H(100), "complaint-ack");
  ASSERT_TRUE(ack.has_value());
  EXPECT_EQ(ack->status, DeadlineStatus::kBreached);
}

TEST_F(CaseDeadlinesTest, AContactReclassifiedAsAQuestionHasNoComplaintDeadlines) {
  const std::vector events = {
      E(0, Complaint()),
      E(1, event::Reclassified{Kind::kQuestion, "asks how to pay", {}, {}}),
  };
  auto deadlines = CaseDeadlines(policy_, events, H(2));
  ASSERT_TRUE(deadlines.has_value()) << deadlines.error().message;
  EXPECT_TRUE(deadlines->empty());
}

TEST_F(CaseDeadlinesTest, EventsThatDoNotFoldGiveTheFoldError) {
  const std::vector events = {E(0, Complaint()), E(1, event::Resumed{})};
  auto deadlines = CaseDeadlines(policy_, events, H(2));
  ASSERT_FALSE(deadlines.has_value());
  EXPECT_EQ(deadlines.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace caredesk::core
