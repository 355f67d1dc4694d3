#include "core/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace caredesk::core {
namespace {

using std::chrono::seconds;

constexpr std::int64_t kDaySeconds = 86400;

bool Contains(const std::vector<LocalDate>& dates, LocalDate day) {
  return std::find(dates.begin(), dates.end(), day) != dates.end();
}

Result<void> ValidateHours(const WeeklyHours& hours) {
  static constexpr std::array<const char*, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                           "fri", "sat", "sun"};
  for (std::size_t d = 0; d < hours.size(); ++d) {
    int previous_end = 0;
    for (const auto& interval : hours[d]) {
      if (interval.begin_minute < 0 || interval.end_minute > 1440 ||
          interval.begin_minute >= interval.end_minute) {
        return Fail(ErrorCode::kInvalid,
                    fmt::format("opening hours of {} must start before they end", kDayNames[d]),
                    "hours");
      }
      if (interval.begin_minute < previous_end) {
        return Fail(ErrorCode::kInvalid,
                    fmt::format("opening hours of {} overlap or are out of order", kDayNames[d]),
                    "hours");
      }
      previous_end = interval.end_minute;
    }
  }
  return {};
}

}  // namespace

Result<std::shared_ptr<const BusinessCalendar>> BusinessCalendar::Create(const CalendarSpec& spec) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(spec.time_zone);
  } catch (const std::exception&) {
    return Fail(ErrorCode::kInvalid, fmt::format("unknown time zone \"{}\"", spec.time_zone),
                "time_zone");
  }
  for (const auto& set : spec.holiday_sets) {
    if (!IsHolidaySet(set)) {
      return Fail(ErrorCode::kInvalid, fmt::format("unknown holiday set \"{}\"", set), "holidays");
    }
  }
  if (auto valid = ValidateHours(spec.hours); !valid) return tl::unexpected(valid.error());
  std::shared_ptr<BusinessCalendar> calendar(new BusinessCalendar(spec, zone));
  calendar->BuildIndex();
  return std::shared_ptr<const BusinessCalendar>(std::move(calendar));
}

BusinessCalendar::BusinessCalendar(CalendarSpec spec, const date::time_zone* zone)
    : spec_(std::move(spec)), zone_(zone), first_day_(date::year{kFirstYear} / date::January / 1) {}

void BusinessCalendar::BuildIndex() {
  const LocalDate last_day{date::year{kLastYear} / date::December / 31};
  const std::size_t count = static_cast<std::size_t>((last_day - first_day_).count()) + 1;

  closed_.assign(count, false);
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    for (const auto& holiday : ClosedDates(year)) {
      closed_[static_cast<std::size_t>((holiday.date - first_day_).count())] = true;
    }
  }

  // Local wall time to UTC. Most days lie wholly inside one offset period, so the offset is
  // reused; a day near a transition asks the zone for each instant.
  date::sys_info info = zone_->get_info(date::sys_seconds{first_day_});
  auto to_utc = [&](LocalDate day, std::int64_t second_of_day, bool near_transition) {
    date::local_seconds local{date::local_days{day.time_since_epoch()} + seconds{second_of_day}};
    if (near_transition) {
      return zone_->to_sys(local, date::choose::latest).time_since_epoch().count();
    }
    return (local.time_since_epoch() - info.offset).count();
  };

  days_.resize(count + 1);
  intervals_.clear();
  working_days_.clear();
  std::int64_t open_total = 0;
  std::int32_t working_total = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const LocalDate day = first_day_ + date::days{static_cast<int>(i)};
    const std::int64_t approx = day.time_since_epoch().count() * kDaySeconds - info.offset.count();
    while (approx >= info.end.time_since_epoch().count()) info = zone_->get_info(info.end);
    const bool near_transition = approx - 2 * kDaySeconds < info.begin.time_since_epoch().count() ||
                                 approx + 2 * kDaySeconds >= info.end.time_since_epoch().count();

    Day& entry = days_[i];
    entry.midnight = to_utc(day, 0, near_transition);
    entry.open_before = open_total;
    entry.working_before = working_total;
    entry.first_interval = static_cast<std::int32_t>(intervals_.size());
    if (closed_[i]) continue;
    const unsigned weekday = date::weekday{day}.iso_encoding() - 1;
    for (const auto& opening : spec_.hours[weekday]) {
      std::int64_t begin = to_utc(day, opening.begin_minute * 60LL, near_transition);
      std::int64_t end = to_utc(day, opening.end_minute * 60LL, near_transition);
      if (!intervals_.empty()) begin = std::max(begin, intervals_.back().end);
      if (end <= begin) continue;  // swallowed by a clock change
      intervals_.push_back({begin, end});
      open_total += end - begin;
    }
    if (static_cast<std::int32_t>(intervals_.size()) > entry.first_interval) {
      working_days_.push_back(static_cast<std::int32_t>(i));
      ++working_total;
    }
  }
  Day& sentinel = days_[count];
  sentinel.midnight = to_utc(last_day + date::days{1}, 0, true);
  sentinel.open_before = open_total;
  sentinel.working_before = working_total;
  sentinel.first_interval = static_cast<std::int32_t>(intervals_.size());
}

bool BusinessCalendar::InRange(std::int64_t s) const {
  return s >= days_.front().midnight && s < days_.back().midnight;
}

std::int64_t BusinessCalendar::DayIndexOf(std::int64_t s) const {
  const std::int64_t last = static_cast<std::int64_t>(days_.size()) - 2;
  std::int64_t guess = (s - days_.front().midnight) / kDaySeconds;
  guess = std::clamp<std::int64_t>(guess, 0, last);
  while (guess < last && days_[guess + 1].midnight <= s) ++guess;
  while (guess > 0 && days_[guess].midnight > s) --guess;
  return guess;
}

std::int64_t BusinessCalendar::OpenBefore(std::int64_t s) const {
  const std::int64_t d = DayIndexOf(s);
  std::int64_t total = days_[d].open_before;
  for (std::int32_t k = days_[d].first_interval; k < days_[d + 1].first_interval; ++k) {
    const Interval& interval = intervals_[k];
    if (s >= interval.end) {
      total += interval.end - interval.begin;
    } else {
      if (s > interval.begin) total += s - interval.begin;
      break;
    }
  }
  return total;
}

std::int64_t BusinessCalendar::InstantAtOpen(std::int64_t target, std::size_t hint) const {
  // Find the first day whose running open total reaches the target: gallop forward from the
  // hint (deadlines are usually days, not years, away), then binary search the bracket.
  const std::size_t last = days_.size() - 2;
  auto short_of = [&](std::size_t day) { return days_[day + 1].open_before < target; };
  std::size_t lo = hint;
  std::size_t hi = hint;
  for (std::size_t step = 1; hi < last && short_of(hi); step *= 2) {
    lo = hi + 1;
    hi = std::min(last, hi + step);
  }
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (short_of(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  std::int64_t remaining = target - days_[lo].open_before;
  for (std::int32_t k = days_[lo].first_interval; k < days_[lo + 1].first_interval; ++k) {
    const Interval& interval = intervals_[k];
    if (remaining <= interval.end - interval.begin) return interval.begin + remaining;
    remaining -= interval.end - interval.begin;
  }
  return intervals_[days_[lo + 1].first_interval - 1].end;
}

LocalDate BusinessCalendar::LocalDay(Instant instant) const {
  const std::int64_t s = instant.time_since_epoch().count();
  if (InRange(s)) return first_day_ + date::days{static_cast<int>(DayIndexOf(s))};
  auto local = zone_->to_local(instant);
  return LocalDate{std::chrono::floor<date::days>(local).time_since_epoch()};
}

Instant BusinessCalendar::AtLocal(LocalDate day, std::chrono::seconds time_of_day) const {
  date::local_seconds local{date::local_days{day.time_since_epoch()} + time_of_day};
  return zone_->to_sys(local, date::choose::latest);
}

bool BusinessCalendar::IsWorkingDay(LocalDate day) const {
  const auto i = (day - first_day_).count();
  if (i < 0 || i >= static_cast<std::int64_t>(days_.size()) - 1) {
    const unsigned weekday = date::weekday{day}.iso_encoding() - 1;
    return !spec_.hours[weekday].empty();
  }
  return days_[i + 1].first_interval > days_[i].first_interval;
}

std::vector<Holiday> BusinessCalendar::ClosedDates(int year) const {
  std::vector<Holiday> result;
  std::set<LocalDate> seen;
  auto add = [&](const Holiday& holiday) {
    if (Contains(spec_.removed_holidays, holiday.date)) return;
    if (seen.insert(holiday.date).second) result.push_back(holiday);
  };
  for (const auto& set : spec_.holiday_sets) {
    for (const auto& holiday : HolidaysOf(set, year)) add(holiday);
  }
  for (LocalDate day : spec_.extra_closed) {
    if (date::year_month_day{day}.year() == date::year{year}) add({day, "Office closed"});
  }
  std::sort(result.begin(), result.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return result;
}

Result<Instant> BusinessCalendar::AddWorkingDays(Instant received, std::int64_t n) const {
  return AddWorkingDays(received, n, spec_.deemed_receipt);
}

Result<Instant> BusinessCalendar::AddWorkingDays(Instant received, std::int64_t n,
                                                 DeemedReceipt deemed) const {
  const std::int64_t s = received.time_since_epoch().count();
  if (!InRange(s)) return OutOfRange(received);
  const std::int64_t d = DayIndexOf(s);
  std::int64_t k = 0;  // index into working_days_ of the day the count starts from
  if (deemed == DeemedReceipt::kActualDay && n >= 1) {
    k = days_[d + 1].working_before + n - 1;  // the Nth working day strictly after date(R)
  } else {
    const bool working = days_[d + 1].first_interval > days_[d].first_interval;
    const bool before_closing = working && s < intervals_[days_[d + 1].first_interval - 1].end;
    k = (before_closing ? days_[d].working_before : days_[d + 1].working_before) + n;
  }
  if (k >= static_cast<std::int64_t>(working_days_.size())) return OutOfRange(received);
  const std::int32_t day = working_days_[k];
  return Instant{seconds{intervals_[days_[day + 1].first_interval - 1].end}};
}

Result<Instant> BusinessCalendar::AddOpenSeconds(Instant from, std::int64_t open_seconds) const {
  if (open_seconds <= 0) return NextOpening(from);
  const std::int64_t s = from.time_since_epoch().count();
  if (!InRange(s)) return OutOfRange(from);
  const std::int64_t target = OpenBefore(s) + open_seconds;
  if (target > days_.back().open_before) return OutOfRange(from);
  return Instant{seconds{InstantAtOpen(target, static_cast<std::size_t>(DayIndexOf(s)))}};
}

std::int64_t BusinessCalendar::OpenSecondsBetween(Instant a, Instant b) const {
  if (b <= a) return 0;
  auto clamp = [&](Instant t) {
    return std::clamp(t.time_since_epoch().count(), days_.front().midnight,
                      days_.back().midnight - 1);
  };
  return OpenBefore(clamp(b)) - OpenBefore(clamp(a));
}

Result<Instant> BusinessCalendar::NextOpening(Instant instant) const {
  const std::int64_t s = instant.time_since_epoch().count();
  if (!InRange(s)) return OutOfRange(instant);
  const std::int64_t d = DayIndexOf(s);
  for (std::int32_t k = days_[d].first_interval; k < days_[d + 1].first_interval; ++k) {
    if (s < intervals_[k].end) return Instant{seconds{std::max(s, intervals_[k].begin)}};
  }
  const std::int64_t next = days_[d + 1].working_before;
  if (next >= static_cast<std::int64_t>(working_days_.size())) return OutOfRange(instant);
  return Instant{seconds{intervals_[days_[working_days_[next]].first_interval].begin}};
}

tl::unexpected<Error> BusinessCalendar::OutOfRange(Instant instant) const {
  return Fail(ErrorCode::kOutOfRange,
              fmt::format("{} is outside the years the calendar covers ({}–{})", FormatUtc(instant),
                          kFirstYear, kLastYear));
}

}  // namespace caredesk::core
