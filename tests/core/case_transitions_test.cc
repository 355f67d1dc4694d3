// The transition table, exhaustively: every (status, event type) pair is either refused with a
// conflict or accepted into the status the table names — never a crash.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "case_builders.h"
#include "core/case_state.h"

namespace caredesk::core {
namespace {

using testing::Contact;
using testing::E;
using testing::Folded;
using testing::T;

event::Resolved UpheldWithTwoActions() {
  event::Resolved resolved;
  resolved.outcome = Outcome::kUpheld;
  resolved.points = {PointOutcome{1, Outcome::kUpheld}};
  resolved.remedies = {Remedy{RemedyType::kApology, "sorry", std::nullopt}};
  resolved.preventive_actions = {PreventiveAction{"retrain", "carol", T(10000)},
                                 PreventiveAction{"new form", "dave", T(20000)}};
  return resolved;
}

// The events that bring an email complaint (one point, at stage1, not acknowledged, with
// preventive action 1 planned and 2 done) into each status.
std::vector<CaseEvent> EventsInto(CaseStatus status) {
  if (status == CaseStatus::kEmpty) return {};
  std::vector<CaseEvent> events = {
      E(0, Contact(Kind::kComplaint, Channel::kEmail)),
      E(1, event::Assigned{Actor{"alice", "Alice", "A"}}),
      E(2, UpheldWithTwoActions()),
      E(3, event::PreventiveActionDone{2, "done"}),
      E(4, event::Reopened{"customer disagrees"}),
  };
  switch (status) {
    case CaseStatus::kPaused:
      events.push_back(E(5, event::Paused{"need a receipt"}));
      break;
    case CaseStatus::kResolved:
      events.push_back(E(5, UpheldWithTwoActions()));
      break;
    case CaseStatus::kClosed:
      events.push_back(E(5, UpheldWithTwoActions()));
      events.push_back(E(6, event::Closed{"done", false}));
      break;
    default:
      break;
  }
  return events;
}

// A well-formed event of `type`, one that the fixture of `status` accepts whenever the table
// allows it.
CaseEvent Sample(EventType type, CaseStatus status) {
  const int at = 100;
  switch (type) {
    case EventType::kReceived:
      return E(at, Contact(Kind::kQuestion, Channel::kWeb));
    case EventType::kAcknowledged:
      return E(at, event::Acknowledged{true});
    case EventType::kNote:
      return E(at, event::Note{"on file"});
    case EventType::kCallLogged:
      return E(at, event::CallLogged{true, "customer rang"});
    case EventType::kReclassified:
      return E(at, event::Reclassified{Kind::kServiceRequest, "asks for a refund form", {}, {}});
    case EventType::kRedirected:
      return E(at, event::Redirected{"Acme Ltd", "0800 000 000"});
    case EventType::kReferred:
      return E(at, event::Referred{"Finance", "Fay", T(at + 60)});
    case EventType::kReplied:
      return E(at, event::Replied{"answer"});
    case EventType::kHoldingSent:
      return E(at, event::HoldingSent{T(at + 60), "busy"});
    case EventType::kPaused:
      return E(at, event::Paused{"awaiting receipt"});
    case EventType::kResumed:
      return E(at, event::Resumed{});
    case EventType::kExtended:
      return E(at, event::Extended{"", T(at + 60), "agreed"});
    case EventType::kEscalated:
      return E(at, event::Escalated{"not satisfied"});
    case EventType::kDecided:
      return E(at, event::Decided{Decision::kGranted, ""});
    case EventType::kResolved:
      return E(at, UpheldWithTwoActions());
    case EventType::kPreventiveActionDone:
      return E(at, event::PreventiveActionDone{1, ""});
    case EventType::kPreventiveActionVerified:
      return E(at, event::PreventiveActionVerified{2, false, ""});
    case EventType::kExternalReferral:
      return E(at, event::ExternalReferral{"Ombudsman", "OMB-1", std::nullopt, ""});
    case EventType::kReopened:
      return E(at, event::Reopened{"new evidence"});
    case EventType::kClosed:
      return E(at, event::Closed{"", status == CaseStatus::kOpen});  // open: withdrawn
    case EventType::kSurveyAnswered:
      return E(at, event::SurveyAnswered{4, ""}, "customer");
    case EventType::kAssigned:
      return E(at, event::Assigned{Actor{"bob", "Bob", "B"}});
  }
  return E(at, event::Note{"?"});
}

CaseState StateIn(CaseStatus status) {
  const std::vector<CaseEvent> events = EventsInto(status);
  if (events.empty()) return CaseState{};
  const CaseState state = Folded(events);
  EXPECT_EQ(state.status, status);
  return state;
}

TEST(CaseTransitions, EveryPairIsRefusedAsConflictOrReachesTheTablesStatus) {
  int allowed = 0;
  int refused = 0;
  for (CaseStatus status : kAllCaseStatuses) {
    const CaseState before = StateIn(status);
    for (EventType type : kAllEventTypes) {
      SCOPED_TRACE(std::string(ToString(type)) + " when " + std::string(ToString(status)));
      const std::optional<CaseStatus> next = NextStatus(status, type);
      const Result<CaseState> after = Apply(before, Sample(type, status));
      if (next) {
        ++allowed;
        ASSERT_TRUE(after.has_value()) << after.error().message;
        EXPECT_EQ(after->status, *next);
        EXPECT_EQ(after->event_count, before.event_count + 1);
      } else {
        ++refused;
        ASSERT_FALSE(after.has_value());
        EXPECT_EQ(after.error().code, ErrorCode::kConflict);
        EXPECT_NE(after.error().message.find(ToString(type)), std::string::npos)
            << after.error().message;
      }
    }
  }
  EXPECT_EQ(allowed + refused, static_cast<int>(kAllCaseStatuses.size() * kEventTypeCount));
  EXPECT_GT(refused, 0);
}

TEST(CaseTransitions, RefusalLeavesTheStateUnchanged) {
  CaseState state = StateIn(CaseStatus::kPaused);
  const CaseState copy = state;
  const Result<void> result = ApplyTo(state, Sample(EventType::kResolved, CaseStatus::kPaused));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(state, copy);
}

TEST(CaseTransitions, OnlyReceivedStartsACase) {
  for (EventType type : kAllEventTypes) {
    EXPECT_EQ(NextStatus(CaseStatus::kEmpty, type).has_value(), type == EventType::kReceived)
        << ToString(type);
  }
  EXPECT_EQ(NextStatus(CaseStatus::kOpen, EventType::kReceived), std::nullopt);
}

TEST(CaseTransitions, AfterCloseOnlyHistoryFollowUpAndEscalationAreAllowed) {
  std::vector<EventType> allowed;
  for (EventType type : kAllEventTypes) {
    if (NextStatus(CaseStatus::kClosed, type)) allowed.push_back(type);
  }
  const std::vector<EventType> expected = {
      EventType::kNote,
      EventType::kCallLogged,
      EventType::kEscalated,
      EventType::kPreventiveActionDone,
      EventType::kPreventiveActionVerified,
      EventType::kExternalReferral,
      EventType::kReopened,
      EventType::kSurveyAnswered,
  };
  EXPECT_EQ(allowed, expected);
}

TEST(CaseTransitions, PauseOnlyWhenOpenAndResumeOnlyWhenPaused) {
  for (CaseStatus status : kAllCaseStatuses) {
    EXPECT_EQ(NextStatus(status, EventType::kPaused).has_value(), status == CaseStatus::kOpen);
    EXPECT_EQ(NextStatus(status, EventType::kResumed).has_value(), status == CaseStatus::kPaused);
  }
}

TEST(CaseTransitions, ReopenOnlyFromResolvedOrClosed) {
  for (CaseStatus status : kAllCaseStatuses) {
    const bool expected = status == CaseStatus::kResolved || status == CaseStatus::kClosed;
    EXPECT_EQ(NextStatus(status, EventType::kReopened).has_value(), expected) << ToString(status);
  }
}

// Random walks over every event type: whatever arrives, Apply answers with a value, the table
// decides the status, a refusal changes nothing, and folding the accepted events gives the
// same state.
TEST(CaseTransitions, RandomEventSequencesNeverBreakTheTableOrTheFold) {
  std::mt19937 random(20260302);
  std::uniform_int_distribution<std::size_t> pick_type(0, kEventTypeCount - 1);
  std::uniform_int_distribution<int> step(-5, 60);
  const std::vector<std::string> actors = {"alice", "bob", "carol"};
  std::size_t total_accepted = 0;
  for (int walk = 0; walk < 200; ++walk) {
    CaseState state;
    std::vector<CaseEvent> accepted;
    int minute = 0;
    for (int i = 0; i < 60; ++i) {
      const EventType type = kAllEventTypes[pick_type(random)];
      CaseEvent event = Sample(type, state.status);
      minute += step(random);
      event.at = T(minute);
      event.actor = Actor{actors[random() % actors.size()], "", ""};
      if (auto* referred = std::get_if<event::Referred>(&event.payload)) {
        referred->expected_by = T(minute + 60);
      } else if (auto* holding = std::get_if<event::HoldingSent>(&event.payload)) {
        holding->new_expected = T(minute + 60);
      } else if (auto* extended = std::get_if<event::Extended>(&event.payload)) {
        extended->new_due = T(minute + 60);
      }
      const CaseState before = state;
      const Result<void> result = ApplyTo(state, event);
      if (result.has_value()) {
        ASSERT_EQ(NextStatus(before.status, type), state.status) << ToString(type);
        accepted.push_back(event);
      } else {
        ASSERT_EQ(state, before) << result.error().message;
      }
    }
    total_accepted += accepted.size();
    if (accepted.empty()) continue;
    auto folded = Fold(accepted);
    ASSERT_TRUE(folded.has_value()) << folded.error().message;
    EXPECT_EQ(*folded, state);
  }
  EXPECT_GT(total_accepted, 2000u) << "the walks should get well past received";
}

TEST(CaseTransitions, StatusNamesRoundTrip) {
  for (CaseStatus status : kAllCaseStatuses) {
    EXPECT_EQ(ParseCaseStatus(ToString(status)), status);
  }
  EXPECT_EQ(ParseCaseStatus("Open"), std::nullopt);
}

}  // namespace
}  // namespace caredesk::core
