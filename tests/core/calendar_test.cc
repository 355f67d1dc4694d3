// The business calendar's index checked against a slow reference that walks minute by minute
// and day by day with the zone database directly, plus the edge cases of DESIGN.md.
#include "core/calendar.h"

#include <random>
#include <set>

#include "calendar_test_support.h"
#include "core/deadline.h"

namespace caredesk::core {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using testing::At;
using testing::Build;
using testing::Local;
using testing::LondonOffice;

// A reference calendar that knows nothing of the index: is the organisation open at `t`?
class ReferenceCalendar {
 public:
  explicit ReferenceCalendar(const CalendarSpec& spec)
      : spec_(spec), zone_(date::locate_zone(spec.time_zone)) {
    for (int year = 2015; year <= 2035; ++year) {
      for (const auto& set : spec.holiday_sets) {
        for (const auto& holiday : HolidaysOf(set, year)) closed_.insert(holiday.date);
      }
    }
    for (auto day : spec.extra_closed) closed_.insert(day);
    for (auto day : spec.removed_holidays) closed_.erase(day);
  }

  LocalDate DayOf(Instant t) const {
    return LocalDate{std::chrono::floor<date::days>(zone_->to_local(t)).time_since_epoch()};
  }

  bool OpenAt(Instant t) const {
    auto local = zone_->to_local(t);
    auto day = std::chrono::floor<date::days>(local);
    if (closed_.count(LocalDate{day.time_since_epoch()})) return false;
    const int minute = static_cast<int>(std::chrono::floor<minutes>(local - day).count());
    const unsigned weekday = date::weekday{day}.iso_encoding() - 1;
    for (const auto& interval : spec_.hours[weekday]) {
      if (minute >= interval.begin_minute && minute < interval.end_minute) return true;
    }
    return false;
  }

  // Walks minute by minute (the test receipts are on whole minutes).
  Instant AddWorkingHours(Instant r, int hours) const {
    Instant t = r;
    while (!OpenAt(t)) t += minutes{1};
    std::int64_t left = hours * 60;
    while (left > 0) {
      if (OpenAt(t)) --left;
      t += minutes{1};
    }
    return t;
  }

  bool IsWorkingDay(LocalDate day) const {
    if (closed_.count(day)) return false;
    return !spec_.hours[date::weekday{day}.iso_encoding() - 1].empty();
  }

  Instant ClosingOf(LocalDate day) const {
    const auto& intervals = spec_.hours[date::weekday{day}.iso_encoding() - 1];
    return zone_->to_sys(date::local_days{day.time_since_epoch()} +
                         minutes{intervals.back().end_minute});
  }

  Instant AddWorkingDays(Instant r, int n) const {
    LocalDate day = DayOf(r);
    if (!IsWorkingDay(day) || r >= ClosingOf(day)) {
      do day += date::days{1};
      while (!IsWorkingDay(day));
    }
    for (int i = 0; i < n; ++i) {
      do day += date::days{1};
      while (!IsWorkingDay(day));
    }
    return ClosingOf(day);
  }

 private:
  CalendarSpec spec_;
  const date::time_zone* zone_;
  std::set<LocalDate> closed_;
};

std::vector<Instant> RandomMinutes(int count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  // 2019-01-01 … 2028-12-31, on whole minutes
  std::uniform_int_distribution<std::int64_t> minute(25771680, 31030559);
  std::vector<Instant> result;
  for (int i = 0; i < count; ++i) result.push_back(Instant{minutes{minute(random)}});
  return result;
}

TEST(BusinessCalendar, WorkingHoursMatchAMinuteByMinuteWalk) {
  auto spec = LondonOffice();
  spec.hours[4] = {{9 * 60, 12 * 60 + 30}, {13 * 60 + 30, 16 * 60}};  // split Friday
  auto calendar = Build(spec);
  ReferenceCalendar reference(spec);
  std::mt19937 random(3);
  for (Instant r : RandomMinutes(300, 11)) {
    const int hours = std::uniform_int_distribution<int>(1, 30)(random);
    auto due = DueAfter(*calendar, r, Duration{hours, Unit::kWorkingHours});
    ASSERT_TRUE(due) << due.error().message;
    EXPECT_EQ(Local(*due, *calendar), Local(reference.AddWorkingHours(r, hours), *calendar))
        << "received " << Local(r, *calendar) << " + " << hours << " working hours";
  }
}

TEST(BusinessCalendar, WorkingDaysMatchADayByDayWalk) {
  for (const char* set : {"england-and-wales", "scotland", "northern-ireland"}) {
    auto spec = LondonOffice();
    spec.holiday_sets = {set};
    auto calendar = Build(spec);
    ReferenceCalendar reference(spec);
    std::mt19937 random(5);
    for (Instant r : RandomMinutes(400, 17)) {
      const int n = std::uniform_int_distribution<int>(0, 25)(random);
      auto due = DueAfter(*calendar, r, Duration{n, Unit::kWorkingDays});
      ASSERT_TRUE(due) << due.error().message;
      EXPECT_EQ(Local(*due, *calendar), Local(reference.AddWorkingDays(r, n), *calendar))
          << set << ": received " << Local(r, *calendar) << " + " << n << " working days";
    }
  }
}

TEST(BusinessCalendar, OpenSecondsBetweenCountsOnlyOpeningHours) {
  auto calendar = Build(LondonOffice());
  // Friday 16:00 to Monday 10:00 (GMT): 1.5 h on Friday, 1 h on Monday.
  EXPECT_EQ(calendar->OpenSecondsBetween(At("2026-11-20T16:00:00Z"), At("2026-11-23T10:00:00Z")),
            150 * 60);
  EXPECT_EQ(calendar->OpenSecondsBetween(At("2026-11-23T10:00:00Z"), At("2026-11-20T16:00:00Z")),
            0);
}

TEST(BusinessCalendar, NextOpeningSkipsNightsWeekendsAndHolidays) {
  auto calendar = Build(LondonOffice());
  EXPECT_EQ(Local(*calendar->NextOpening(At("2026-12-24T17:30:00Z")), *calendar),
            "2026-12-29T09:00:00+00:00");
  EXPECT_EQ(Local(*calendar->NextOpening(At("2026-12-24T17:29:59Z")), *calendar),
            "2026-12-24T17:29:59+00:00");
}

TEST(BusinessCalendar, ExtraClosedAndRemovedHolidaysChangeWorkingDays) {
  auto spec = LondonOffice();
  spec.extra_closed = {*ParseDate("2026-12-24")};
  spec.removed_holidays = {*ParseDate("2026-12-28")};
  auto calendar = Build(spec);
  EXPECT_FALSE(calendar->IsWorkingDay(*ParseDate("2026-12-24")));
  EXPECT_TRUE(calendar->IsWorkingDay(*ParseDate("2026-12-28")));
  auto closed = calendar->ClosedDates(2026);
  EXPECT_TRUE(std::any_of(closed.begin(), closed.end(), [](const Holiday& h) {
    return FormatDate(h.date) == "2026-12-24" && h.name == "Office closed";
  }));
  EXPECT_TRUE(std::none_of(closed.begin(), closed.end(),
                           [](const Holiday& h) { return FormatDate(h.date) == "2026-12-28"; }));
}

TEST(BusinessCalendar, RefusesUnknownZoneHolidaySetAndBackwardsHours) {
  auto spec = LondonOffice();
  spec.time_zone = "Europe/Londres";
  EXPECT_FALSE(BusinessCalendar::Create(spec));
  spec = LondonOffice();
  spec.holiday_sets = {"atlantis"};
  EXPECT_FALSE(BusinessCalendar::Create(spec));
  spec = LondonOffice();
  spec.hours[0] = {{17 * 60, 9 * 60}};
  EXPECT_FALSE(BusinessCalendar::Create(spec));
}

TEST(BusinessCalendar, InstantsOutsideTheIndexedYearsAreAnErrorNotACrash) {
  auto calendar = Build(LondonOffice());
  auto early = DueAfter(*calendar, At("1900-01-01T00:00:00Z"), {5, Unit::kWorkingDays});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kOutOfRange);
  auto late = DueAfter(*calendar, At("2110-12-30T10:00:00Z"), {100000, Unit::kWorkingHours});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kOutOfRange);
}

TEST(BusinessCalendar, AClosedWeekHasNoWorkingDaysAndDeadlinesAreAnError) {
  CalendarSpec spec;  // no opening hours at all
  auto calendar = Build(spec);
  auto due = DueAfter(*calendar, At("2026-11-23T10:00:00Z"), {1, Unit::kWorkingDays});
  EXPECT_FALSE(due);
}

TEST(BusinessCalendar, RoundTheClockOpeningCountsEveryHour) {
  CalendarSpec spec;
  spec.time_zone = "UTC";
  for (auto& day : spec.hours) day = {{0, 1440}};
  auto calendar = Build(spec);
  auto due = DueAfter(*calendar, At("2026-11-23T10:00:00Z"), {48, Unit::kWorkingHours});
  EXPECT_EQ(Local(*due, *calendar), "2026-11-25T10:00:00+00:00");
}

}  // namespace
}  // namespace caredesk::core
