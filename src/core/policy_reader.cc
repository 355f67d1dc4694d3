#include "core/policy_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <sstream>

namespace caredesk::core {

std::string Quote(const toml::node& node) {
  if (node.is_string()) return fmt::format("\"{}\"", *node.value<std::string>());
  std::ostringstream text;
  node.visit([&](const auto& value) { text << value; });
  return text.str();
}

void PolicyReader::Problem(int line, std::string reason) {
  problems_.push_back({line, std::move(reason)});
}

void PolicyReader::CheckKeys(const toml::table& table,
                             std::initializer_list<std::string_view> allowed,
                             std::string_view where) {
  for (auto&& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      Problem(LineOf(node), fmt::format("unknown key \"{}\" in {} (expected one of: {})", key.str(),
                                        where, fmt::join(allowed, ", ")));
    }
  }
}

const toml::table* PolicyReader::OptionalTable(const toml::table& parent, std::string_view key) {
  const auto* node = parent.get(key);
  if (!node) return nullptr;
  if (!node->is_table()) {
    Problem(LineOf(*node), fmt::format("\"{}\" must be a table ([{}])", key, key));
    return nullptr;
  }
  return node->as_table();
}

const toml::table* PolicyReader::RequiredTable(const toml::table& parent, std::string_view key) {
  if (!parent.get(key)) {
    Problem(1, fmt::format("the [{}] table is missing", key));
    return nullptr;
  }
  return OptionalTable(parent, key);
}

std::optional<std::string> PolicyReader::String(const toml::table& table, std::string_view key,
                                                bool required) {
  const auto* node = table.get(key);
  if (!node) {
    if (required) Problem(LineOf(table), fmt::format("\"{}\" is missing", key));
    return std::nullopt;
  }
  if (!node->is_string()) {
    Problem(LineOf(*node), fmt::format("\"{}\" must be a string", key));
    return std::nullopt;
  }
  return node->value<std::string>();
}

// A list of strings, each with the line it is on.
std::vector<std::pair<std::string, int>> PolicyReader::Strings(const toml::table& table,
                                                               std::string_view key) {
  std::vector<std::pair<std::string, int>> result;
  const auto* node = table.get(key);
  if (!node) return result;
  const auto* array = node->as_array();
  if (!array) {
    Problem(LineOf(*node), fmt::format("\"{}\" must be a list of strings", key));
    return result;
  }
  for (const auto& element : *array) {
    if (!element.is_string()) {
      Problem(LineOf(element), fmt::format("\"{}\" must contain only strings", key));
      continue;
    }
    result.emplace_back(*element.value<std::string>(), LineOf(element));
  }
  return result;
}

std::vector<std::string> PolicyReader::UniqueStrings(const toml::table& table,
                                                     std::string_view key) {
  std::vector<std::string> result;
  for (auto& [value, line] : Strings(table, key)) {
    if (value.empty()) {
      Problem(line, fmt::format("\"{}\" must not contain an empty string", key));
    } else if (std::find(result.begin(), result.end(), value) != result.end()) {
      Problem(line, fmt::format("\"{}\" appears twice in \"{}\"", value, key));
    } else {
      result.push_back(std::move(value));
    }
  }
  return result;
}

std::vector<LocalDate> PolicyReader::Dates(const toml::table& table, std::string_view key) {
  std::vector<LocalDate> result;
  const auto* node = table.get(key);
  const auto* array = node ? node->as_array() : nullptr;
  if (node && !array) Problem(LineOf(*node), fmt::format("\"{}\" must be a list of dates", key));
  if (!array) return result;
  for (const auto& element : *array) {
    if (auto day = Date(element, key)) result.push_back(*day);
  }
  return result;
}

std::optional<LocalDate> PolicyReader::Date(const toml::node& node, std::string_view key) {
  if (const auto* native = node.as_date()) {
    const toml::date& d = native->get();
    date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
    if (ymd.ok()) return LocalDate{ymd};
  }
  if (node.is_string()) {
    auto parsed = ParseDate(*node.value<std::string>());
    if (parsed) return *parsed;
    Problem(LineOf(node), fmt::format("\"{}\": {}", key, parsed.error().message));
    return std::nullopt;
  }
  Problem(LineOf(node), fmt::format("\"{}\" must be a date (YYYY-MM-DD)", key));
  return std::nullopt;
}

// A share strictly between 0 and 1.
std::optional<double> PolicyReader::Share(const toml::table& table, std::string_view key) {
  const auto* node = table.get(key);
  if (!node) return std::nullopt;
  auto value = node->value<double>();
  if (!value || *value <= 0.0 || *value >= 1.0) {
    Problem(LineOf(*node),
            fmt::format("\"{}\" = {} must be a number between 0 and 1 (exclusive), e.g. 0.25", key,
                        Quote(*node)));
    return std::nullopt;
  }
  return value;
}

std::optional<Duration> PolicyReader::DurationAt(const toml::node& node, std::string_view key) {
  if (!node.is_string()) {
    Problem(LineOf(node), fmt::format("\"{}\" must be a string such as \"5 working_days\"", key));
    return std::nullopt;
  }
  auto duration = ParseDuration(*node.value<std::string>());
  if (!duration) {
    Problem(LineOf(node), duration.error().message);
    return std::nullopt;
  }
  return *duration;
}

}  // namespace caredesk::core
