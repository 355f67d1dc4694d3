#include "core/case_facts.h"

#include <fmt/format.h>

namespace caredesk::core {

std::optional<Milestone> MilestoneOf(EventType type, bool opens_stage2) {
  switch (type) {
    case EventType::kAcknowledged:
      return Milestone::kAcknowledged;
    case EventType::kReferred:
      return Milestone::kReferred;
    case EventType::kReplied:
      return Milestone::kReplied;
    case EventType::kRedirected:
      return Milestone::kReplied;
    case EventType::kHoldingSent:
      return Milestone::kHoldingSent;
    case EventType::kDecided:
      return Milestone::kDecided;
    case EventType::kResolved:
      return Milestone::kResolved;
    case EventType::kEscalated:
      if (opens_stage2) return Milestone::kEscalated;
      return std::nullopt;
    case EventType::kReceived:  // the facts carry the receipt on their own
    case EventType::kNote:
    case EventType::kCallLogged:
    case EventType::kReclassified:
    case EventType::kPaused:
    case EventType::kResumed:
    case EventType::kExtended:
    case EventType::kPreventiveActionDone:
    case EventType::kPreventiveActionVerified:
    case EventType::kExternalReferral:
    case EventType::kReopened:
    case EventType::kClosed:
    case EventType::kSurveyAnswered:
    case EventType::kAssigned:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<FoldedCase> FoldCase(std::span<const CaseEvent> events) {
  if (events.empty()) {
    return Fail(ErrorCode::kInvalid, "a case has at least its received event", "events");
  }
  FoldedCase folded;
  CaseState& state = folded.state;
  CaseFacts& facts = folded.facts;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const CaseEvent& event = events[i];
    const std::optional<Stage> stage_before = state.stage;
    if (auto ok = ApplyTo(state, event); !ok) {
      Error error = ok.error();
      error.message =
          fmt::format("event {} ({}): {}", i + 1, ToString(event.type()), error.message);
      return tl::unexpected(std::move(error));
    }
    const bool opens_stage2 = stage_before != Stage::kStage2 && state.stage == Stage::kStage2;
    if (auto milestone = MilestoneOf(event.type(), opens_stage2)) {
      facts.milestones.push_back(MilestoneAt{*milestone, event.at});
    }
    if (event.type() == EventType::kPaused) {
      facts.pauses.push_back(Pause{event.at, std::nullopt});
    } else if (event.type() == EventType::kResumed && !facts.pauses.empty()) {
      // The table allows resumed only while paused, so the last pause is the open one.
      facts.pauses.back().until = event.at;
    } else if (const auto* extended = std::get_if<event::Extended>(&event.payload)) {
      facts.extensions.push_back(Extension{extended->standard_id, extended->new_due, event.at});
    }
  }
  facts.kind = state.kind;
  facts.channel = state.channel;
  facts.anonymous = state.anonymous;
  facts.received = state.received_at;
  return folded;
}

Result<CaseFacts> FactsOf(std::span<const CaseEvent> events) {
  auto folded = FoldCase(events);
  if (!folded) return tl::unexpected(folded.error());
  return std::move(folded->facts);
}

}  // namespace caredesk::core
