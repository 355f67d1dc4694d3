// Where the CLI gets its policy: a TOML file named on the command line, or the default policy
// built into the binary. Reading files is the app's job; the core parses the text.
#pragma once

#include <optional>
#include <string>

#include "core/policy.h"

namespace caredesk::app {

// The text of policies/default.toml, embedded at build time.
std::string_view BuiltInDefaultPolicy();

// Reads a whole file; empty when it cannot be read (the reason goes in `error`).
std::optional<std::string> ReadFile(const std::string& path, std::string& error);

// Loads and parses the policy at `path` (the built-in default when empty). On failure prints
// every problem as `FILE:LINE: reason` to stderr and returns nothing.
std::optional<core::Policy> LoadPolicy(const std::string& path);

// A policy file read and parsed: its text and policy, or the exit status after printing why
// not (kExitBadArguments for a file that cannot be read, kExitFailed for a bad policy).
struct CheckedPolicy {
  std::string text;
  std::optional<core::Policy> policy;
  int status = 0;
};

// Reads and parses the policy file at `file`, printing any problem to stderr.
CheckedPolicy ReadPolicyFile(const std::string& file);

// Prints a policy's problems as `FILE:LINE: reason`, one a line, to stderr.
void PrintProblems(const std::string& file, const std::vector<core::PolicyProblem>& problems);

}  // namespace caredesk::app
