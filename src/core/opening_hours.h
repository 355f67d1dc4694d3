// The text form of weekly opening hours as policies write them:
//   hours = { mon-thu = "09:00-17:30", fri = "09:00-12:30, 13:30-16:00", sat = "closed" }
#pragma once

#include <string_view>
#include <vector>

#include "core/calendar.h"

namespace caredesk::core {

// Weekday indexes (0 = Monday) named by "mon" or a range such as "mon-fri".
Result<std::vector<int>> ParseWeekdays(std::string_view key);

// "HH:MM-HH:MM[, HH:MM-HH:MM…]" or "closed"; intervals ordered, non-overlapping, start < end.
Result<std::vector<OpeningInterval>> ParseOpeningIntervals(std::string_view text);

}  // namespace caredesk::core
