#include "store/common/timer_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "store/common/rows.h"

namespace caredesk::store {
namespace {

using core::Fail;

constexpr std::int64_t kNumberMask = (std::int64_t{1} << kTimerNumberBits) - 1;

tl::unexpected<core::Error> BadText(core::Id case_id, std::string_view why) {
  return Fail(core::ErrorCode::kInvalid,
              fmt::format("the timers of case {} cannot be read: {}", case_id, why), "timers");
}

std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The tab-separated fields of `line`.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::int64_t NumberOf(core::Id timer_id) { return timer_id & kNumberMask; }

}  // namespace

core::Id TimerId(core::Id case_id, std::int64_t number) {
  return (case_id << kTimerNumberBits) | number;
}

core::Id CaseOfTimer(core::Id timer_id) { return timer_id >> kTimerNumberBits; }

core::Result<std::string> EncodeTimers(const TimerPlan& plan) {
  std::string text;
  text.reserve(plan.timers.size() * 48);
  for (const auto& timer : plan.timers) {
    if (timer.key.find_first_of("\t\r\n") != std::string::npos) {
      return Fail(core::ErrorCode::kInvalid,
                  fmt::format("the timer key \"{}\" holds a tab or a line break", timer.key),
                  "timers");
    }
    if (!text.empty()) text += '\n';
    fmt::format_to(std::back_inserter(text), "{}\t{}\t{}\t{}", NumberOf(timer.id),
                   core::ToString(timer.action), timer.key, Seconds(timer.fire_at));
    if (timer.fired_at) fmt::format_to(std::back_inserter(text), "\t{}", Seconds(*timer.fired_at));
  }
  return text;
}

core::Result<TimerPlan> DecodeTimers(core::Id case_id, std::int64_t last_number,
                                     std::string_view text) {
  TimerPlan plan{case_id, last_number, {}};
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const auto fields = Fields(text.substr(start, end - start));
    start = end + 1;
    if (fields.size() != 4 && fields.size() != 5) return BadText(case_id, "a line is not a timer");
    const auto number = ParseInt(fields[0]);
    const auto action = core::ParseTimerAction(fields[1]);
    const auto fire_at = ParseInt(fields[3]);
    const auto fired_at = fields.size() == 5 ? ParseInt(fields[4]) : std::optional<std::int64_t>();
    if (!number || *number <= 0 || *number > kNumberMask || !action || !fire_at ||
        (fields.size() == 5 && !fired_at)) {
      return BadText(case_id, "a timer's field is not what it should be");
    }
    core::Timer timer{TimerId(case_id, *number), case_id,      *action, std::string(fields[2]),
                      FromSeconds(*fire_at),     std::nullopt, ""};
    if (fired_at) timer.fired_at = FromSeconds(*fired_at);
    plan.timers.push_back(std::move(timer));
  }
  return plan;
}

core::Result<void> ReplaceTimers(TimerPlan& plan, const std::vector<core::Timer>& wanted) {
  std::vector<core::Timer> kept;
  kept.reserve(plan.timers.size() + wanted.size());
  for (const auto& timer : plan.timers) {
    if (timer.fired_at) kept.push_back(timer);
  }
  for (const auto& want : wanted) {
    if (std::any_of(kept.begin(), kept.end(), [&](const auto& t) { return t.key == want.key; })) {
      continue;
    }
    const auto unchanged = std::find_if(plan.timers.begin(), plan.timers.end(), [&](const auto& t) {
      return !t.fired_at && t.key == want.key && t.action == want.action &&
             t.fire_at == want.fire_at;
    });
    if (unchanged == plan.timers.end() && plan.last_number == kNumberMask) {
      return Fail(core::ErrorCode::kInvalid,
                  fmt::format("case {} has used every timer number", plan.case_id), "timers");
    }
    core::Timer timer = want;
    timer.case_id = plan.case_id;
    timer.fired_at.reset();
    timer.reference.clear();
    timer.id =
        unchanged != plan.timers.end() ? unchanged->id : TimerId(plan.case_id, ++plan.last_number);
    kept.push_back(std::move(timer));
  }
  plan.timers = std::move(kept);
  return {};
}

core::Result<void> MarkFired(TimerPlan& plan, core::Id timer_id, core::Instant at) {
  const auto timer = std::find_if(plan.timers.begin(), plan.timers.end(),
                                  [&](const auto& t) { return t.id == timer_id; });
  if (timer == plan.timers.end()) {
    return Fail(core::ErrorCode::kNotFound, fmt::format("timer {} not found", timer_id));
  }
  if (timer->fired_at) {
    return Fail(core::ErrorCode::kConflict, fmt::format("timer {} already fired", timer_id),
                "timer");
  }
  timer->fired_at = at;
  return {};
}

std::optional<core::Instant> NextFire(const TimerPlan& plan) {
  std::optional<core::Instant> next;
  for (const auto& timer : plan.timers) {
    if (!timer.fired_at && (!next || timer.fire_at < *next)) next = timer.fire_at;
  }
  return next;
}

}  // namespace caredesk::store
