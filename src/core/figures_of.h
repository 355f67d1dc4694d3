// A case's figures (case_figures.h) computed from its events, state and deadlines under the
// policy version it was received under.
#pragma once

#include <span>
#include <vector>

#include "core/case_facts.h"
#include "core/case_figures.h"
#include "core/policy.h"

namespace caredesk::core {

// The month (YYYYMM) of `instant` in `calendar`'s zone.
int MonthOf(const BusinessCalendar& calendar, Instant instant);

// The figures of a case whose projection is `record`, folded from `events` into `folded`, with
// `deadlines` judged under `policy` (its received version).
CaseFigures FiguresOf(const CaseRecord& record, const Policy& policy,
                      std::span<const CaseEvent> events, const FoldedCase& folded,
                      const std::vector<Deadline>& deadlines);

}  // namespace caredesk::core
