#include "app/report_run.h"

#include "app/cli.h"
#include "app/command_support.h"
#include "core/report_service.h"

namespace caredesk::app {

tl::expected<std::unique_ptr<ReportRun>, int> RunReportOn(
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
  auto report = core::BuildReport(*run->store, *run->cases, *filter, now);
  if (!report) return tl::unexpected(StoreFailure(report.error()));
  run->report = std::move(*report);
  return run;
}

}  // namespace caredesk::app
