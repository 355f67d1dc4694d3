// The event vocabulary (names spelled once, parsed back) and what an event must say on its own.
#include "core/case_event.h"

#include <gtest/gtest.h>

#include <string>

#include "case_builders.h"

namespace caredesk::core {
namespace {

using testing::EventAt;

constexpr Instant kAt = testing::kStart;

CaseEvent At(EventPayload payload, const std::string& actor = "alice") {
  return EventAt(kAt, std::move(payload), actor);
}

std::string FieldOf(const Result<void>& result) {
  return result.has_value() ? std::string("<valid>") : result.error().field;
}

TEST(CaseVocabulary, EveryNameParsesBackAndUnknownNamesDoNot) {
  for (EventType value : kAllEventTypes) EXPECT_EQ(ParseEventType(ToString(value)), value);
  for (Stage value : kAllStages) EXPECT_EQ(ParseStage(ToString(value)), value);
  for (Outcome value : kAllOutcomes) EXPECT_EQ(ParseOutcome(ToString(value)), value);
  for (RemedyType value : kAllRemedyTypes) EXPECT_EQ(ParseRemedyType(ToString(value)), value);
  for (Decision value : kAllDecisions) EXPECT_EQ(ParseDecision(ToString(value)), value);
  EXPECT_EQ(ParseEventType("Received"), std::nullopt);
  EXPECT_EQ(ParseStage("stage3"), std::nullopt);
  EXPECT_EQ(ParseOutcome("partly upheld"), std::nullopt);
  EXPECT_EQ(ParseRemedyType(""), std::nullopt);
}

TEST(CaseVocabulary, UsesDesignSpellings) {
  EXPECT_EQ(ToString(EventType::kHoldingSent), "holding_sent");
  EXPECT_EQ(ToString(EventType::kPreventiveActionVerified), "preventive_action_verified");
  EXPECT_EQ(ToString(Stage::kStage2), "stage2");
  EXPECT_EQ(ToString(Outcome::kPartlyUpheld), "partly_upheld");
  EXPECT_EQ(ToString(RemedyType::kFinancialRedress), "financial_redress");
}

TEST(CaseEventType, IsThePayloadsAlternative) {
  EXPECT_EQ(At(event::Received{}).type(), EventType::kReceived);
  EXPECT_EQ(At(event::HoldingSent{}).type(), EventType::kHoldingSent);
  EXPECT_EQ(At(event::Assigned{}).type(), EventType::kAssigned);
}

TEST(ValidateEvent, EveryEventNamesItsActor) {
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Note{"x"}, ""))), "actor.id");
}

TEST(ValidateEvent, RequiredTextMayNotBeBlank) {
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Note{" \t"}))), "text");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::CallLogged{true, ""}))), "summary");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Redirected{"", "x"}))), "third_party");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Reopened{}))), "reason");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::ExternalReferral{}))), "body");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Assigned{}))), "assignee.id");
}

TEST(ValidateEvent, AReferralNamesDepartmentPersonAndALaterExpectedDate) {
  const Instant later = kAt + std::chrono::hours{48};
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Referred{"", "Fay", later}))), "department");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Referred{"Finance", "", later}))), "person");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Referred{"Finance", "Fay", kAt}))), "expected_by");
  EXPECT_TRUE(ValidateEvent(At(event::Referred{"Finance", "Fay", later})).has_value());
}

TEST(ValidateEvent, AHoldingReplyAndAnExtensionLookForward) {
  const Instant earlier = kAt - std::chrono::hours{1};
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::HoldingSent{earlier, ""}))), "new_expected");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Extended{"ack", earlier, "agreed"}))), "new_due");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Extended{"ack", kAt + std::chrono::hours{1}, ""}))),
            "reason");
}

TEST(ValidateEvent, ARefusedAdjustmentGivesItsReason) {
  EXPECT_TRUE(ValidateEvent(At(event::Decided{Decision::kGranted, ""})).has_value());
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Decided{Decision::kRefused, ""}))), "reason");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::Decided{Decision::kPartlyGranted, ""}))), "reason");
}

TEST(ValidateEvent, ASurveyScoreIsOneToFive) {
  for (int score : {0, 6, -1}) {
    EXPECT_EQ(FieldOf(ValidateEvent(At(event::SurveyAnswered{score, ""}))), "score") << score;
  }
  for (int score : {1, 5}) {
    EXPECT_TRUE(ValidateEvent(At(event::SurveyAnswered{score, ""})).has_value()) << score;
  }
}

TEST(ValidateEvent, PointsBelongToComplaintsAndAreNotBlank) {
  event::Received question{
      Kind::kQuestion, Channel::kEmail, false, "", "", "", "", {"a point"}, {}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(question))), "points");
  event::Received complaint{
      Kind::kComplaint, Channel::kEmail, false, "", "", "", "", {"a", " "}, {}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(complaint))), "points[1]");
}

TEST(ValidateEvent, PointOutcomesAreNumberedFromOneWithoutRepeats) {
  event::Resolved resolved;
  resolved.outcome = Outcome::kNotUpheld;
  resolved.points = {PointOutcome{0, Outcome::kNotUpheld}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(resolved))), "points[0].number");
  resolved.points = {PointOutcome{1, Outcome::kNotUpheld}, PointOutcome{1, Outcome::kUpheld}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(resolved))), "points[1].number");
}

TEST(ValidateEvent, APreventiveActionHasADescriptionAndAnOwner) {
  event::Resolved resolved;
  resolved.outcome = Outcome::kNotUpheld;
  resolved.preventive_actions = {PreventiveAction{"check", "", kAt}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(resolved))), "preventive_actions[0].owner");
  resolved.preventive_actions = {PreventiveAction{"", "fay", kAt}};
  EXPECT_EQ(FieldOf(ValidateEvent(At(resolved))), "preventive_actions[0].description");
}

TEST(ValidateEvent, PreventiveActionsAreNumberedFromOne) {
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::PreventiveActionDone{0, ""}))), "number");
  EXPECT_EQ(FieldOf(ValidateEvent(At(event::PreventiveActionVerified{-1, false, ""}))), "number");
}

}  // namespace
}  // namespace caredesk::core
