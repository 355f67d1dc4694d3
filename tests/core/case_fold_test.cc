// Folding a case's events: the first is received, time never runs backwards, and the state
// after a whole lifecycle says what happened. Also the smaller lifecycle rules (acknowledging,
// pausing, points, preventive actions, closing and reopening).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_builders.h"
#include "core/case_state.h"

namespace caredesk::core {
namespace {

using testing::E;
using testing::T;
using testing::TwoPointComplaint;

event::Received Question() {
  return event::Received{Kind::kQuestion, Channel::kWeb, true, "", "", "opening hours", "", {}, {}};
}

event::Resolved BothPoints(Outcome first, Outcome second, Outcome overall) {
  event::Resolved resolved;
  resolved.outcome = overall;
  resolved.points = {PointOutcome{2, second}, PointOutcome{1, first}};
  resolved.remedies = {Remedy{RemedyType::kFinancialRedress, "refund", Money{4250, "GBP"}}};
  resolved.root_cause = "process";
  resolved.service_failure = true;
  resolved.preventive_actions = {PreventiveAction{"block duplicate billing", "fay", T(20000)}};
  return resolved;
}

TEST(CaseFold, NoEventsIsInvalid) {
  auto state = Fold(std::vector<CaseEvent>{});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(state.error().field, "events");
}

TEST(CaseFold, TheFirstEventMustBeReceived) {
  auto state = Fold(std::vector{E(0, event::Note{"hello"})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
  EXPECT_NE(state.error().message.find("starts with received"), std::string::npos);
}

TEST(CaseFold, ReceivedTwiceIsAConflict) {
  auto state = Fold(std::vector{E(0, Question()), E(1, Question())});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(CaseFold, AnEventEarlierThanThePreviousOneIsAConflictNamingItsPosition) {
  auto state = Fold(
      std::vector{E(0, Question()), E(10, event::Note{"first"}), E(9, event::Note{"earlier"})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
  EXPECT_EQ(state.error().field, "at");
  EXPECT_EQ(state.error().message.rfind("event 3 (note): ", 0), 0u) << state.error().message;
}

TEST(CaseFold, EventsAtTheSameInstantAreInOrder) {
  auto state = Fold(std::vector{E(0, Question()), E(0, event::Acknowledged{true}),
                                E(0, event::Replied{"we open at nine"})});
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->event_count, 3u);
}

TEST(CaseFold, IsTheSameAsApplyingEachEventInTurn) {
  const std::vector events = {
      E(0, TwoPointComplaint()),
      E(5, event::Acknowledged{}),
      E(6, event::Assigned{Actor{"bob", "Bob", "B"}}),
      E(60, event::Referred{"Finance", "Fay", T(2000)}),
      E(61, event::Paused{"awaiting the invoice"}),
      E(900, event::Resumed{}),
      E(1000, BothPoints(Outcome::kUpheld, Outcome::kNotUpheld, Outcome::kPartlyUpheld), "bob"),
  };
  CaseState stepwise;
  for (const CaseEvent& event : events) {
    auto next = Apply(stepwise, event);
    ASSERT_TRUE(next.has_value()) << next.error().message;
    stepwise = *next;
  }
  auto folded = Fold(events);
  ASSERT_TRUE(folded.has_value()) << folded.error().message;
  EXPECT_EQ(*folded, stepwise);
}

TEST(CaseFold, AComplaintsWholeLifecycleIsInItsState) {
  auto state = Fold(std::vector{
      E(0, TwoPointComplaint(), "reception"),
      E(5, event::Acknowledged{}),
      E(6, event::Assigned{Actor{"bob", "Bob", "B"}}, "manager"),
      E(60, event::Referred{"Finance", "Fay", T(2000)}, "bob"),
      E(2100, event::HoldingSent{T(5000), "waiting for Finance"}, "bob"),
      E(3000, BothPoints(Outcome::kUpheld, Outcome::kNotUpheld, Outcome::kPartlyUpheld), "bob"),
      E(3001, event::Replied{"final response"}, "bob"),
      E(3002, event::Closed{"answered", false}, "bob"),
      E(4000, event::SurveyAnswered{4, "quick"}, "customer"),
      E(9000, event::PreventiveActionDone{1, "dedupe check live"}, "fay"),
      E(30000, event::PreventiveActionVerified{1, false, "no recurrence"}, "manager"),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kClosed);
  EXPECT_EQ(state->kind, Kind::kComplaint);
  EXPECT_EQ(state->stage, Stage::kStage1);
  EXPECT_EQ(state->received_at, T(0));
  EXPECT_EQ(state->acknowledged_at, T(5));
  EXPECT_EQ(state->replied_at, T(3001));
  EXPECT_EQ(state->expected_by, T(5000));
  EXPECT_EQ(state->closed_at, T(3002));
  EXPECT_EQ(state->handler(Stage::kStage1)->id, "bob");
  ASSERT_EQ(state->referrals.size(), 1u);
  EXPECT_EQ(state->referrals[0].person, "Fay");
  EXPECT_EQ(state->OutcomeAt(Stage::kStage1), Outcome::kPartlyUpheld);
  EXPECT_EQ(state->points[0].outcome, Outcome::kUpheld);
  EXPECT_EQ(state->points[1].outcome, Outcome::kNotUpheld);
  EXPECT_EQ(state->LatestResolution()->root_cause, "process");
  ASSERT_EQ(state->preventive_actions.size(), 1u);
  EXPECT_EQ(state->preventive_actions[0].status, PreventiveStatus::kVerified);
  EXPECT_EQ(state->preventive_actions[0].done_at, T(9000));
  EXPECT_EQ(state->preventive_actions[0].recurred, false);
  ASSERT_TRUE(state->survey.has_value());
  EXPECT_EQ(state->survey->score, 4);
  EXPECT_EQ(state->event_count, 11u);
}

TEST(Acknowledgement, OncePerStage) {
  auto state = Fold(std::vector{E(0, TwoPointComplaint()), E(1, event::Acknowledged{}),
                                E(2, event::Acknowledged{true})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(Acknowledgement, AReplyAcknowledges) {
  auto state = Fold(std::vector{E(0, Question()), E(7, event::Replied{""})});
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->acknowledged_at, T(7));
}

TEST(Pause, RecordsWhenItStartedAndResumeClearsIt) {
  auto paused = Fold(std::vector{E(0, Question()), E(3, event::Paused{"need account number"})});
  ASSERT_TRUE(paused.has_value()) << paused.error().message;
  EXPECT_EQ(paused->status, CaseStatus::kPaused);
  EXPECT_EQ(paused->paused_since, T(3));
  auto resumed = Apply(*paused, E(9, event::Resumed{}, "customer"));
  ASSERT_TRUE(resumed.has_value()) << resumed.error().message;
  EXPECT_EQ(resumed->status, CaseStatus::kOpen);
  EXPECT_EQ(resumed->paused_since, std::nullopt);
}

TEST(Points, EachPointOfAComplaintGetsAnOutcome) {
  event::Resolved resolved = BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld);
  resolved.points.pop_back();  // point 1 has no outcome
  auto state = Fold(std::vector{E(0, TwoPointComplaint()), E(1, resolved)});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(state.error().field, "points");
}

TEST(Points, APointTheComplaintDoesNotHaveIsInvalid) {
  event::Resolved resolved = BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld);
  resolved.points.push_back(PointOutcome{3, Outcome::kUpheld});
  auto state = Fold(std::vector{E(0, TwoPointComplaint()), E(1, resolved)});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().field, "points[2].number");
}

TEST(Points, AComplaintsOutcomeIsRequired) {
  event::Resolved resolved = BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld);
  resolved.outcome.reset();
  auto state = Fold(std::vector{E(0, TwoPointComplaint()), E(1, resolved)});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().field, "outcome");
}

TEST(Points, AServiceRequestResolvesWithoutOutcome) {
  event::Received request = Question();
  request.kind = Kind::kServiceRequest;
  auto state = Fold(std::vector{E(0, request), E(1, event::Resolved{})});
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kResolved);
}

TEST(PreventiveAction, IsVerifiedOnlyAfterItIsDone) {
  auto state = Fold(std::vector{
      E(0, TwoPointComplaint()),
      E(1, BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld)),
      E(2, event::PreventiveActionVerified{1, false, ""}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
  EXPECT_EQ(state.error().field, "number");
}

TEST(PreventiveAction, IsDoneOnce) {
  auto state = Fold(std::vector{
      E(0, TwoPointComplaint()),
      E(1, BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld)),
      E(2, event::PreventiveActionDone{1, ""}),
      E(3, event::PreventiveActionDone{1, ""}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(PreventiveAction, AnUnknownNumberIsNotFound) {
  auto state = Fold(std::vector{
      E(0, TwoPointComplaint()),
      E(1, BothPoints(Outcome::kUpheld, Outcome::kUpheld, Outcome::kUpheld)),
      E(2, event::PreventiveActionDone{2, ""}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(state.error().field, "number");
}

TEST(Closing, AnOpenComplaintClosesOnlyAsWithdrawn) {
  auto refused =
      Fold(std::vector{E(0, TwoPointComplaint()), E(1, event::Closed{"no reply", false})});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);

  auto withdrawn =
      Fold(std::vector{E(0, TwoPointComplaint()), E(1, event::Closed{"customer withdrew", true})});
  ASSERT_TRUE(withdrawn.has_value()) << withdrawn.error().message;
  EXPECT_TRUE(withdrawn->withdrawn);
  EXPECT_EQ(withdrawn->OutcomeAt(Stage::kStage1), Outcome::kWithdrawn);
}

TEST(Closing, AResolvedComplaintIsNoLongerWithdrawn) {
  auto state = Fold(std::vector{
      E(0, TwoPointComplaint()),
      E(1, BothPoints(Outcome::kNotUpheld, Outcome::kNotUpheld, Outcome::kNotUpheld)),
      E(2, event::Closed{"", true}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().field, "withdrawn");
}

TEST(Closing, OtherKindsCloseWithoutResolution) {
  auto state = Fold(std::vector{E(0, Question()), E(1, event::Closed{"answered by phone"})});
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kClosed);
}

TEST(Closing, AClosedCaseTakesNotesButNoReply) {
  auto closed = Fold(std::vector{E(0, Question()), E(1, event::Closed{})});
  ASSERT_TRUE(closed.has_value());
  EXPECT_TRUE(Apply(*closed, E(2, event::Note{"customer rang to say thanks"})).has_value());
  auto reply = Apply(*closed, E(2, event::Replied{""}));
  ASSERT_FALSE(reply.has_value());
  EXPECT_EQ(reply.error().code, ErrorCode::kConflict);
}

TEST(Reopening, NeedsAReasonAndClearsTheClosing) {
  auto closed = Fold(std::vector{E(0, Question()), E(1, event::Closed{"done", true})});
  ASSERT_TRUE(closed.has_value());
  auto no_reason = Apply(*closed, E(2, event::Reopened{""}));
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error().field, "reason");
  auto reopened = Apply(*closed, E(2, event::Reopened{"customer wrote again"}));
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  EXPECT_EQ(reopened->status, CaseStatus::kOpen);
  EXPECT_EQ(reopened->closed_at, std::nullopt);
  EXPECT_FALSE(reopened->withdrawn);
}

}  // namespace
}  // namespace caredesk::core
