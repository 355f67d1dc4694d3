// A standard's duration: a whole count and a unit, written "5 working_days" in policies and
// on the command line. DESIGN.md "Time" defines what each unit means.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace caredesk::core {

enum class Unit { kWorkingDays, kWorkingHours, kHours, kDays, kWeeks, kMonths };

struct Duration {
  std::int64_t count = 0;
  Unit unit = Unit::kWorkingDays;

  friend bool operator==(const Duration&, const Duration&) = default;
};

std::string_view ToString(Unit unit);

// True for units whose clock runs only while the organisation is open.
inline bool IsWorkingUnit(Unit unit) {
  return unit == Unit::kWorkingDays || unit == Unit::kWorkingHours;
}

// Parses "N UNIT" with N a whole number from 0 to 100000 and UNIT one of working_days,
// working_hours, hours, days, weeks, months (a singular such as "1 working_day" is accepted).
Result<Duration> ParseDuration(std::string_view text);

std::string ToString(const Duration& duration);

// An approximate length in seconds, used only to order durations of the same clock (tiers).
std::int64_t NominalSeconds(const Duration& duration);

}  // namespace caredesk::core
