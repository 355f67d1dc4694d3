#include "app/report_run.h"

#include "app/cli.h"
#include "app/command_support.h"
#include "core/report_service.h"

namespace caredesk::app {

tl::expected<std::unique_ptr<ReportRun>, int> OpenReportRun(
    const std::string& db, const core::ReportParameters& parameters) {
  auto run = std::make_unique<ReportRun>();
  run->store = OpenOrSay(db, run->clock);
  if (!run->store) return tl::unexpected(kExitFailed);
  run->cases = std::make_unique<core::CaseService>(*run->store, run->clock);
  auto policy = run->cases->PolicyOf("");
  if (!policy) return tl::unexpected(StoreFailure(policy.error()));
  run->policy = *policy;
  const core::Instant now = run->clock.Now();
  auto filter = core::ReportFilterOf(parameters, *run->policy->calendar, now);
  if (!filter) {
    return tl::unexpected(BadArgument("--" + filter.error().field, filter.error().message));
  }
  if (auto filled = core::FillMissingFigures(*run->store, *run->cases); !filled) {
    return tl::unexpected(StoreFailure(filled.error()));
  }
  run->filter = std::move(*filter);
  return run;
}

tl::expected<std::unique_ptr<ReportRun>, int> RunReportOn(
    const std::string& db, const core::ReportParameters& parameters) {
  auto run = OpenReportRun(db, parameters);
  if (!run) return run;
  auto& opened = **run;
  auto report = core::BuildReport(*opened.store, *opened.cases, opened.filter, opened.clock.Now());
  if (!report) return tl::unexpected(StoreFailure(report.error()));
  opened.report = std::move(*report);
  return run;
}

}  // namespace caredesk::app
