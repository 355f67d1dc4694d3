// A case's deadlines: its events folded into facts and handed to the policy version the case
// is judged under (the one in force when it was received; the caller picks it).
#pragma once

#include <span>
#include <vector>

#include "core/case_facts.h"
#include "core/policy.h"

namespace caredesk::core {

// Deadlines of a closed case: once the case closed, an unfulfilled deadline can no longer be
// met. One that fell due before the closing stays as the engine says (breached); every other
// unfulfilled one (no due instant yet, or due at or after the closing) is not_applicable.
// Deadlines of a case that is not closed at `now` are returned unchanged.
std::vector<Deadline> SettleClosed(std::vector<Deadline> deadlines, const CaseState& state,
                                   Instant now);

// The deadlines of a folded case under `policy`, evaluated at `now`.
Result<std::vector<Deadline>> CaseDeadlines(const Policy& policy, const FoldedCase& folded,
                                            Instant now);

// The same from the events; fold errors are returned as Fold returns them.
Result<std::vector<Deadline>> CaseDeadlines(const Policy& policy, std::span<const CaseEvent> events,
                                            Instant now);

}  // namespace caredesk::core
