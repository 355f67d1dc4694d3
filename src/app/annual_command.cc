// `caredesk report annual --db URL --year 2026 --out report.pdf [--format pdf|html]`: the annual
// audit report — performance against each published standard, complaint analysis, remedies,
// actions and recurrence, satisfaction and the managers' recommendations of the year — as a PDF
// that reads well printed in black and white, or as an accessible HTML page.
#include <date/date.h>
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/document_output.h"
#include "app/report_run.h"
#include "print/annual_report.h"

namespace caredesk::app {
namespace {

struct AnnualOptions {
  std::string db;
  std::string year;
  std::string out;
  std::string format = "pdf";
};

// "1 January 2026".
std::string LongDate(core::LocalDate day) {
  std::string text = date::format("%e %B %Y", day);
  return text.starts_with(' ') ? text.substr(1) : text;
}

std::vector<print::Recommendation> RecommendationsToPrint(
    const std::vector<core::Recommendation>& stored, const core::BusinessCalendar& calendar) {
  std::vector<print::Recommendation> out;
  for (const auto& r : stored) {
    out.push_back({r.text, r.author_name, LongDate(calendar.LocalDay(r.written_at)), r.figures,
                   r.case_references});
  }
  return out;
}

int RunAnnual(const AnnualOptions& options) {
  if (int bad = CheckDocumentFormat(options.format); bad != kExitOk) return bad;
  core::ReportParameters parameters;
  parameters.year = options.year;
  auto run = RunReportOn(options.db, parameters);
  if (!run) return run.error();
  const auto& calendar = *(*run)->policy->calendar;
  const auto& filter = (*run)->report.filter;
  const int year = static_cast<int>(date::year_month_day{calendar.LocalDay(filter.from)}.year());
  const core::Instant now = (*run)->report.at;
  auto recommendations = (*run)->store->Recommendations(year);
  if (!recommendations) return StoreFailure(recommendations.error());
  print::AnnualContext context;
  context.organisation = (*run)->policy->name;
  context.year = year;
  context.period = fmt::format("{} to {}", LongDate(calendar.LocalDay(filter.from)),
                               LongDate(calendar.LocalDay(filter.until) - date::days{1}));
  context.time_zone = calendar.zone().name();
  context.generated_at =
      fmt::format("{} ({})", core::FormatInstant(now, calendar.zone()), calendar.zone().name());
  context.recommendations = RecommendationsToPrint(*recommendations, calendar);
  const print::Document document = print::AnnualReport((*run)->report, context);
  auto written = WriteDocument(document, options.format, options.out);
  if (!written) return written.error();
  std::cout << fmt::format("{}: the annual report for {} ({} bytes)\n", options.out, year,
                           *written);
  return kExitOk;
}

}  // namespace

void AddAnnualCommand(CLI::App& report, int& exit_code) {
  auto options = std::make_shared<AnnualOptions>();
  auto* annual = report.add_subcommand(
      "annual", "The annual audit report as a PDF (or HTML) that prints well in black and white");
  annual->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  annual->add_option("--year", options->year, "The year (default: this year)");
  annual->add_option("--out", options->out, "The file to write")->required();
  annual->add_option("--format", options->format, "pdf (default) or html");
  annual->callback([options, &exit_code] { exit_code = RunAnnual(*options); });
}

}  // namespace caredesk::app
