// `caredesk policy check FILE…`: validates policy files, printing every problem as
// `FILE:LINE: reason`. Exit 0 when all are good, 1 when any is bad.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/commands.h"
#include "app/policy_source.h"

namespace caredesk::app {
namespace {

int RunCheck(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const auto& file : files) {
    std::string error;
    auto text = ReadFile(file, error);
    if (!text) {
      std::cerr << "caredesk: " << error << "\n";
      return kExitBadArguments;
    }
    auto policy = core::ParsePolicy(*text);
    if (!policy) {
      PrintProblems(file, policy.error());
      status = kExitFailed;
      continue;
    }
    std::cout << fmt::format("{}: ok — \"{}\", version {}, {} standards\n", file, policy->name,
                             policy->version, policy->standards.size());
  }
  return status;
}

}  // namespace

void AddPolicyCommand(CLI::App& app, int& exit_code) {
  auto* policy = app.add_subcommand("policy", "Work with policy files");
  policy->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  auto* check = policy->add_subcommand("check", "Validate policy files");
  check->add_option("files", *files, "Policy TOML files")->required();
  check->callback([files, &exit_code] { exit_code = RunCheck(*files); });
}

}  // namespace caredesk::app
