#include "core/report_filter.h"

#include <fmt/format.h>

#include <charconv>

#include "core/report_service.h"

namespace caredesk::core {
namespace {

tl::unexpected<Error> Bad(const std::string& field, const std::string& why) {
  return Fail(ErrorCode::kInvalid, fmt::format("{} {}", field, why), field);
}

Result<LocalDate> DateOf(const std::string& text, const std::string& field) {
  auto day = ParseDate(text);
  if (!day) return Bad(field, "must be a date (YYYY-MM-DD)");
  return *day;
}

LocalDate NewYear(int year) { return LocalDate{date::year{year} / 1 / 1}; }

int YearOf(LocalDate day) { return static_cast<int>(date::year_month_day{day}.year()); }

template <class T, class Parse>
Result<void> Names(const std::vector<std::string>& texts, const std::string& field, Parse parse,
                   std::vector<T>& out) {
  for (const auto& text : texts) {
    auto parsed = parse(text);
    if (!parsed) return Bad(field, fmt::format("has an unknown value \"{}\"", text));
    out.push_back(*parsed);
  }
  return {};
}

std::optional<Id> IdOf(std::string_view text) {
  Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

Result<ReportFilter> ReportFilterOf(const ReportParameters& p, const BusinessCalendar& calendar,
                                    Instant now) {
  LocalDate from;
  LocalDate until;
  if (!p.year.empty()) {
    if (!p.from.empty() || !p.until.empty()) {
      return Bad("year", "cannot be given with from or until");
    }
    int year = 0;
    const auto [end, error] = std::from_chars(p.year.data(), p.year.data() + p.year.size(), year);
    if (error != std::errc() || end != p.year.data() + p.year.size() || year < 1970 ||
        year > 2200) {
      return Bad("year", "must be a year from 1970 to 2200");
    }
    from = NewYear(year);
    until = NewYear(year + 1);
  } else if (p.from.empty() && p.until.empty()) {
    const int year = YearOf(calendar.LocalDay(now));
    from = NewYear(year);
    until = NewYear(year + 1);
  } else {
    if (!p.from.empty()) {
      auto day = DateOf(p.from, "from");
      if (!day) return tl::unexpected(day.error());
      from = *day;
    }
    if (!p.until.empty()) {
      auto day = DateOf(p.until, "until");
      if (!day) return tl::unexpected(day.error());
      until = *day;
    }
    if (p.from.empty()) from = NewYear(YearOf(until - date::days{1}));
    if (p.until.empty()) until = NewYear(YearOf(from) + 1);
  }
  ReportFilter filter;
  filter.from = calendar.AtLocal(from, std::chrono::seconds{0});
  filter.until = calendar.AtLocal(until, std::chrono::seconds{0});
  if (auto valid = ValidateFilter(filter); !valid) return tl::unexpected(valid.error());
  if (auto ok = Names(p.kinds, "kind", ParseKind, filter.kinds); !ok)
    return tl::unexpected(ok.error());
  if (auto ok = Names(p.channels, "channel", ParseChannel, filter.channels); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = Names(p.stages, "stage", ParseStage, filter.stages); !ok) {
    return tl::unexpected(ok.error());
  }
  if (auto ok = Names(p.department_ids, "department_id", IdOf, filter.department_ids); !ok) {
    return tl::unexpected(ok.error());
  }
  for (const auto& service : p.services) {
    if (service.size() > 200) return Bad("service", "must be at most 200 characters");
    filter.services.push_back(service);
  }
  return filter;
}

}  // namespace caredesk::core
