// `caredesk report register --db URL [--year Y | --from D --until D] [--channel C …]
// [--stage S …] [--service S …] [--department-id N …] --out FILE [--format csv|xlsx]`: the
// complaints register of the period — one row per complaint received, in receipt order, with its
// nature, dates, outcomes, remedies and preventive actions — as CSV or as a workbook. The format
// is --format's, or the extension of --out's. Written as it is read, page by page.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/report_run.h"
#include "export/register_files.h"

namespace caredesk::app {
namespace {

struct RegisterOptions {
  std::string db;
  std::string out;
  std::string format;
  core::ReportParameters parameters;
};

// --format, else the extension of --out ("" when neither says).
std::string FormatOf(const RegisterOptions& options) {
  if (!options.format.empty()) return options.format;
  const auto dot = options.out.rfind('.');
  if (dot == std::string::npos) return "";
  std::string extension = options.out.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

int RunRegister(const RegisterOptions& options) {
  const std::string format = FormatOf(options);
  if (format != "csv" && format != "xlsx") {
    return BadArgument("--format", options.format.empty()
                                       ? "is required when --out does not end in .csv or .xlsx"
                                       : "must be csv or xlsx");
  }
  auto run = OpenReportRun(options.db, options.parameters);
  if (!run) return run.error();
  exports::ComplaintsRegister source(*(*run)->store, *(*run)->policy->calendar);
  core::Result<std::int64_t> count = 0;
  if (format == "xlsx") {
    auto workbook = exports::XlsxWorkbook::Create(options.out);
    if (!workbook) return BadArgument("--out", workbook.error().message);
    count = exports::AddRegisterSheet(source, (*run)->filter, **workbook);
    if (count) {
      if (auto closed = (*workbook)->Close(); !closed) {
        return BadArgument("--out", closed.error().message);
      }
    }
  } else {
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    if (!out) return BadArgument("--out", "cannot write " + options.out);
    count = exports::WriteRegisterCsv(source, (*run)->filter, [&out](std::string_view text) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
    });
    out.close();
    if (count && !out) return BadArgument("--out", "cannot write " + options.out);
  }
  if (!count) return StoreFailure(count.error());
  std::cout << fmt::format("{}: the complaints register, {} complaint{}\n", options.out, *count,
                           *count == 1 ? "" : "s");
  return kExitOk;
}

}  // namespace

void AddRegisterCommand(CLI::App& report, int& exit_code) {
  auto options = std::make_shared<RegisterOptions>();
  auto* command = report.add_subcommand(
      "register", "The complaints register: one row per complaint received, as CSV or XLSX");
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  auto& p = options->parameters;
  command->add_option("--year", p.year, "A calendar year (default: this year)");
  command->add_option("--from", p.from, "The first day counted (YYYY-MM-DD)");
  command->add_option("--until", p.until, "The first day not counted (YYYY-MM-DD)");
  command->add_option("--channel", p.channels, "Only these channels (repeatable)");
  command->add_option("--stage", p.stages, "Only complaints that reached these stages");
  command->add_option("--service", p.services, "Only these services (repeatable)");
  command->add_option("--department-id", p.department_ids, "Only these departments (repeatable)");
  command->add_option("--out", options->out, "The file to write (.csv or .xlsx)")->required();
  command->add_option("--format", options->format, "csv or xlsx (default: from --out)");
  command->callback([options, &exit_code] { exit_code = RunRegister(*options); });
}

}  // namespace caredesk::app
