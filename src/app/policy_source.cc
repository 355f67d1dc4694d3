#include "app/policy_source.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli.h"

namespace caredesk::app {

namespace {
constexpr std::size_t kMaxPolicyBytes = 1 << 20;  // a policy is a page of text, not a dump
}  // namespace

std::optional<std::string> ReadFile(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot open the file", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > kMaxPolicyBytes) {
    error = fmt::format("{}: the file is larger than {} bytes", path, kMaxPolicyBytes);
    return std::nullopt;
  }
  return text.str();
}

void PrintProblems(const std::string& file, const std::vector<core::PolicyProblem>& problems) {
  for (const auto& problem : problems) {
    std::cerr << fmt::format("{}:{}: {}\n", file, problem.line, problem.reason);
  }
}

CheckedPolicy ReadPolicyFile(const std::string& file) {
  CheckedPolicy checked;
  std::string error;
  auto text = ReadFile(file, error);
  if (!text) {
    std::cerr << "caredesk: " << error << "\n";
    checked.status = kExitBadArguments;
    return checked;
  }
  checked.text = std::move(*text);
  auto policy = core::ParsePolicy(checked.text);
  if (!policy) {
    PrintProblems(file, policy.error());
    checked.status = kExitFailed;
    return checked;
  }
  checked.policy = std::move(*policy);
  return checked;
}

std::optional<core::Policy> LoadPolicy(const std::string& path) {
  std::string text;
  std::string name = path.empty() ? "default.toml (built in)" : path;
  if (path.empty()) {
    text = BuiltInDefaultPolicy();
  } else {
    std::string error;
    auto read = ReadFile(path, error);
    if (!read) {
      std::cerr << error << "\n";
      return std::nullopt;
    }
    text = std::move(*read);
  }
  auto policy = core::ParsePolicy(text);
  if (!policy) {
    PrintProblems(name, policy.error());
    return std::nullopt;
  }
  return std::move(*policy);
}

}  // namespace caredesk::app
