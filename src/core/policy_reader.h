// Reading policy TOML with problems collected, not thrown: each accessor checks a value's type
// and form, records `line: reason` for anything wrong and returns what it could read. Internal
// to the core's policy parser.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/duration.h"
#include "core/instant.h"
#include "core/policy.h"

namespace caredesk::core {

inline int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// A node's value as the policy wrote it, for quoting in a problem's reason.
std::string Quote(const toml::node& node);

class PolicyReader {
 public:
  void Problem(int line, std::string reason);
  void CheckKeys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                 std::string_view where);
  const toml::table* OptionalTable(const toml::table& parent, std::string_view key);
  const toml::table* RequiredTable(const toml::table& parent, std::string_view key);
  std::optional<std::string> String(const toml::table& table, std::string_view key,
                                    bool required = false);
  std::vector<std::pair<std::string, int>> Strings(const toml::table& table, std::string_view key);
  std::vector<std::string> UniqueStrings(const toml::table& table, std::string_view key);
  std::vector<LocalDate> Dates(const toml::table& table, std::string_view key);
  std::optional<LocalDate> Date(const toml::node& node, std::string_view key);
  std::optional<double> Share(const toml::table& table, std::string_view key);
  std::optional<Duration> DurationAt(const toml::node& node, std::string_view key);

  std::vector<PolicyProblem>& problems() { return problems_; }

 private:
  std::vector<PolicyProblem> problems_;
};

}  // namespace caredesk::core
