// A case's events: the immutable entries of its history (DESIGN.md "event"). An event says who
// (an actor), when (a UTC instant) and what (a payload whose alternative names the event
// type). Events are never edited or deleted; a correction is a new event. The case's state is
// a fold of its events (case_state.h). This file holds the vocabulary the events speak —
// event types, stages, outcomes, remedies, decisions, each spelled once in its `k…Names`
// table — and one payload struct per event type.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/domain.h"
#include "core/enum_names.h"
#include "core/error.h"
#include "core/instant.h"

namespace caredesk::core {

// In the order of the alternatives of `EventPayload`.
enum class EventType {
  kReceived,
  kAcknowledged,
  kNote,
  kCallLogged,
  kReclassified,
  kRedirected,
  kReferred,
  kReplied,
  kHoldingSent,
  kPaused,
  kResumed,
  kExtended,
  kEscalated,
  kDecided,
  kResolved,
  kPreventiveActionDone,
  kPreventiveActionVerified,
  kExternalReferral,
  kReopened,
  kClosed,
  kSurveyAnswered,
  kAssigned,
};
inline constexpr auto kEventTypeNames = std::to_array<NamedValue<EventType>>({
    {EventType::kReceived, "received"},
    {EventType::kAcknowledged, "acknowledged"},
    {EventType::kNote, "note"},
    {EventType::kCallLogged, "call_logged"},
    {EventType::kReclassified, "reclassified"},
    {EventType::kRedirected, "redirected"},
    {EventType::kReferred, "referred"},
    {EventType::kReplied, "replied"},
    {EventType::kHoldingSent, "holding_sent"},
    {EventType::kPaused, "paused"},
    {EventType::kResumed, "resumed"},
    {EventType::kExtended, "extended"},
    {EventType::kEscalated, "escalated"},
    {EventType::kDecided, "decided"},
    {EventType::kResolved, "resolved"},
    {EventType::kPreventiveActionDone, "preventive_action_done"},
    {EventType::kPreventiveActionVerified, "preventive_action_verified"},
    {EventType::kExternalReferral, "external_referral"},
    {EventType::kReopened, "reopened"},
    {EventType::kClosed, "closed"},
    {EventType::kSurveyAnswered, "survey_answered"},
    {EventType::kAssigned, "assigned"},
});
static_assert(IsOrderedNameTable(kEventTypeNames));
inline constexpr std::array kAllEventTypes = ValuesOf(kEventTypeNames);
inline constexpr std::size_t kEventTypeCount = kAllEventTypes.size();

// A complaint's stage: informal (first point of contact) → stage1 (formal) → stage2 (review)
// → external (ombudsman or regulator). Other kinds of contact have no stage.
enum class Stage { kInformal, kStage1, kStage2, kExternal };
inline constexpr auto kStageNames = std::to_array<NamedValue<Stage>>({
    {Stage::kInformal, "informal"},
    {Stage::kStage1, "stage1"},
    {Stage::kStage2, "stage2"},
    {Stage::kExternal, "external"},
});
static_assert(IsOrderedNameTable(kStageNames));
inline constexpr std::array kAllStages = ValuesOf(kStageNames);

enum class Outcome { kUpheld, kPartlyUpheld, kNotUpheld, kUnresolved, kWithdrawn };
inline constexpr auto kOutcomeNames = std::to_array<NamedValue<Outcome>>({
    {Outcome::kUpheld, "upheld"},
    {Outcome::kPartlyUpheld, "partly_upheld"},
    {Outcome::kNotUpheld, "not_upheld"},
    {Outcome::kUnresolved, "unresolved"},
    {Outcome::kWithdrawn, "withdrawn"},
});
static_assert(IsOrderedNameTable(kOutcomeNames));
inline constexpr std::array kAllOutcomes = ValuesOf(kOutcomeNames);

enum class RemedyType {
  kApology,
  kProvideService,
  kReviewProcedure,
  kReviewPolicy,
  kStaffTraining,
  kDisciplinaryAction,
  kFinancialRedress,
  kInvoiceRestitution,
};
inline constexpr auto kRemedyTypeNames = std::to_array<NamedValue<RemedyType>>({
    {RemedyType::kApology, "apology"},
    {RemedyType::kProvideService, "provide_service"},
    {RemedyType::kReviewProcedure, "review_procedure"},
    {RemedyType::kReviewPolicy, "review_policy"},
    {RemedyType::kStaffTraining, "staff_training"},
    {RemedyType::kDisciplinaryAction, "disciplinary_action"},
    {RemedyType::kFinancialRedress, "financial_redress"},
    {RemedyType::kInvoiceRestitution, "invoice_restitution"},
});
static_assert(IsOrderedNameTable(kRemedyTypeNames));
inline constexpr std::array kAllRemedyTypes = ValuesOf(kRemedyTypeNames);

// The decision on an adjustment request (a reasonable adjustment).
enum class Decision { kGranted, kPartlyGranted, kRefused };
inline constexpr auto kDecisionNames = std::to_array<NamedValue<Decision>>({
    {Decision::kGranted, "granted"},
    {Decision::kPartlyGranted, "partly_granted"},
    {Decision::kRefused, "refused"},
});
static_assert(IsOrderedNameTable(kDecisionNames));
inline constexpr std::array kAllDecisions = ValuesOf(kDecisionNames);

std::string_view ToString(EventType type);
std::string_view ToString(Stage stage);
std::string_view ToString(Outcome outcome);
std::string_view ToString(RemedyType type);
std::string_view ToString(Decision decision);

std::optional<EventType> ParseEventType(std::string_view text);
std::optional<Stage> ParseStage(std::string_view text);
std::optional<Outcome> ParseOutcome(std::string_view text);
std::optional<RemedyType> ParseRemedyType(std::string_view text);
std::optional<Decision> ParseDecision(std::string_view text);

// Who recorded an event: a staff member, the customer, or the system (`id` "system").
struct Actor {
  std::string id;  // stable; the stage-2 rule compares ids
  std::string name;
  std::string initials;  // shown with notes ("on file, 14:02, JS")

  friend bool operator==(const Actor&, const Actor&) = default;
};

// An amount of money in minor units (pence, cents) and its ISO 4217 currency code ("GBP").
struct Money {
  std::int64_t minor_units = 0;
  std::string currency;

  friend bool operator==(const Money&, const Money&) = default;
};

struct Remedy {
  RemedyType type = RemedyType::kApology;
  std::string description;
  std::optional<Money> amount;  // required for financial_redress; allowed for invoice_restitution

  friend bool operator==(const Remedy&, const Remedy&) = default;
};

// The outcome of one point of complaint; `number` is 1-based, in the order the points were
// recorded.
struct PointOutcome {
  int number = 1;
  Outcome outcome = Outcome::kNotUpheld;

  friend bool operator==(const PointOutcome&, const PointOutcome&) = default;
};

// What will stop a failure recurring: planned at resolution, then done, then verified.
struct PreventiveAction {
  std::string description;
  std::string owner;
  Instant due;

  friend bool operator==(const PreventiveAction&, const PreventiveAction&) = default;
};

// One payload per event type. Free-text fields are optional unless ValidateEvent says so.
namespace event {

struct Received {
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kEmail;
  bool anonymous = false;
  std::string nature;   // from the policy's list of natures
  std::string service;  // the service or department it concerns
  std::string subject;
  std::string body;                 // what the customer said, as received
  std::vector<std::string> points;  // points of complaint
  // Complaints only: informal or stage1. Empty: informal by phone or in person (the first
  // point of contact can resolve it), stage1 otherwise.
  std::optional<Stage> stage;

  friend bool operator==(const Received&, const Received&) = default;
};

struct Acknowledged {
  bool verbal = false;  // acknowledged during a call or visit

  friend bool operator==(const Acknowledged&, const Acknowledged&) = default;
};

struct Note {
  std::string text;

  friend bool operator==(const Note&, const Note&) = default;
};

struct CallLogged {
  bool inbound = true;
  std::string summary;

  friend bool operator==(const CallLogged&, const CallLogged&) = default;
};

// The contact is of another kind (e.g. a request for service, not a complaint).
struct Reclassified {
  Kind new_kind = Kind::kServiceRequest;
  std::string reason;
  std::vector<std::string> points;  // when it becomes a complaint: its points, added
  std::optional<Stage> stage;       // when it becomes a complaint: as in Received

  friend bool operator==(const Reclassified&, const Reclassified&) = default;
};

// The contact is about a third party; the customer was given its details.
struct Redirected {
  std::string third_party;
  std::string details;

  friend bool operator==(const Redirected&, const Redirected&) = default;
};

struct Referred {
  std::string department;
  std::string person;
  Instant expected_by;  // when the department is expected to answer

  friend bool operator==(const Referred&, const Referred&) = default;
};

struct Replied {
  std::string summary;

  friend bool operator==(const Replied&, const Replied&) = default;
};

// A holding reply: the answer will be late; the customer was told the new expected date.
struct HoldingSent {
  Instant new_expected;
  std::string reason;

  friend bool operator==(const HoldingSent&, const HoldingSent&) = default;
};

// Awaiting the customer; the reply clocks stop until Resumed.
struct Paused {
  std::string reason;

  friend bool operator==(const Paused&, const Paused&) = default;
};

struct Resumed {
  friend bool operator==(const Resumed&, const Resumed&) = default;
};

// A new due instant, told to the customer, for one standard or (empty id) every open one.
struct Extended {
  std::string standard_id;
  Instant new_due;
  std::string reason;

  friend bool operator==(const Extended&, const Extended&) = default;
};

// A complaint moves to its next stage: informal → stage1, stage1 → stage2.
struct Escalated {
  std::string reason;

  friend bool operator==(const Escalated&, const Escalated&) = default;
};

struct Decided {
  Decision decision = Decision::kGranted;
  std::string reason;  // required unless granted

  friend bool operator==(const Decided&, const Decided&) = default;
};

// The handling of the current stage ends with an outcome.
struct Resolved {
  std::optional<Outcome> outcome;    // required for complaints
  std::vector<PointOutcome> points;  // complaints: one per point of complaint
  std::vector<Remedy> remedies;      // at least one when upheld or partly upheld
  std::string root_cause;            // from the policy's list of root causes
  bool service_failure = false;      // then the case cannot close without a preventive action
  std::vector<PreventiveAction> preventive_actions;
  std::string summary;

  friend bool operator==(const Resolved&, const Resolved&) = default;
};

// `number` is 1-based over every preventive action of the case, in the order planned.
struct PreventiveActionDone {
  int number = 1;
  std::string note;

  friend bool operator==(const PreventiveActionDone&, const PreventiveActionDone&) = default;
};

struct PreventiveActionVerified {
  int number = 1;
  bool recurred = false;  // did complaints of that nature recur?
  std::string note;

  friend bool operator==(const PreventiveActionVerified&,
                         const PreventiveActionVerified&) = default;
};

// The complaint went to an ombudsman or regulator; a later one with `outcome` records its
// decision.
struct ExternalReferral {
  std::string body;  // e.g. "Housing Ombudsman"
  std::string reference;
  std::optional<Outcome> outcome;
  std::string details;

  friend bool operator==(const ExternalReferral&, const ExternalReferral&) = default;
};

struct Reopened {
  std::string reason;

  friend bool operator==(const Reopened&, const Reopened&) = default;
};

struct Closed {
  std::string reason;
  bool withdrawn = false;  // the customer withdrew it (a complaint then needs no resolution)

  friend bool operator==(const Closed&, const Closed&) = default;
};

struct SurveyAnswered {
  int score = 0;  // 1 (very dissatisfied) … 5 (very satisfied)
  std::string comment;

  friend bool operator==(const SurveyAnswered&, const SurveyAnswered&) = default;
};

struct Assigned {
  Actor assignee;

  friend bool operator==(const Assigned&, const Assigned&) = default;
};

}  // namespace event

// The alternatives are in `EventType` order, so the index of the alternative is the type.
using EventPayload =
    std::variant<event::Received, event::Acknowledged, event::Note, event::CallLogged,
                 event::Reclassified, event::Redirected, event::Referred, event::Replied,
                 event::HoldingSent, event::Paused, event::Resumed, event::Extended,
                 event::Escalated, event::Decided, event::Resolved, event::PreventiveActionDone,
                 event::PreventiveActionVerified, event::ExternalReferral, event::Reopened,
                 event::Closed, event::SurveyAnswered, event::Assigned>;
static_assert(std::variant_size_v<EventPayload> == kEventTypeCount);

struct CaseEvent {
  Instant at;
  Actor actor;
  EventPayload payload;

  EventType type() const { return static_cast<EventType>(payload.index()); }

  friend bool operator==(const CaseEvent&, const CaseEvent&) = default;
};

// Checks what an event says on its own, whatever the case: required fields, amounts, scores,
// instants that must follow the event's own. Errors are kInvalid and name the field
// ("remedies[0].amount.currency").
Result<void> ValidateEvent(const CaseEvent& event);

}  // namespace caredesk::core
