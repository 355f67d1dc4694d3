// The deadline facts a case's events give: milestones, pauses, extensions, the current kind;
// and how a closed case settles its unfulfilled deadlines. No policy is needed here.
#include "core/case_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "case_builders.h"
#include "core/case_deadlines.h"

namespace caredesk::core {
namespace {

using testing::Contact;
using testing::E;
using testing::Folded;
using testing::NotUpheld;
using testing::T;

using Milestones = std::vector<std::pair<Milestone, Instant>>;

Milestones MilestonesOf(const std::vector<CaseEvent>& events) {
  auto facts = FactsOf(events);
  if (!facts) {
    ADD_FAILURE() << facts.error().message;
    return {};
  }
  Milestones milestones;
  for (const MilestoneAt& m : facts->milestones) milestones.emplace_back(m.milestone, m.at);
  return milestones;
}

TEST(CaseFacts, CarryTheContactAndItsReceipt) {
  event::Received received = Contact(Kind::kComplaint, Channel::kPost);
  received.anonymous = true;
  auto facts = FactsOf(std::vector{E(30, received)});
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->kind, Kind::kComplaint);
  EXPECT_EQ(facts->channel, Channel::kPost);
  EXPECT_TRUE(facts->anonymous);
  EXPECT_EQ(facts->received, T(30));
  EXPECT_TRUE(facts->milestones.empty());
  EXPECT_TRUE(facts->pauses.empty());
  EXPECT_TRUE(facts->extensions.empty());
}

TEST(CaseFacts, EachHandlingEventIsItsMilestone) {
  const Milestones expected = {
      {Milestone::kAcknowledged, T(1)}, {Milestone::kReferred, T(2)},
      {Milestone::kHoldingSent, T(3)},  {Milestone::kDecided, T(4)},
      {Milestone::kReplied, T(5)},      {Milestone::kResolved, T(6)},
  };
  EXPECT_EQ(MilestonesOf({
                E(0, Contact(Kind::kAdjustmentRequest, Channel::kWeb)),
                E(1, event::Acknowledged{}),
                E(2, event::Referred{"Access", "Sam", T(500)}),
                E(3, event::HoldingSent{T(900), "assessing"}),
                E(4, event::Decided{Decision::kGranted, ""}),
                E(5, event::Replied{"granted"}),
                E(6, event::Resolved{}),
                E(7, event::Note{"not a milestone"}),
                E(8, event::Closed{}),
            }),
            expected);
}

TEST(CaseFacts, EscalationIsAMilestoneOnlyWhenItOpensStage2) {
  const Milestones expected = {{Milestone::kEscalated, T(2)}};
  EXPECT_EQ(MilestonesOf({
                E(0, Contact(Kind::kComplaint, Channel::kPhone)),  // informal
                E(1, event::Escalated{"wants it formal"}),         // → stage1: no milestone
                E(2, event::Escalated{"wants a review"}),          // → stage2
            }),
            expected);
}

TEST(CaseFacts, ARedirectionIsTheReply) {
  const Milestones expected = {{Milestone::kReplied, T(4)}};
  EXPECT_EQ(MilestonesOf({E(0, Contact(Kind::kComplaint, Channel::kEmail)),
                          E(4, event::Redirected{"Other Ltd", "their address"})}),
            expected);
}

TEST(CaseFacts, ReopeningAndResolvingAgainGivesASecondResolvedMilestone) {
  const Milestones expected = {{Milestone::kResolved, T(1)}, {Milestone::kResolved, T(3)}};
  EXPECT_EQ(MilestonesOf({E(0, Contact(Kind::kComplaint, Channel::kEmail)), E(1, NotUpheld()),
                          E(2, event::Reopened{"new evidence"}), E(3, NotUpheld())}),
            expected);
}

TEST(CaseFacts, PausesPairPausedWithResumedAndTheLastMayStillBeOpen) {
  auto facts = FactsOf(std::vector{
      E(0, Contact(Kind::kQuestion, Channel::kEmail)),
      E(10, event::Paused{"need details"}),
      E(70, event::Resumed{}, "customer"),
      E(100, event::Paused{"need a photo"}),
  });
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  ASSERT_EQ(facts->pauses.size(), 2u);
  EXPECT_EQ(facts->pauses[0].from, T(10));
  EXPECT_EQ(facts->pauses[0].until, T(70));
  EXPECT_EQ(facts->pauses[1].from, T(100));
  EXPECT_EQ(facts->pauses[1].until, std::nullopt);
}

TEST(CaseFacts, ExtensionsKeepTheirStandardNewDueAndTime) {
  auto facts = FactsOf(std::vector{
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(5, event::Extended{"complaint-response", T(20000), "awaiting a contractor's report"}),
      E(6, event::Extended{"", T(30000), "agreed with the customer"}),
  });
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  ASSERT_EQ(facts->extensions.size(), 2u);
  EXPECT_EQ(facts->extensions[0].standard_id, "complaint-response");
  EXPECT_EQ(facts->extensions[0].new_due, T(20000));
  EXPECT_EQ(facts->extensions[0].at, T(5));
  EXPECT_EQ(facts->extensions[1].standard_id, "");
  EXPECT_EQ(facts->extensions[1].new_due, T(30000));
}

TEST(CaseFacts, AReclassifiedContactIsJudgedAsItsNewKind) {
  auto facts = FactsOf(std::vector{
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(3, event::Reclassified{Kind::kServiceRequest, "wants a repair", {}, {}}),
  });
  ASSERT_TRUE(facts.has_value()) << facts.error().message;
  EXPECT_EQ(facts->kind, Kind::kServiceRequest);
}

TEST(CaseFacts, AFoldErrorIsReturnedNotFacts) {
  auto facts =
      FactsOf(std::vector{E(0, Contact(Kind::kQuestion, Channel::kEmail)), E(1, event::Resumed{})});
  ASSERT_FALSE(facts.has_value());
  EXPECT_EQ(facts.error().code, ErrorCode::kConflict);
}

Deadline Open(std::string id, std::optional<Instant> due, DeadlineStatus status) {
  Deadline deadline;
  deadline.standard_id = std::move(id);
  deadline.due = due;
  deadline.status = status;
  return deadline;
}

CaseState ClosedAt(int minute) {
  return Folded({E(0, Contact(Kind::kQuestion, Channel::kEmail)),
                 E(minute, event::Closed{"answered by phone"})});
}

TEST(SettleClosed, UnfulfilledDeadlinesDueAfterTheClosingAreNotApplicable) {
  const std::vector<Deadline> settled =
      SettleClosed({Open("reply", T(500), DeadlineStatus::kPending),
                    Open("late", T(200), DeadlineStatus::kBreached),
                    Open("untriggered", std::nullopt, DeadlineStatus::kPending)},
                   ClosedAt(100), T(1000));
  EXPECT_EQ(settled[0].status, DeadlineStatus::kNotApplicable);
  EXPECT_EQ(settled[1].status, DeadlineStatus::kNotApplicable);
  EXPECT_EQ(settled[2].status, DeadlineStatus::kNotApplicable);
}

TEST(SettleClosed, ABreachBeforeTheClosingStaysABreach) {
  const std::vector<Deadline> settled =
      SettleClosed({Open("ack", T(50), DeadlineStatus::kBreached)}, ClosedAt(100), T(1000));
  EXPECT_EQ(settled[0].status, DeadlineStatus::kBreached);
}

TEST(SettleClosed, MetDeadlinesAndOpenCasesAreUntouched) {
  Deadline met = Open("reply", T(500), DeadlineStatus::kMet);
  met.fulfilled_at = T(20);
  EXPECT_EQ(SettleClosed({met}, ClosedAt(100), T(1000))[0].status, DeadlineStatus::kMet);

  auto open = Fold(std::vector{E(0, Contact(Kind::kQuestion, Channel::kEmail))});
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(
      SettleClosed({Open("reply", T(500), DeadlineStatus::kPending)}, *open, T(1000))[0].status,
      DeadlineStatus::kPending);
}

TEST(SettleClosed, AClosingAfterNowIsNotYetTakenIntoAccount) {
  EXPECT_EQ(
      SettleClosed({Open("reply", T(500), DeadlineStatus::kPending)}, ClosedAt(300), T(200))[0]
          .status,
      DeadlineStatus::kPending);
}

}  // namespace
}  // namespace caredesk::core
