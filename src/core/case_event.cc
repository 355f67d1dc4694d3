#include "core/case_event.h"

#include <type_traits>

namespace caredesk::core {
namespace {

template <EventType type, class Payload>
constexpr bool kAt =
    std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(type), EventPayload>,
                   Payload>;

// The payload alternatives and the event types are in the same order.
static_assert(kAt<EventType::kReceived, event::Received>);
static_assert(kAt<EventType::kAcknowledged, event::Acknowledged>);
static_assert(kAt<EventType::kNote, event::Note>);
static_assert(kAt<EventType::kCallLogged, event::CallLogged>);
static_assert(kAt<EventType::kReclassified, event::Reclassified>);
static_assert(kAt<EventType::kRedirected, event::Redirected>);
static_assert(kAt<EventType::kReferred, event::Referred>);
static_assert(kAt<EventType::kReplied, event::Replied>);
static_assert(kAt<EventType::kHoldingSent, event::HoldingSent>);
static_assert(kAt<EventType::kPaused, event::Paused>);
static_assert(kAt<EventType::kResumed, event::Resumed>);
static_assert(kAt<EventType::kExtended, event::Extended>);
static_assert(kAt<EventType::kEscalated, event::Escalated>);
static_assert(kAt<EventType::kDecided, event::Decided>);
static_assert(kAt<EventType::kResolved, event::Resolved>);
static_assert(kAt<EventType::kPreventiveActionDone, event::PreventiveActionDone>);
static_assert(kAt<EventType::kPreventiveActionVerified, event::PreventiveActionVerified>);
static_assert(kAt<EventType::kExternalReferral, event::ExternalReferral>);
static_assert(kAt<EventType::kReopened, event::Reopened>);
static_assert(kAt<EventType::kClosed, event::Closed>);
static_assert(kAt<EventType::kSurveyAnswered, event::SurveyAnswered>);
static_assert(kAt<EventType::kAssigned, event::Assigned>);

}  // namespace

std::string_view ToString(EventType type) { return NameOf(kEventTypeNames, type, "note"); }
std::string_view ToString(Stage stage) { return NameOf(kStageNames, stage, "informal"); }
std::string_view ToString(Outcome outcome) { return NameOf(kOutcomeNames, outcome, "unresolved"); }
std::string_view ToString(RemedyType type) { return NameOf(kRemedyTypeNames, type, "apology"); }
std::string_view ToString(Decision decision) { return NameOf(kDecisionNames, decision, "refused"); }

std::optional<EventType> ParseEventType(std::string_view text) {
  return EnumNamed(kEventTypeNames, text);
}
std::optional<Stage> ParseStage(std::string_view text) { return EnumNamed(kStageNames, text); }
std::optional<Outcome> ParseOutcome(std::string_view text) {
  return EnumNamed(kOutcomeNames, text);
}
std::optional<RemedyType> ParseRemedyType(std::string_view text) {
  return EnumNamed(kRemedyTypeNames, text);
}
std::optional<Decision> ParseDecision(std::string_view text) {
  return EnumNamed(kDecisionNames, text);
}

}  // namespace caredesk::core
