// Named holiday rule sets: the public holidays of a region computed from their rules
// (fixed dates, nth weekdays, Easter, substitute days and one-off proclamations), so they
// keep working for every year, not only the years someone typed in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"

namespace caredesk::core {

struct Holiday {
  LocalDate date;
  std::string name;

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// The rule sets caredesk knows: england-and-wales, scotland, northern-ireland, spain-national.
const std::vector<std::string_view>& HolidaySetNames();
bool IsHolidaySet(std::string_view name);

// The holidays of `set` in `year`, sorted by date. An unknown set yields an empty list.
std::vector<Holiday> HolidaysOf(std::string_view set, int year);

// Easter Sunday of `year` (Gregorian computus).
LocalDate EasterSunday(int year);

}  // namespace caredesk::core
