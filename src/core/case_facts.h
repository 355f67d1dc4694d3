// What the deadline engine needs to know about a case (CaseFacts, deadline.h), derived from the
// case's events in the same pass that folds its state. Milestones come from the events that
// start or fulfil standards; pauses from paused/resumed pairs; extensions from extended events.
#pragma once

#include <span>

#include "core/case_event.h"
#include "core/case_state.h"
#include "core/deadline.h"

namespace caredesk::core {

// A case folded once: its state and its deadline facts.
struct FoldedCase {
  CaseState state;
  CaseFacts facts;
};

// The milestone an event is, if any: acknowledged, referred, replied, holding_sent, decided,
// resolved map to their namesakes; redirected is a reply (the customer was given the third
// party's details); escalated is a milestone only when it opens stage 2 (`opens_stage2`), the
// trigger of stage-2 standards.
std::optional<Milestone> MilestoneOf(EventType type, bool opens_stage2 = false);

// Folds the events (as Fold, with the same errors) and derives the facts. The facts' kind is
// the case's current kind, so a reclassified contact is judged by the standards of its kind.
Result<FoldedCase> FoldCase(std::span<const CaseEvent> events);

// The facts alone.
Result<CaseFacts> FactsOf(std::span<const CaseEvent> events);

}  // namespace caredesk::core
