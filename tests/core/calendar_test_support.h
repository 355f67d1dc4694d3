// Shared helpers for calendar and deadline tests: building calendars from short specs and
// reading instants, without repeating the setup in every test file.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/calendar.h"
#include "core/instant.h"

namespace caredesk::core::testing {

inline Instant At(const std::string& text) {
  auto instant = ParseInstant(text);
  EXPECT_TRUE(instant.has_value()) << text;
  return instant.value_or(Instant{});
}

inline std::string Local(Instant instant, const BusinessCalendar& calendar) {
  return FormatInstant(instant, calendar.zone());
}

// Mon–Fri 09:00–17:30 in Europe/London with England & Wales bank holidays.
inline CalendarSpec LondonOffice(DeemedReceipt deemed = DeemedReceipt::kNextWorkingDay) {
  CalendarSpec spec;
  spec.time_zone = "Europe/London";
  for (int d = 0; d < 5; ++d) spec.hours[d] = {{9 * 60, 17 * 60 + 30}};
  spec.holiday_sets = {"england-and-wales"};
  spec.deemed_receipt = deemed;
  return spec;
}

inline std::shared_ptr<const BusinessCalendar> Build(const CalendarSpec& spec) {
  auto calendar = BusinessCalendar::Create(spec);
  EXPECT_TRUE(calendar.has_value()) << (calendar ? "" : calendar.error().message);
  return calendar.value_or(nullptr);
}

}  // namespace caredesk::core::testing
