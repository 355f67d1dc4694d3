// What `caredesk report` and `caredesk report annual` share: open the store, give older cases
// their figures, read the period and filters under the active policy's calendar, and build the
// report — or say why not and give the exit status.
#pragma once

#include <memory>
#include <tl/expected.hpp>

#include "app/system_clock.h"
#include "core/case_service.h"
#include "core/report_filter.h"
#include "core/store.h"

namespace caredesk::app {

struct ReportRun {
  SystemClock clock;
  std::unique_ptr<core::Store> store;
  std::unique_ptr<core::CaseService> cases;
  std::shared_ptr<const core::Policy> policy;  // the active one: its calendar and zone
  core::ReportFilter filter;
  core::Report report;
};

// The store at `db` with the active policy, older cases given their figures, and the filter
// `parameters` say under the policy's calendar (no report built); on failure, as RunReportOn.
tl::expected<std::unique_ptr<ReportRun>, int> OpenReportRun(
    const std::string& db, const core::ReportParameters& parameters);

// The report of `parameters` on the store at `db`; on failure, the exit status (1, or 2 for a bad
// flag, named as --FIELD) after saying why on stderr.
tl::expected<std::unique_ptr<ReportRun>, int> RunReportOn(const std::string& db,
                                                          const core::ReportParameters& parameters);

}  // namespace caredesk::app
