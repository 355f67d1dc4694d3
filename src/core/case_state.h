// The case's current state as a fold of its events. Apply checks an event against the
// transition table (case_transitions.h), then what the event says on its own (ValidateEvent),
// then the rules that depend on the case; only then does it change anything. Every refusal
// is an error value: kConflict when the case's state forbids the event, kInvalid when the
// event's payload is wrong, kNotFound when it names something the case does not have.
// docs/case-lifecycle.md states the rules.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/case_event.h"
#include "core/case_transitions.h"

namespace caredesk::core {

enum class PreventiveStatus { kPlanned, kDone, kVerified };
std::string_view ToString(PreventiveStatus status);

struct PointState {
  std::string text;
  std::optional<Outcome> outcome;  // the latest resolution's outcome for this point
  std::optional<Stage> stage;      // the stage that gave it

  friend bool operator==(const PointState&, const PointState&) = default;
};

// One resolution of the case (one per stage, more after a reopen); closing a complaint as
// withdrawn also records one, with outcome withdrawn.
struct Resolution {
  std::optional<Stage> stage;
  Instant at;
  Actor by;
  std::optional<Outcome> outcome;
  std::vector<PointOutcome> points;
  std::vector<Remedy> remedies;
  std::string root_cause;
  bool service_failure = false;
  std::string summary;

  friend bool operator==(const Resolution&, const Resolution&) = default;
};

struct PreventiveActionState {
  PreventiveAction action;
  PreventiveStatus status = PreventiveStatus::kPlanned;
  Instant planned_at;
  std::optional<Instant> done_at;
  std::optional<Instant> verified_at;
  std::optional<bool> recurred;  // set when verified

  friend bool operator==(const PreventiveActionState&, const PreventiveActionState&) = default;
};

struct Referral {
  std::string department;
  std::string person;
  Instant expected_by;
  Instant at;

  friend bool operator==(const Referral&, const Referral&) = default;
};

struct CaseState {
  CaseStatus status = CaseStatus::kEmpty;
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kEmail;
  bool anonymous = false;
  std::string nature;
  std::string service;
  std::string subject;
  std::optional<Stage> stage;  // complaints only
  std::vector<PointState> points;

  Instant received_at;
  Instant last_event_at;
  std::size_t event_count = 0;

  std::optional<Actor> assignee;
  // The handler of each stage (indexed by Stage): whoever resolved it, or while it is
  // unresolved, whoever was last assigned to it while it was open.
  std::array<std::optional<Actor>, kAllStages.size()> handlers;

  std::optional<Instant> acknowledged_at;  // at the current stage (a reply acknowledges too)
  std::optional<Instant> replied_at;       // the latest reply
  std::optional<Instant> expected_by;      // the latest date promised (referral, holding reply)
  std::optional<Instant> paused_since;
  std::optional<Instant> closed_at;
  std::string closed_reason;
  bool withdrawn = false;

  std::optional<Kind> kind_received;  // set once reclassified: the kind it arrived as
  std::string reclassified_reason;    // the latest reclassification's
  std::optional<event::Redirected> redirection;
  std::vector<Referral> referrals;
  std::optional<event::Decided> decision;
  std::vector<Resolution> resolutions;
  std::vector<PreventiveActionState> preventive_actions;  // numbered from 1 in this order
  std::optional<event::ExternalReferral> external_referral;
  std::optional<event::SurveyAnswered> survey;

  const std::optional<Actor>& handler(Stage stage) const;
  // The latest resolution, or null.
  const Resolution* LatestResolution() const;
  // The outcome of the latest resolution at `stage`, if any.
  std::optional<Outcome> OutcomeAt(Stage stage) const;

  friend bool operator==(const CaseState&, const CaseState&) = default;
};

// The state after `event`; an error when the table, the event or a rule refuses it.
Result<CaseState> Apply(const CaseState& state, const CaseEvent& event);

// As Apply, in place: `state` changes only when the event is accepted.
Result<void> ApplyTo(CaseState& state, const CaseEvent& event);

// The state after all events, in order. The first must be `received`, and each must be at or
// after the one before. An error names the event by position ("event 3 (resolved): …").
Result<CaseState> Fold(std::span<const CaseEvent> events);

}  // namespace caredesk::core
