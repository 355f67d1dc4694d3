// `caredesk report --db URL [--year Y | --from D --until D] [--kind K …] [--format text|json]`:
// performance against every published standard and the other figures of issue 7's reports, for
// the period and filters given (default: this year), each case judged under the policy version
// it was received under. Cases written before reports kept figures are given theirs first.
// `--format csv --table NAME [--out FILE]` writes one of the report's tables as CSV (to standard
// output without --out); `--format xlsx --out FILE [--table NAME]` every table (or one) as a
// workbook.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/report_run.h"
#include "app/report_text.h"
#include "export/report_tables.h"
#include "export/table_csv.h"
#include "export/table_xlsx.h"
#include "http/report_json.h"

namespace caredesk::app {
namespace {

struct ReportOptions {
  std::string db;
  std::string format = "text";
  std::string table;
  std::string out;
  core::ReportParameters parameters;
};

std::string TableNames() {
  std::string names;
  for (const auto& name : exports::ReportTableNames()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

// The flags of an export that cannot work, said before the report is built.
int CheckExportFlags(const ReportOptions& options) {
  const bool spreadsheet = options.format == "csv" || options.format == "xlsx";
  if (!spreadsheet && options.format != "text" && options.format != "json") {
    return BadArgument("--format", "must be text, json, csv or xlsx");
  }
  if (!spreadsheet && (!options.table.empty() || !options.out.empty())) {
    return BadArgument(options.table.empty() ? "--out" : "--table",
                       "is only for --format csv or xlsx");
  }
  if (options.format == "csv" && options.table.empty()) {
    return BadArgument("--table", "is required with --format csv: one of " + TableNames());
  }
  if (options.format == "xlsx" && options.out.empty()) {
    return BadArgument("--out", "is required with --format xlsx");
  }
  const auto names = exports::ReportTableNames();
  if (!options.table.empty() &&
      std::find(names.begin(), names.end(), options.table) == names.end()) {
    return BadArgument("--table", "must be one of " + TableNames());
  }
  return kExitOk;
}

int ExportReport(const ReportOptions& options, const core::Report& report) {
  std::vector<exports::Table> tables;
  if (options.table.empty()) {
    tables = exports::ReportTables(report);
  } else {
    tables.push_back(*exports::ReportTable(report, options.table));
  }
  if (options.format == "xlsx") {
    if (auto written = exports::WriteXlsx(options.out, tables); !written) {
      return BadArgument("--out", written.error().message);
    }
  } else if (options.out.empty()) {
    std::cout << exports::TableCsv(tables.front());
    return kExitOk;
  } else if (!WriteFile(options.out, exports::TableCsv(tables.front()))) {
    return BadArgument("--out", "cannot write " + options.out);
  }
  std::cout << fmt::format("{}: {} table{}\n", options.out, tables.size(),
                           tables.size() == 1 ? "" : "s");
  return kExitOk;
}

int RunReport(const ReportOptions& options) {
  if (const int bad = CheckExportFlags(options); bad != kExitOk) return bad;
  auto run = RunReportOn(options.db, options.parameters);
  if (!run) return run.error();
  const auto& report = (*run)->report;
  const auto& zone = (*run)->policy->calendar->zone();
  if (options.format == "csv" || options.format == "xlsx") return ExportReport(options, report);
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
  AddRegisterCommand(*report, exit_code);
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
  report->add_option("--format", options->format, "text (default), json, csv or xlsx");
  report->add_option("--table", options->table,
                     "With csv or xlsx: one table (standards, by_nature, trends …)");
  report->add_option("--out", options->out, "With csv or xlsx: the file to write");
  report->callback([report, options, &exit_code] {
    if (report->got_subcommand("annual") || report->got_subcommand("register")) return;
    if (options->db.empty()) {
      exit_code = BadArgument("--db", "is required");
      return;
    }
    exit_code = RunReport(*options);
  });
}

}  // namespace caredesk::app
