// `caredesk ingest-mail --db URL < message.eml`: files one email handed over by the MTA (a pipe
// or an LMTP-to-pipe hook), as the mailbox reader would: onto its case, as a new contact, or
// recorded when a machine sent it. Exit status, as an MTA reads it:
//   0   stored, or recognised as already filed (duplicate) — the line on stdout says which;
//   65  refused for good (EX_DATAERR: over the size limits), with the reason; do not retry;
//   75  the store could not take it now (EX_TEMPFAIL): the MTA keeps it and tries again;
//   2   bad arguments.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/system_clock.h"
#include "jobs/mail_ingest.h"

namespace caredesk::app {
namespace {

constexpr int kExitDataError = 65;
constexpr int kExitTryAgain = 75;

int RunIngestMail(const std::string& db) {
  const mail::MailLimits limits;
  std::string raw;
  raw.reserve(64 * 1024);
  char buffer[64 * 1024];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    raw.append(buffer, std::size_t(std::cin.gcount()));
    if (raw.size() > limits.max_message_bytes) {
      std::cerr << fmt::format("caredesk: refused: the message is over {} bytes\n",
                               limits.max_message_bytes);
      return kExitDataError;
    }
  }
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitTryAgain;
  core::CaseService cases(*store, clock);
  jobs::MailIngest ingest(*store, cases, clock, limits);
  auto filed = ingest.Ingest(raw);
  if (!filed) {
    std::cerr << "caredesk: "
              << (filed.error().code == core::ErrorCode::kUnavailable
                      ? "could not store the message now, try again: "
                      : "refused: ")
              << filed.error().message << "\n";
    return filed.error().code == core::ErrorCode::kUnavailable ? kExitTryAgain : kExitDataError;
  }
  switch (filed->outcome) {
    case jobs::IngestOutcome::kOpened:
      std::cout << fmt::format("opened {} from <{}>\n", filed->reference, filed->message_id);
      break;
    case jobs::IngestOutcome::kThreaded:
      std::cout << fmt::format("threaded <{}> onto {}\n", filed->message_id, filed->reference);
      break;
    case jobs::IngestOutcome::kDuplicate:
      std::cout << fmt::format("duplicate: <{}> was already filed\n", filed->message_id);
      break;
    case jobs::IngestOutcome::kRecorded:
      std::cout << fmt::format("recorded <{}>: an automatic message, not answered\n",
                               filed->message_id);
      break;
  }
  for (const auto& problem : filed->problems) std::cerr << "caredesk: note: " << problem << "\n";
  return kExitOk;
}

}  // namespace

void AddMailCommands(CLI::App& app, int& exit_code) {
  auto* ingest = app.add_subcommand(
      "ingest-mail", "File one email read from standard input (for delivery from an MTA)");
  auto db = std::make_shared<std::string>();
  ingest->add_option("--db", *db, "SQLite file or postgresql:// URL")->required();
  ingest->callback([db, &exit_code] { exit_code = RunIngestMail(*db); });
}

}  // namespace caredesk::app
