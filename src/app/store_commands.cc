// Commands over a store (`--db URL`): migrate, contact add, audit verify. Each creates and
// migrates a missing SQLite database on first use.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/case_export.h"
#include "app/cli.h"
#include "app/cli_args.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "core/case_service.h"
#include "core/report_service.h"

namespace caredesk::app {
namespace {

struct ContactOptions {
  std::string db;
  std::string kind;
  std::string channel;
  std::string subject;
  std::string body;
  std::string received;
  std::string customer_email;
  std::string customer_name;
  std::string service;
  std::string nature;
};

int RunMigrate(const std::string& db) {
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  core::CaseService cases(*store, clock);
  auto filled = core::FillMissingFigures(*store, cases);
  if (!filled) return StoreFailure(filled.error());
  std::cout << fmt::format("{}: schema version {}\n", db, store->SchemaVersion());
  if (*filled > 0) std::cout << fmt::format("report figures computed for {} cases\n", *filled);
  return kExitOk;
}

int RunContactAdd(const ContactOptions& options) {
  auto kind = KindArg("--kind", options.kind);
  auto channel = ChannelArg("--channel", options.channel);
  if (!kind || !channel) return kExitBadArguments;
  core::NewContact contact;
  contact.kind = *kind;
  contact.channel = *channel;
  contact.subject = options.subject;
  contact.body = options.body;
  contact.service = options.service;
  contact.nature = options.nature;
  if (!options.received.empty()) {
    contact.received = InstantArg("--received", options.received);
    if (!contact.received) return kExitBadArguments;
  }
  if (!options.customer_email.empty() || !options.customer_name.empty()) {
    core::CustomerRecord customer;
    customer.email = options.customer_email;
    customer.name = options.customer_name;
    contact.customer = customer;
  }
  contact.logged_by = core::Actor{"cli", "caredesk command line", "CLI"};
  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  core::CaseService cases(*store, clock);
  auto record = cases.LogContact(contact);
  if (!record) {
    const auto& error = record.error();
    std::cerr << fmt::format("caredesk: {}{}\n",
                             error.field.empty() ? "" : "--" + error.field + ": ", error.message);
    return error.code == core::ErrorCode::kInvalid ? kExitBadArguments : kExitFailed;
  }
  std::cout << record->reference << "\n";
  return kExitOk;
}

int RunAuditVerify(const std::string& db) {
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto broken = store->VerifyChain();
  if (!broken) {
    std::cerr << "caredesk: " << broken.error().message << "\n";
    return kExitFailed;
  }
  if (*broken) {
    std::cout << fmt::format("broken: {} event {}: {}\n", (*broken)->reference, (*broken)->seq,
                             (*broken)->reason);
    return kExitFailed;
  }
  std::cout << "ok: every case's history is intact\n";
  return kExitOk;
}

int RunExport(const std::string& db) {
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto count = ExportStore(*store, std::cout);
  if (!count) {
    std::cerr << "caredesk: " << count.error().message << "\n";
    return kExitFailed;
  }
  std::cerr << fmt::format("exported {} cases\n", *count);
  return kExitOk;
}

int RunImport(const std::string& db) {
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto summary = ImportStore(*store, std::cin, clock);
  if (!summary) {
    std::cerr << "caredesk: " << summary.error().message << "\n";
    return summary.error().code == core::ErrorCode::kInvalid ? kExitBadArguments : kExitFailed;
  }
  core::CaseService cases(*store, clock);
  if (auto filled = core::FillMissingFigures(*store, cases); !filled) {
    return StoreFailure(filled.error());
  }
  std::cout << fmt::format("imported {} cases, {} events, {} attachments\n", summary->cases,
                           summary->events, summary->attachments);
  return kExitOk;
}

}  // namespace

void AddStoreCommands(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>();
  auto* migrate = app.add_subcommand("migrate", "Create or upgrade a database's schema");
  migrate->add_option("--db", *db, "SQLite file or postgresql:// URL")->required();
  migrate->callback([db, &exit_code] { exit_code = RunMigrate(*db); });

  auto* contact = app.add_subcommand("contact", "Work with contacts");
  contact->require_subcommand(1);
  auto options = std::make_shared<ContactOptions>();
  auto* add = contact->add_subcommand("add", "Log a contact as a new case; prints its reference");
  add->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  add->add_option("--kind", options->kind, "question, complaint, …")->required();
  add->add_option("--channel", options->channel, "phone, email, post, …")->required();
  add->add_option("--subject", options->subject, "What it is about")->required();
  add->add_option("--body", options->body, "What the customer said")->required();
  add->add_option("--received", options->received, "When it arrived (RFC 3339; default now)");
  add->add_option("--customer-email", options->customer_email, "The customer's email");
  add->add_option("--customer-name", options->customer_name, "The customer's name");
  add->add_option("--service", options->service, "The service or department it concerns");
  add->add_option("--nature", options->nature, "What kind of matter (from the policy's list)");
  add->callback([options, &exit_code] { exit_code = RunContactAdd(*options); });

  auto audit_db = std::make_shared<std::string>();
  auto* audit = app.add_subcommand("audit", "Check the records");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check every case's hash chain");
  verify->add_option("--db", *audit_db, "SQLite file or postgresql:// URL")->required();
  verify->callback([audit_db, &exit_code] { exit_code = RunAuditVerify(*audit_db); });

  auto export_db = std::make_shared<std::string>();
  auto* export_command = app.add_subcommand(
      "export", "Print every case as one JSON object per line (re-importable with import)");
  export_command->add_option("--db", *export_db, "SQLite file or postgresql:// URL")->required();
  export_command->callback([export_db, &exit_code] { exit_code = RunExport(*export_db); });

  auto import_db = std::make_shared<std::string>();
  auto* import_command =
      app.add_subcommand("import", "Read cases exported by `caredesk export` from stdin");
  import_command->add_option("--db", *import_db, "SQLite file or postgresql:// URL")->required();
  import_command->callback([import_db, &exit_code] { exit_code = RunImport(*import_db); });
}

}  // namespace caredesk::app
