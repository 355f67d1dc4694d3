// `caredesk case file --db URL --ref REF --out file.pdf [--for customer|regulator]
// [--format pdf|html]`: a case's complete file — every event, message, note and deadline, each
// entry with its date, time and who made it — as a PDF that prints well in black and white, or
// as an accessible HTML page. The regulator's copy (the default) holds everything; the customer's
// leaves out what customers are not shown (print/case_file.h).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/document_output.h"
#include "app/system_clock.h"
#include "print/case_file_source.h"

namespace caredesk::app {
namespace {

struct CaseFileOptions {
  std::string db;
  std::string reference;
  std::string out;
  std::string audience = "regulator";
  std::string format = "pdf";
};

int RunCaseFile(const CaseFileOptions& options) {
  const auto audience = print::ParseCaseFileAudience(options.audience);
  if (!audience) return BadArgument("--for", "must be customer or regulator");
  if (int bad = CheckDocumentFormat(options.format); bad != kExitOk) return bad;
  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  auto record = store->FindCase(options.reference);
  if (!record && record.error().code == core::ErrorCode::kNotFound) {
    return BadArgument("--ref", "names no case");
  }
  if (!record) return StoreFailure(record.error());
  core::CaseService cases(*store, clock);
  auto input = print::ReadCaseFile(*store, cases, *record, clock.Now());
  if (!input) return StoreFailure(input.error());
  auto written = WriteDocument(print::CaseFile(*input, *audience), options.format, options.out);
  if (!written) return written.error();
  std::cout << fmt::format(
      "{}: the case file of {} for {} ({} bytes)\n", options.out, record->reference,
      *audience == print::CaseFileAudience::kCustomer ? "the customer" : "a regulator", *written);
  return kExitOk;
}

}  // namespace

void AddCaseCommands(CLI::App& app, int& exit_code) {
  auto* group = app.add_subcommand("case", "One case");
  group->require_subcommand(1);
  auto options = std::make_shared<CaseFileOptions>();
  auto* file = group->add_subcommand(
      "file", "A case's complete file as a PDF (or HTML), for the customer or a regulator");
  file->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  file->add_option("--ref", options->reference, "The case's reference (CD-2026-000123)")
      ->required();
  file->add_option("--out", options->out, "The file to write")->required();
  file->add_option("--for", options->audience,
                   "regulator (default: everything) or customer (no internal notes)");
  file->add_option("--format", options->format, "pdf (default) or html");
  file->callback([options, &exit_code] { exit_code = RunCaseFile(*options); });
}

}  // namespace caredesk::app
