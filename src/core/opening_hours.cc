#include "core/opening_hours.h"

#include <fmt/format.h>

#include <array>

namespace caredesk::core {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

int WeekdayIndex(std::string_view name) {
  for (std::size_t i = 0; i < kWeekdays.size(); ++i) {
    if (kWeekdays[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// "HH:MM" as minutes after midnight, 00:00 to 24:00; -1 when malformed.
int ParseClock(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return -1;
  return hours * 60 + minutes;
}

}  // namespace

Result<std::vector<int>> ParseWeekdays(std::string_view key) {
  auto bad = [&] {
    return Fail(ErrorCode::kInvalid,
                fmt::format("\"{}\" is not a weekday or range of weekdays (use mon … sun or a "
                            "range such as mon-fri)",
                            key));
  };
  const auto dash = key.find('-');
  const int first = WeekdayIndex(key.substr(0, dash));
  const int last = dash == std::string_view::npos ? first : WeekdayIndex(key.substr(dash + 1));
  if (first < 0 || last < 0 || last < first) return bad();
  std::vector<int> days;
  for (int d = first; d <= last; ++d) days.push_back(d);
  return days;
}

Result<std::vector<OpeningInterval>> ParseOpeningIntervals(std::string_view text) {
  std::vector<OpeningInterval> intervals;
  if (Trim(text) == "closed") return intervals;
  std::string_view rest = text;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view part = Trim(rest.substr(0, comma));
    const auto dash = part.find('-');
    const int begin = dash == std::string_view::npos ? -1 : ParseClock(part.substr(0, dash));
    const int end = dash == std::string_view::npos ? -1 : ParseClock(part.substr(dash + 1));
    if (begin < 0 || end < 0) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("opening hours \"{}\" are not \"HH:MM-HH:MM\" intervals separated "
                              "by commas, or \"closed\"",
                              text));
    }
    if (begin >= end) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("opening hours \"{}\" must start before they end", part));
    }
    if (!intervals.empty() && begin < intervals.back().end_minute) {
      return Fail(ErrorCode::kInvalid,
                  fmt::format("opening hours \"{}\" overlap or are out of order", text));
    }
    intervals.push_back({begin, end});
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return intervals;
}

}  // namespace caredesk::core
