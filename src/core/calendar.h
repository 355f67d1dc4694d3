// The business calendar: when an organisation is open (time zone, weekly opening hours,
// holidays) and the arithmetic over open time that deadlines need. Construction precomputes
// a per-day index (UTC opening intervals, running counts of working days and open seconds),
// so every query is O(1) or a binary search, never a walk over days.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/holidays.h"
#include "core/instant.h"

namespace caredesk::core {

enum class DeemedReceipt { kNextWorkingDay, kActualDay };

// One opening interval of a day, in minutes after local midnight; end may be 1440 (24:00).
struct OpeningInterval {
  int begin_minute = 0;
  int end_minute = 0;

  friend bool operator==(const OpeningInterval&, const OpeningInterval&) = default;
};

// Opening hours per weekday, index 0 = Monday … 6 = Sunday; empty means closed.
using WeeklyHours = std::array<std::vector<OpeningInterval>, 7>;

struct CalendarSpec {
  std::string time_zone = "Europe/London";
  WeeklyHours hours;
  std::vector<std::string> holiday_sets;
  std::vector<LocalDate> extra_closed;      // closed although the rules say open
  std::vector<LocalDate> removed_holidays;  // open although a rule set names a holiday
  DeemedReceipt deemed_receipt = DeemedReceipt::kNextWorkingDay;
};

class BusinessCalendar {
 public:
  static constexpr int kFirstYear = 1990;
  static constexpr int kLastYear = 2110;

  // Validates the spec (zone, intervals, set names) and builds the index.
  static Result<std::shared_ptr<const BusinessCalendar>> Create(const CalendarSpec& spec);

  const CalendarSpec& spec() const { return spec_; }
  const date::time_zone& zone() const { return *zone_; }

  // The local calendar date of an instant in the calendar's zone.
  LocalDate LocalDay(Instant instant) const;
  // The UTC instant of a local wall-clock time on `day` (the later one when ambiguous).
  Instant AtLocal(LocalDate day, std::chrono::seconds time_of_day) const;

  bool IsWorkingDay(LocalDate day) const;
  // Every date closed by a holiday rule or `extra_closed` in `year`, sorted, with its name.
  std::vector<Holiday> ClosedDates(int year) const;

  // Closing of the Nth working day per DESIGN.md (`working_days`, deemed receipt applied).
  Result<Instant> AddWorkingDays(Instant received, std::int64_t n) const;
  // The same with an explicit deemed-receipt rule instead of the calendar's own.
  Result<Instant> AddWorkingDays(Instant received, std::int64_t n, DeemedReceipt deemed) const;
  // Start = `from` or the next opening; due = start + `seconds` of open time, the earliest
  // instant at which that much open time has passed.
  Result<Instant> AddOpenSeconds(Instant from, std::int64_t seconds) const;
  // Open seconds in [a, b); 0 when b <= a.
  std::int64_t OpenSecondsBetween(Instant a, Instant b) const;

  // The next instant at or after `instant` at which the organisation is open.
  Result<Instant> NextOpening(Instant instant) const;

 private:
  struct Day {
    std::int64_t midnight = 0;        // UTC seconds of local 00:00
    std::int64_t open_before = 0;     // open seconds in all earlier indexed days
    std::int32_t working_before = 0;  // working days among earlier indexed days
    std::int32_t first_interval = 0;  // index into intervals_
  };
  struct Interval {
    std::int64_t begin = 0;  // UTC seconds
    std::int64_t end = 0;
  };

  BusinessCalendar(CalendarSpec spec, const date::time_zone* zone);
  void BuildIndex();
  bool InRange(std::int64_t seconds) const;
  std::int64_t DayIndexOf(std::int64_t seconds) const;
  std::int64_t OpenBefore(std::int64_t seconds) const;  // cumulative open seconds before
  // The earliest instant at which `open_total` open seconds have passed; the search starts
  // at day `hint`, which must not be past the answer.
  std::int64_t InstantAtOpen(std::int64_t open_total, std::size_t hint) const;
  tl::unexpected<Error> OutOfRange(Instant instant) const;

  CalendarSpec spec_;
  const date::time_zone* zone_;
  LocalDate first_day_;
  std::vector<Day> days_;                   // one per indexed day, plus a sentinel
  std::vector<Interval> intervals_;         // intervals of working days, in time order
  std::vector<std::int32_t> working_days_;  // day index of the k-th working day
  std::vector<bool> closed_;                // holiday or extra-closed (by day index)
};

}  // namespace caredesk::core
