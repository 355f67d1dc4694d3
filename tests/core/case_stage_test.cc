// Where a case starts and how it moves: the starting stage, escalation, reclassification and
// redirection.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_builders.h"
#include "core/case_state.h"

namespace caredesk::core {
namespace {

using testing::Contact;
using testing::E;
using testing::NotUpheld;
using testing::T;

Result<CaseState> FoldAll(std::vector<CaseEvent> events) { return Fold(events); }

TEST(StartingStage, AComplaintByPhoneOrInPersonStartsInformal) {
  for (Channel channel : {Channel::kPhone, Channel::kInPerson}) {
    auto state = FoldAll({E(0, Contact(Kind::kComplaint, channel))});
    ASSERT_TRUE(state.has_value()) << state.error().message;
    EXPECT_EQ(state->stage, Stage::kInformal) << ToString(channel);
  }
}

TEST(StartingStage, AComplaintInWritingStartsAtStage1) {
  for (Channel channel : {Channel::kEmail, Channel::kPost, Channel::kWeb, Channel::kSocial}) {
    auto state = FoldAll({E(0, Contact(Kind::kComplaint, channel))});
    ASSERT_TRUE(state.has_value()) << state.error().message;
    EXPECT_EQ(state->stage, Stage::kStage1) << ToString(channel);
  }
}

TEST(StartingStage, TheReceivedEventMayNameTheStage) {
  auto state = FoldAll({E(0, Contact(Kind::kComplaint, Channel::kPhone, Stage::kStage1))});
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->stage, Stage::kStage1);
}

TEST(StartingStage, AComplaintCannotStartAtStage2) {
  auto state = FoldAll({E(0, Contact(Kind::kComplaint, Channel::kEmail, Stage::kStage2))});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(state.error().field, "stage");
}

TEST(StartingStage, OtherKindsHaveNoStage) {
  auto question = FoldAll({E(0, Contact(Kind::kQuestion, Channel::kEmail))});
  ASSERT_TRUE(question.has_value());
  EXPECT_EQ(question->stage, std::nullopt);
  auto staged = FoldAll({E(0, Contact(Kind::kQuestion, Channel::kEmail, Stage::kStage1))});
  ASSERT_FALSE(staged.has_value());
  EXPECT_EQ(staged.error().field, "stage");
}

TEST(Escalation, MovesInformalToStage1ToStage2) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kPhone)),
      E(1, event::Escalated{"wants a formal answer"}, "customer"),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->stage, Stage::kStage1);
  auto next = Apply(*state, E(2, event::Escalated{"still unhappy"}, "customer"));
  ASSERT_TRUE(next.has_value()) << next.error().message;
  EXPECT_EQ(next->stage, Stage::kStage2);
}

TEST(Escalation, Stage2IsTheLastInternalStage) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Escalated{""}),
      E(2, event::Escalated{""}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
  EXPECT_NE(state.error().message.find("external_referral"), std::string::npos);
}

TEST(Escalation, OnlyAComplaintIsEscalated) {
  auto state =
      FoldAll({E(0, Contact(Kind::kServiceRequest, Channel::kEmail)), E(1, event::Escalated{""})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(Escalation, AClosedComplaintIsReopenedAtTheNextStage) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Acknowledged{}),
      E(2, NotUpheld()),
      E(3, event::Closed{"answered", false}),
      E(4, event::Escalated{"disagrees"}, "customer"),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kOpen);
  EXPECT_EQ(state->stage, Stage::kStage2);
  EXPECT_EQ(state->closed_at, std::nullopt);
  EXPECT_EQ(state->acknowledged_at, std::nullopt) << "stage 2 is acknowledged on its own";
}

TEST(Escalation, WhilePausedIsRefused) {
  auto state = FoldAll({E(0, Contact(Kind::kComplaint, Channel::kEmail)), E(1, event::Paused{}),
                        E(2, event::Escalated{""})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(ExternalReferral, MovesAComplaintToTheExternalStageEvenAfterClose) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, NotUpheld()),
      E(2, event::Closed{}),
      E(3, event::ExternalReferral{"Housing Ombudsman", "HO-77", std::nullopt, ""}),
      E(4, event::ExternalReferral{"Housing Ombudsman", "HO-77", Outcome::kUpheld, "redress"}),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->stage, Stage::kExternal);
  EXPECT_EQ(state->status, CaseStatus::kClosed);
  ASSERT_TRUE(state->external_referral.has_value());
  EXPECT_EQ(state->external_referral->outcome, Outcome::kUpheld);
}

TEST(Reclassification, AComplaintThatIsARequestForServiceLosesItsStage) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Reclassified{Kind::kServiceRequest, "asks for a replacement", {}, {}}),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->kind, Kind::kServiceRequest);
  EXPECT_EQ(state->kind_received, Kind::kComplaint);
  EXPECT_EQ(state->stage, std::nullopt);
  EXPECT_EQ(state->reclassified_reason, "asks for a replacement");
}

TEST(Reclassification, NeedsAReason) {
  auto state = FoldAll({E(0, Contact(Kind::kComplaint, Channel::kEmail)),
                        E(1, event::Reclassified{Kind::kQuestion, "  ", {}, {}})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(state.error().field, "reason");
}

TEST(Reclassification, ToTheSameKindIsAConflict) {
  auto state = FoldAll({E(0, Contact(Kind::kQuestion, Channel::kEmail)),
                        E(1, event::Reclassified{Kind::kQuestion, "why not", {}, {}})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
  EXPECT_EQ(state.error().field, "new_kind");
}

TEST(Reclassification, AQuestionThatIsAComplaintGetsItsPointsAndStage) {
  auto state = FoldAll({
      E(0, Contact(Kind::kQuestion, Channel::kPhone)),
      E(1, event::Reclassified{Kind::kComplaint, "unhappy with fees", {"fee too high"}, {}}),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->kind, Kind::kComplaint);
  EXPECT_EQ(state->stage, Stage::kInformal);
  ASSERT_EQ(state->points.size(), 1u);
  EXPECT_EQ(state->points[0].text, "fee too high");
}

TEST(Reclassification, AComplaintUnderReviewStaysAComplaint) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Escalated{""}),
      E(2, event::Reclassified{Kind::kQuestion, "actually a question", {}, {}}),
  });
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kConflict);
}

TEST(Redirection, ClosesTheCaseWithTheThirdPartysDetails) {
  auto state = FoldAll({
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Redirected{"Awarding Body Ltd", "complaints@awarding.example"}),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kClosed);
  EXPECT_EQ(state->closed_at, T(1));
  ASSERT_TRUE(state->redirection.has_value());
  EXPECT_EQ(state->redirection->third_party, "Awarding Body Ltd");
}

TEST(Redirection, NeedsTheDetailsGiven) {
  auto state = FoldAll({E(0, Contact(Kind::kQuestion, Channel::kEmail)),
                        E(1, event::Redirected{"Awarding Body Ltd", ""})});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(state.error().field, "details");
}

TEST(Redirection, AReopenedCaseIsNoLongerRedirected) {
  auto state = FoldAll({
      E(0, Contact(Kind::kQuestion, Channel::kEmail)),
      E(1, event::Redirected{"Awarding Body Ltd", "their address"}),
      E(2, event::Reopened{"it was about us after all"}),
  });
  ASSERT_TRUE(state.has_value()) << state.error().message;
  EXPECT_EQ(state->status, CaseStatus::kOpen);
  EXPECT_EQ(state->redirection, std::nullopt);
}

}  // namespace
}  // namespace caredesk::core
