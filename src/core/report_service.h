// Reports as every entry point asks for them (CLI, API, the annual report): the figures of the
// cases a filter selects, counted under the policy versions they were received under, with the
// departments' names and the period's suggestions. No I/O of its own: the store is a port.
#pragma once

#include <cstdint>
#include <functional>

#include "core/case_service.h"
#include "core/report.h"
#include "core/store.h"

namespace caredesk::core {

// Gives every case without figures of the current format its figures, `batch` cases a write
// (cases written before schema 5, imported histories), until done or `stop()` says so between
// batches. Returns how many it filled in. Once none is missing the store records so, and later
// calls return at once, until a history without figures is imported.
Result<std::int64_t> FillMissingFigures(Store& store, CaseService& cases, int batch = 500,
                                        const std::function<bool()>& stop = {});

// The report of `filter` at `at` (pending deadlines past due count as breached). Months are
// those of the active policy's time zone for suggestions, and of each case's policy for cases.
Result<Report> BuildReport(Store& store, CaseService& cases, const ReportFilter& filter,
                           Instant at);

// kInvalid naming the field when the filter cannot be reported on: `until` not after `from`, or
// a period longer than ten years.
Result<void> ValidateFilter(const ReportFilter& filter);

}  // namespace caredesk::core
