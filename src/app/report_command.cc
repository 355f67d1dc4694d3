// `caredesk report --db URL [--year Y | --from D --until D] [--kind K …] [--format text|json]`:
// performance against every published standard and the other figures of issue 7's reports, for
// the period and filters given (default: this year), each case judged under the policy version
// it was received under. Cases written before reports kept figures are given theirs first.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/report_run.h"
#include "app/report_text.h"
#include "http/report_json.h"

namespace caredesk::app {
namespace {

struct ReportOptions {
  std::string db;
  std::string format = "text";
  core::ReportParameters parameters;
};

int RunReport(const ReportOptions& options) {
  if (options.format != "text" && options.format != "json") {
    return BadArgument("--format", "must be text or json");
  }
  auto run = RunReportOn(options.db, options.parameters);
  if (!run) return run.error();
  const auto& report = (*run)->report;
  const auto& zone = (*run)->policy->calendar->zone();
  if (options.format == "json") {
    std::cout << http::ReportJson(report, zone).dump(2) << "\n";
  } else {
    std::cout << ReportText(report, zone);
  }
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReportOptions>();
  auto* report = app.add_subcommand(
      "report", "Performance against every published standard, and the figures behind it");
  AddAnnualCommand(*report, exit_code);
  // `report annual` has options of its own; `report` alone needs --db.
  report->add_option("--db", options->db, "SQLite file or postgresql:// URL");
  auto& p = options->parameters;
  report->add_option("--year", p.year, "A calendar year (default: this year)");
  report->add_option("--from", p.from, "The first day counted (YYYY-MM-DD)");
  report->add_option("--until", p.until, "The first day not counted (YYYY-MM-DD)");
  report->add_option("--kind", p.kinds, "Only these kinds (repeatable)");
  report->add_option("--channel", p.channels, "Only these channels (repeatable)");
  report->add_option("--stage", p.stages, "Only complaints that reached these stages");
  report->add_option("--service", p.services, "Only these services (repeatable)");
  report->add_option("--department-id", p.department_ids, "Only these departments (repeatable)");
  report->add_option("--format", options->format, "text (default) or json");
  report->callback([report, options, &exit_code] {
    if (report->got_subcommand("annual")) return;
    if (options->db.empty()) {
      exit_code = BadArgument("--db", "is required");
      return;
    }
    exit_code = RunReport(*options);
  });
}

}  // namespace caredesk::app
