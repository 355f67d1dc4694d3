// Shared builders for the case lifecycle tests: a fixed start instant and minutes after it,
// actors, events, the contacts and resolutions most tests begin with, and folding with the error
// reported as a test failure. A test spells out only what it is about.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/case_event.h"
#include "core/case_state.h"

namespace caredesk::core::testing {

// Monday 2 March 2026, 09:00 UTC (09:00 GMT in London).
inline constexpr Instant kStart = date::sys_days{date::year{2026} / 3 / 2} + std::chrono::hours{9};

// `minute` minutes after kStart.
inline Instant T(int minute) { return kStart + std::chrono::minutes{minute}; }

// An actor (staff, or "customer") whose id is also the name, with its first letter as initials.
inline Actor Staff(const std::string& id) { return Actor{id, id, id.substr(0, 1)}; }

// An event recorded at `at` by the actor Staff(actor).
inline CaseEvent EventAt(Instant at, EventPayload payload, const std::string& actor = "alice") {
  return CaseEvent{at, Staff(actor), std::move(payload)};
}

// An event `minute` minutes after kStart.
inline CaseEvent E(int minute, EventPayload payload, const std::string& actor = "alice") {
  return EventAt(T(minute), std::move(payload), actor);
}

// A contact of `kind` by `channel`; a complaint has one point. `stage` as in event::Received.
inline event::Received Contact(Kind kind, Channel channel,
                               std::optional<Stage> stage = std::nullopt) {
  event::Received received;
  received.kind = kind;
  received.channel = channel;
  if (kind == Kind::kComplaint) received.points = {"the point"};
  received.stage = stage;
  return received;
}

// An email complaint about fees with two points, starting at stage1.
inline event::Received TwoPointComplaint() {
  return event::Received{Kind::kComplaint,
                         Channel::kEmail,
                         false,
                         "fees",
                         "Finance",
                         "overcharged",
                         "I was billed twice and nobody answered my letter.",
                         {"billed twice", "no reply to letter"},
                         std::nullopt};
}

// The resolution of a one-point complaint: not upheld.
inline event::Resolved NotUpheld() {
  event::Resolved resolved;
  resolved.outcome = Outcome::kNotUpheld;
  resolved.points = {PointOutcome{1, Outcome::kNotUpheld}};
  return resolved;
}

// The state `events` fold to; a test failure (and an empty state) when they do not fold.
inline CaseState Folded(const std::vector<CaseEvent>& events) {
  auto state = Fold(events);
  if (!state) {
    ADD_FAILURE() << state.error().message;
    return CaseState{};
  }
  return *state;
}

}  // namespace caredesk::core::testing
