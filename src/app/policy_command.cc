// `caredesk policy check FILE…`: validates policy files, printing every problem as
// `FILE:LINE: reason`. Exit 0 when all are good, 1 when any is bad.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>

#include "app/cli.h"
#include "app/commands.h"
#include "app/policy_source.h"
#include "app/store_url.h"
#include "app/system_clock.h"

namespace caredesk::app {
namespace {

int RunCheck(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const auto& file : files) {
    auto checked = ReadPolicyFile(file);
    if (checked.status == kExitBadArguments) return checked.status;
    if (!checked.policy) {
      status = kExitFailed;
      continue;
    }
    const auto& policy = checked.policy;
    std::cout << fmt::format("{}: ok — \"{}\", version {}, {} standards\n", file, policy->name,
                             policy->version, policy->standards.size());
  }
  return status;
}

// Installs a policy file as the store's active version; a bad file changes nothing.
int RunInstall(const std::string& db, const std::string& file) {
  auto checked = ReadPolicyFile(file);
  if (!checked.policy) return checked.status;
  const auto& policy = checked.policy;
  const auto* text = &checked.text;
  SystemClock clock;
  auto store = OpenStore(db, clock);
  if (!store) {
    std::cerr << "caredesk: --db: " << store.error().message << "\n";
    return kExitFailed;
  }
  auto installed = (*store)->InstallPolicy(policy->version, *text, clock.Now());
  if (!installed) {
    std::cerr << "caredesk: " << installed.error().message << "\n";
    return kExitFailed;
  }
  std::cout << fmt::format("{}: installed \"{}\" version {} as the active policy\n", db,
                           policy->name, policy->version);
  return kExitOk;
}

}  // namespace

void AddPolicyCommand(CLI::App& app, int& exit_code) {
  auto* policy = app.add_subcommand("policy", "Work with policy files");
  policy->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* check = policy->add_subcommand("check", "Validate policy files");
  check->add_option("files", *files, "Policy TOML files")->required();
  check->callback([files, &exit_code] { exit_code = RunCheck(*files); });

  auto db = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto* install = policy->add_subcommand("install", "Add a policy version and make it active");
  install->add_option("--db", *db, "SQLite file or postgresql:// URL")->required();
  install->add_option("file", *file, "Policy TOML file")->required();
  install->callback([db, file, &exit_code] { exit_code = RunInstall(*db, *file); });
}

}  // namespace caredesk::app
