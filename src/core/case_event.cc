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

template <class Enum, std::size_t N>
std::optional<Enum> ParseByName(std::string_view text, const std::array<Enum, N>& all) {
  for (Enum value : all) {
    if (ToString(value) == text) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(EventType type) {
  switch (type) {
    case EventType::kReceived:
      return "received";
    case EventType::kAcknowledged:
      return "acknowledged";
    case EventType::kNote:
      return "note";
    case EventType::kCallLogged:
      return "call_logged";
    case EventType::kReclassified:
      return "reclassified";
    case EventType::kRedirected:
      return "redirected";
    case EventType::kReferred:
      return "referred";
    case EventType::kReplied:
      return "replied";
    case EventType::kHoldingSent:
      return "holding_sent";
    case EventType::kPaused:
      return "paused";
    case EventType::kResumed:
      return "resumed";
    case EventType::kExtended:
      return "extended";
    case EventType::kEscalated:
      return "escalated";
    case EventType::kDecided:
      return "decided";
    case EventType::kResolved:
      return "resolved";
    case EventType::kPreventiveActionDone:
      return "preventive_action_done";
    case EventType::kPreventiveActionVerified:
      return "preventive_action_verified";
    case EventType::kExternalReferral:
      return "external_referral";
    case EventType::kReopened:
      return "reopened";
    case EventType::kClosed:
      return "closed";
    case EventType::kSurveyAnswered:
      return "survey_answered";
    case EventType::kAssigned:
      return "assigned";
  }
  return "note";
}

std::string_view ToString(Stage stage) {
  switch (stage) {
    case Stage::kInformal:
      return "informal";
    case Stage::kStage1:
      return "stage1";
    case Stage::kStage2:
      return "stage2";
    case Stage::kExternal:
      return "external";
  }
  return "informal";
}

std::string_view ToString(Outcome outcome) {
  switch (outcome) {
    case Outcome::kUpheld:
      return "upheld";
    case Outcome::kPartlyUpheld:
      return "partly_upheld";
    case Outcome::kNotUpheld:
      return "not_upheld";
    case Outcome::kUnresolved:
      return "unresolved";
    case Outcome::kWithdrawn:
      return "withdrawn";
  }
  return "unresolved";
}

std::string_view ToString(RemedyType type) {
  switch (type) {
    case RemedyType::kApology:
      return "apology";
    case RemedyType::kProvideService:
      return "provide_service";
    case RemedyType::kReviewProcedure:
      return "review_procedure";
    case RemedyType::kReviewPolicy:
      return "review_policy";
    case RemedyType::kStaffTraining:
      return "staff_training";
    case RemedyType::kDisciplinaryAction:
      return "disciplinary_action";
    case RemedyType::kFinancialRedress:
      return "financial_redress";
    case RemedyType::kInvoiceRestitution:
      return "invoice_restitution";
  }
  return "apology";
}

std::string_view ToString(Decision decision) {
  switch (decision) {
    case Decision::kGranted:
      return "granted";
    case Decision::kPartlyGranted:
      return "partly_granted";
    case Decision::kRefused:
      return "refused";
  }
  return "refused";
}

std::optional<EventType> ParseEventType(std::string_view text) {
  return ParseByName(text, kAllEventTypes);
}
std::optional<Stage> ParseStage(std::string_view text) { return ParseByName(text, kAllStages); }
std::optional<Outcome> ParseOutcome(std::string_view text) {
  return ParseByName(text, kAllOutcomes);
}
std::optional<RemedyType> ParseRemedyType(std::string_view text) {
  return ParseByName(text, kAllRemedyTypes);
}
std::optional<Decision> ParseDecision(std::string_view text) {
  return ParseByName(text, kAllDecisions);
}

}  // namespace caredesk::core
