#include "core/case_deadlines.h"

namespace caredesk::core {

std::vector<Deadline> SettleClosed(std::vector<Deadline> deadlines, const CaseState& state,
                                   Instant now) {
  if (state.status != CaseStatus::kClosed || !state.closed_at || *state.closed_at > now) {
    return deadlines;
  }
  const Instant closed = *state.closed_at;
  for (Deadline& deadline : deadlines) {
    if (deadline.fulfilled_at || deadline.status == DeadlineStatus::kMet ||
        deadline.status == DeadlineStatus::kNotApplicable) {
      continue;
    }
    if (deadline.due && *deadline.due < closed) continue;  // fell due while the case was open
    deadline.status = DeadlineStatus::kNotApplicable;
  }
  return deadlines;
}

Result<std::vector<Deadline>> CaseDeadlines(const Policy& policy, const FoldedCase& folded,
                                            Instant now) {
  auto deadlines = policy.Deadlines(folded.facts, now);
  if (!deadlines) return deadlines;
  return SettleClosed(std::move(*deadlines), folded.state, now);
}

Result<std::vector<Deadline>> CaseDeadlines(const Policy& policy, std::span<const CaseEvent> events,
                                            Instant now) {
  auto folded = FoldCase(events);
  if (!folded) return tl::unexpected(folded.error());
  return CaseDeadlines(policy, *folded, now);
}

}  // namespace caredesk::core
