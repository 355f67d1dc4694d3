#include "core/duration.h"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace caredesk::core {
namespace {

constexpr std::int64_t kMaxCount = 100000;

constexpr std::array<std::pair<std::string_view, Unit>, 6> kUnitNames = {{
    {"working_days", Unit::kWorkingDays},
    {"working_hours", Unit::kWorkingHours},
    {"hours", Unit::kHours},
    {"days", Unit::kDays},
    {"weeks", Unit::kWeeks},
    {"months", Unit::kMonths},
}};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view ToString(Unit unit) {
  for (const auto& [name, value] : kUnitNames) {
    if (value == unit) return name;
  }
  return "working_days";
}

std::string ToString(const Duration& duration) {
  return fmt::format("{} {}", duration.count, ToString(duration.unit));
}

Result<Duration> ParseDuration(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return Fail(ErrorCode::kInvalid, fmt::format("\"{}\" is not a duration: {}", text, why));
  };
  std::string_view rest = Trim(text);
  std::size_t digits = 0;
  std::int64_t count = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
    count = count * 10 + (rest[digits] - '0');
    if (count > kMaxCount) return bad(fmt::format("the count must be at most {}", kMaxCount));
    ++digits;
  }
  if (digits == 0) {
    if (!rest.empty() && rest.front() == '-') return bad("the count must not be negative");
    return bad("expected \"N UNIT\", e.g. \"5 working_days\"");
  }
  if (digits < rest.size() && rest[digits] == '.') return bad("the count must be a whole number");
  std::string_view unit = Trim(rest.substr(digits));
  if (unit.empty()) return bad("the unit is missing");
  for (const auto& [name, value] : kUnitNames) {
    if (unit == name || unit == name.substr(0, name.size() - 1)) return Duration{count, value};
  }
  return bad(
      fmt::format("unknown unit \"{}\" (use working_days, working_hours, hours, days, weeks or "
                  "months)",
                  unit));
}

std::int64_t NominalSeconds(const Duration& duration) {
  switch (duration.unit) {
    case Unit::kWorkingDays:
      return duration.count * 86400;
    case Unit::kWorkingHours:
      return duration.count * 3600;
    case Unit::kHours:
      return duration.count * 3600;
    case Unit::kDays:
      return duration.count * 86400;
    case Unit::kWeeks:
      return duration.count * 7 * 86400;
    case Unit::kMonths:
      return duration.count * 31 * 86400;
  }
  return 0;
}

}  // namespace caredesk::core
