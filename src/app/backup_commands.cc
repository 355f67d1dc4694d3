// `caredesk backup` and `caredesk copy`: a consistent SQLite copy of any store, and a whole
// store moved between engines (how an organisation moves from SQLite to PostgreSQL).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/case_export.h"
#include "app/cli.h"
#include "app/commands.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "core/report_service.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::app {
namespace {

int Complain(const std::string& message) {
  std::cerr << "caredesk: " << message << "\n";
  return kExitFailed;
}

// Every case of `from` into `to`, through the export format in a temporary file.
core::Result<ImportSummary> Copy(core::Store& from, core::Store& to, const core::Clock& clock) {
  const auto temp =
      std::filesystem::temp_directory_path() / fmt::format("caredesk-copy-{}.jsonl", ::getpid());
  std::ofstream out(temp, std::ios::binary);
  auto exported = ExportStore(from, out);
  out.close();
  if (!exported) {
    std::filesystem::remove(temp);
    return tl::unexpected(exported.error());
  }
  std::ifstream in(temp, std::ios::binary);
  auto imported = ImportStore(to, in, clock);
  std::filesystem::remove(temp);
  return imported;
}

int RunBackup(const std::string& db, const std::string& out) {
  if (std::filesystem::exists(out)) return Complain(fmt::format("--out: {} already exists", out));
  SystemClock clock;
  if (!IsPostgresUrl(db)) {
    auto store = store::SqliteStore::Open(db, clock);
    if (!store) return Complain("--db: " + store.error().message);
    if (auto done = (*store)->BackupTo(out); !done) return Complain(done.error().message);
  } else {
    auto from = OpenStore(db, clock);
    if (!from) return Complain("--db: " + from.error().message);
    auto to = OpenStore(out, clock);
    if (!to) return Complain("--out: " + to.error().message);
    if (auto copied = Copy(**from, **to, clock); !copied) return Complain(copied.error().message);
  }
  std::cout << fmt::format("{}: backup of {} written\n", out, db);
  return kExitOk;
}

int RunCopy(const std::string& from_url, const std::string& to_url) {
  SystemClock clock;
  auto from = OpenStore(from_url, clock);
  if (!from) return Complain("--from: " + from.error().message);
  auto to = OpenStore(to_url, clock);
  if (!to) return Complain("--to: " + to.error().message);
  auto copied = Copy(**from, **to, clock);
  if (!copied) return Complain(copied.error().message);
  core::CaseService cases(**to, clock);
  if (auto filled = core::FillMissingFigures(**to, cases); !filled) {
    return Complain(filled.error().message);
  }
  std::cout << fmt::format("copied {} cases, {} events, {} attachments\n", copied->cases,
                           copied->events, copied->attachments);
  return kExitOk;
}

}  // namespace

void AddBackupCommands(CLI::App& app, int& exit_code) {
  auto db = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto* backup = app.add_subcommand("backup", "Write a consistent SQLite copy of a store");
  backup->add_option("--db", *db, "SQLite file or postgresql:// URL")->required();
  backup->add_option("--out", *out, "The new SQLite file")->required();
  backup->callback([db, out, &exit_code] { exit_code = RunBackup(*db, *out); });

  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto* copy = app.add_subcommand("copy", "Copy every case from one store into another");
  copy->add_option("--from", *from, "SQLite file or postgresql:// URL")->required();
  copy->add_option("--to", *to, "SQLite file or postgresql:// URL")->required();
  copy->callback([from, to, &exit_code] { exit_code = RunCopy(*from, *to); });
}

}  // namespace caredesk::app
