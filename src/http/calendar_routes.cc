// GET /api/v1/calendar?year=YYYY: the active policy's business calendar for one year, so that an
// admin can check it before relying on it — the time zone, the weekly opening hours and every
// date closed that year (bank holidays, substitute days, the policy's own closures) with its
// name. Any staff member may read it (it is part of the policy).
#include <fmt/format.h>

#include <charconv>

#include "http/admin_routes.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

constexpr const char* kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                     "friday", "saturday", "sunday"};

std::string Clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

Json HoursJson(const core::WeeklyHours& hours) {
  Json out = Json::array();
  for (std::size_t day = 0; day < hours.size(); ++day) {
    Json intervals = Json::array();
    for (const auto& interval : hours[day]) {
      intervals.push_back(
          {{"opens", Clock(interval.begin_minute)}, {"closes", Clock(interval.end_minute)}});
    }
    out.push_back({{"weekday", kWeekdays[day]}, {"intervals", std::move(intervals)}});
  }
  return out;
}

// The year asked for: 400 when missing or not a number, 422 when out of the calendar's range.
HttpResult<int> YearOf(const Request& request) {
  auto text = request.Query("year");
  if (!text || text->empty()) return tl::unexpected(Malformed("year is required", "year"));
  int year = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), year);
  if (error != std::errc() || end != text->data() + text->size()) {
    return tl::unexpected(Malformed("year must be a whole number such as 2027", "year"));
  }
  if (year < core::BusinessCalendar::kFirstYear || year > core::BusinessCalendar::kLastYear) {
    return tl::unexpected(
        ErrorResponse(422, "invalid",
                      fmt::format("year must be from {} to {}", core::BusinessCalendar::kFirstYear,
                                  core::BusinessCalendar::kLastYear),
                      "year"));
  }
  return year;
}

class CalendarHandler {
 public:
  explicit CalendarHandler(const CaseApi& api) : api_(api) {}

  Response Get(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadPolicy, [&](const auto&) {
      auto year = YearOf(request);
      if (!year) return year.error();
      auto policy = api_.cases.PolicyOf("");
      if (!policy) return ErrorResponse(policy.error());
      const auto& calendar = *(*policy)->calendar;
      Json closed = Json::array();
      for (const auto& holiday : calendar.ClosedDates(*year)) {
        closed.push_back({{"date", core::FormatDate(holiday.date)}, {"name", holiday.name}});
      }
      return JsonResponse(200, {{"year", *year},
                                {"policy_version", (*policy)->version},
                                {"time_zone", calendar.zone().name()},
                                {"holiday_sets", calendar.spec().holiday_sets},
                                {"opening_hours", HoursJson(calendar.spec().hours)},
                                {"closed_dates", std::move(closed)}});
    });
  }

 private:
  const CaseApi& api_;
};

}  // namespace

void AddCalendarRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<CalendarHandler>(api);
  router.Add("GET", "/api/v1/calendar",
             [h](const Request& r, const RouteParams&) { return h->Get(r); });
}

}  // namespace caredesk::http
