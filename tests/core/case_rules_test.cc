// The four rules of the case lifecycle: a different stage-2 handler, a remedy for an upheld
// complaint, a preventive action before a service failure closes, an amount and currency for
// financial redress.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_builders.h"
#include "core/case_state.h"

namespace caredesk::core {
namespace {

using testing::E;
using testing::Folded;
using testing::Staff;
using testing::T;
using testing::TwoPointComplaint;

event::Resolved Resolution(Outcome outcome) {
  event::Resolved resolved;
  resolved.outcome = outcome;
  resolved.points = {PointOutcome{1, outcome}, PointOutcome{2, outcome}};
  if (outcome == Outcome::kUpheld || outcome == Outcome::kPartlyUpheld) {
    resolved.remedies = {Remedy{RemedyType::kApology, "apology letter", std::nullopt}};
  }
  return resolved;
}

// Stage 1 assigned to alice and resolved by her, then escalated to stage 2.
CaseState AtStage2AfterAlice() {
  return Folded({
      E(0, TwoPointComplaint()),
      E(1, event::Assigned{Staff("alice")}),
      E(2, Resolution(Outcome::kNotUpheld), "alice"),
      E(3, event::Escalated{"not satisfied"}, "customer"),
  });
}

TEST(Stage2Handler, AssigningTheStage1HandlerIsAConflict) {
  const CaseState state = AtStage2AfterAlice();
  ASSERT_EQ(state.stage, Stage::kStage2);
  const auto result = Apply(state, E(4, event::Assigned{Staff("alice")}, "manager"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kConflict);
  EXPECT_EQ(result.error().field, "assignee.id");
}

TEST(Stage2Handler, AssigningSomeoneElseIsAccepted) {
  const auto result = Apply(AtStage2AfterAlice(), E(4, event::Assigned{Staff("bob")}, "manager"));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->assignee->id, "bob");
  EXPECT_EQ(result->handler(Stage::kStage2)->id, "bob");
  EXPECT_EQ(result->handler(Stage::kStage1)->id, "alice");
}

TEST(Stage2Handler, ResolvingByTheStage1HandlerIsAConflict) {
  const auto result = Apply(AtStage2AfterAlice(), E(4, Resolution(Outcome::kUpheld), "alice"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kConflict);
  EXPECT_EQ(result.error().field, "actor.id");
}

TEST(Stage2Handler, ResolvingBySomeoneElseRecordsTheStage2Outcome) {
  const auto result = Apply(AtStage2AfterAlice(), E(4, Resolution(Outcome::kUpheld), "bob"));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->OutcomeAt(Stage::kStage1), Outcome::kNotUpheld);
  EXPECT_EQ(result->OutcomeAt(Stage::kStage2), Outcome::kUpheld);
  EXPECT_EQ(result->points[0].outcome, Outcome::kUpheld);
  EXPECT_EQ(result->points[0].stage, Stage::kStage2);
}

TEST(Stage2Handler, TheStage1HandlerIsWhoResolvedItNotWhoWasAssignedBefore) {
  const CaseState state = Folded({
      E(0, TwoPointComplaint()),
      E(1, event::Assigned{Staff("alice")}),
      E(2, Resolution(Outcome::kNotUpheld), "carol"),
      E(3, event::Escalated{""}),
  });
  EXPECT_TRUE(Apply(state, E(4, event::Assigned{Staff("alice")}, "manager")).has_value());
  EXPECT_FALSE(Apply(state, E(4, event::Assigned{Staff("carol")}, "manager")).has_value());
}

TEST(Stage2Handler, UnresolvedStage1IsHandledByItsLastAssignee) {
  const CaseState state = Folded({
      E(0, TwoPointComplaint()),
      E(1, event::Assigned{Staff("alice")}),
      E(2, event::Assigned{Staff("dave")}),
      E(3, event::Escalated{"no answer in time"}, "customer"),
  });
  EXPECT_FALSE(state.assignee.has_value()) << "escalation to stage2 leaves the review unassigned";
  EXPECT_TRUE(Apply(state, E(4, event::Assigned{Staff("alice")}, "manager")).has_value());
  const auto dave = Apply(state, E(4, event::Assigned{Staff("dave")}, "manager"));
  ASSERT_FALSE(dave.has_value());
  EXPECT_EQ(dave.error().code, ErrorCode::kConflict);
}

TEST(UpheldComplaint, UpheldWithoutARemedyIsInvalid) {
  const CaseState state = Folded({E(0, TwoPointComplaint())});
  for (Outcome outcome : {Outcome::kUpheld, Outcome::kPartlyUpheld}) {
    event::Resolved resolved = Resolution(outcome);
    resolved.remedies.clear();
    const auto result = Apply(state, E(1, resolved));
    ASSERT_FALSE(result.has_value()) << ToString(outcome);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(result.error().field, "remedies");
  }
}

TEST(UpheldComplaint, NotUpheldNeedsNoRemedy) {
  const CaseState state = Folded({E(0, TwoPointComplaint())});
  for (Outcome outcome : {Outcome::kNotUpheld, Outcome::kUnresolved, Outcome::kWithdrawn}) {
    const auto result = Apply(state, E(1, Resolution(outcome)));
    EXPECT_TRUE(result.has_value()) << ToString(outcome);
  }
}

TEST(UpheldComplaint, RemediesAreRecordedWithTheResolution) {
  const auto result =
      Apply(Folded({E(0, TwoPointComplaint())}), E(1, Resolution(Outcome::kPartlyUpheld)));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_NE(result->LatestResolution(), nullptr);
  ASSERT_EQ(result->LatestResolution()->remedies.size(), 1u);
  EXPECT_EQ(result->LatestResolution()->remedies[0].type, RemedyType::kApology);
  EXPECT_EQ(result->LatestResolution()->by.id, "alice");
}

TEST(ServiceFailure, CannotCloseWithoutAPreventiveAction) {
  event::Resolved resolved = Resolution(Outcome::kUpheld);
  resolved.service_failure = true;
  const CaseState state = Folded({E(0, TwoPointComplaint()), E(1, resolved)});
  const auto result = Apply(state, E(2, event::Closed{"", false}));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kConflict);
  EXPECT_EQ(result.error().field, "preventive_actions");
}

TEST(ServiceFailure, ClosesOnceAPreventiveActionIsPlanned) {
  event::Resolved resolved = Resolution(Outcome::kUpheld);
  resolved.service_failure = true;
  resolved.preventive_actions = {PreventiveAction{"two-person check of refunds", "fay", T(9000)}};
  const auto result =
      Apply(Folded({E(0, TwoPointComplaint()), E(1, resolved)}), E(2, event::Closed{}));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->status, CaseStatus::kClosed);
  ASSERT_EQ(result->preventive_actions.size(), 1u);
  EXPECT_EQ(result->preventive_actions[0].status, PreventiveStatus::kPlanned);
}

TEST(ServiceFailure, APreventiveActionAddedOnReopenLetsItClose) {
  event::Resolved without = Resolution(Outcome::kUpheld);
  without.service_failure = true;
  event::Resolved with = without;
  with.preventive_actions = {PreventiveAction{"fix the template", "fay", T(9000)}};
  const CaseState state = Folded({E(0, TwoPointComplaint()), E(1, without),
                                  E(2, event::Reopened{"add the preventive action"}), E(3, with)});
  EXPECT_TRUE(Apply(state, E(4, event::Closed{})).has_value());
}

TEST(ServiceFailure, WithoutAFailureAComplaintClosesWithoutAction) {
  const CaseState state = Folded({E(0, TwoPointComplaint()), E(1, Resolution(Outcome::kUpheld))});
  EXPECT_TRUE(Apply(state, E(2, event::Closed{})).has_value());
}

class FinancialRedress : public ::testing::Test {
 protected:
  Result<CaseState> ResolveWith(Remedy remedy) {
    event::Resolved resolved = Resolution(Outcome::kUpheld);
    resolved.remedies = {Remedy{RemedyType::kApology, "", std::nullopt}, std::move(remedy)};
    return Apply(Folded({E(0, TwoPointComplaint())}), E(1, resolved));
  }
};

TEST_F(FinancialRedress, WithoutAnAmountIsInvalid) {
  const auto result = ResolveWith(Remedy{RemedyType::kFinancialRedress, "goodwill", std::nullopt});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(result.error().field, "remedies[1].amount");
}

TEST_F(FinancialRedress, AZeroOrNegativeAmountIsInvalid) {
  for (std::int64_t minor : {0, -500}) {
    const auto result = ResolveWith(Remedy{RemedyType::kFinancialRedress, "", Money{minor, "GBP"}});
    ASSERT_FALSE(result.has_value()) << minor;
    EXPECT_EQ(result.error().field, "remedies[1].amount.minor_units");
  }
}

TEST_F(FinancialRedress, ACurrencyThatIsNotAnIsoCodeIsInvalid) {
  for (const char* currency : {"", "gbp", "POUND", "£", "G1P"}) {
    const auto result =
        ResolveWith(Remedy{RemedyType::kFinancialRedress, "", Money{2500, currency}});
    ASSERT_FALSE(result.has_value()) << currency;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(result.error().field, "remedies[1].amount.currency");
  }
}

TEST_F(FinancialRedress, AnAmountAndCurrencyAreRecorded) {
  const auto result =
      ResolveWith(Remedy{RemedyType::kFinancialRedress, "goodwill", Money{2500, "GBP"}});
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Remedy& remedy = result->LatestResolution()->remedies[1];
  ASSERT_TRUE(remedy.amount.has_value());
  EXPECT_EQ(remedy.amount->minor_units, 2500);
  EXPECT_EQ(remedy.amount->currency, "GBP");
}

TEST_F(FinancialRedress, OtherRemediesCarryNoAmountButInvoiceRestitutionMay) {
  EXPECT_FALSE(ResolveWith(Remedy{RemedyType::kStaffTraining, "", Money{100, "GBP"}}));
  EXPECT_TRUE(ResolveWith(Remedy{RemedyType::kInvoiceRestitution, "", Money{100, "EUR"}}));
  EXPECT_TRUE(ResolveWith(Remedy{RemedyType::kInvoiceRestitution, "", std::nullopt}));
}

}  // namespace
}  // namespace caredesk::core
