#include "core/automation.h"

#include <fmt/format.h>

#include "core/calendar.h"

namespace caredesk::core {
namespace {

bool WrittenChannel(Channel channel) {
  return channel == Channel::kWeb || channel == Channel::kEmail || channel == Channel::kPost ||
         channel == Channel::kFax || channel == Channel::kSocial || channel == Channel::kForum;
}

bool Open(const CaseState& state) {
  return state.status == CaseStatus::kOpen || state.status == CaseStatus::kPaused;
}

bool Waiting(const Deadline& deadline) {
  return deadline.due && !deadline.fulfilled_at &&
         (deadline.status == DeadlineStatus::kPending ||
          deadline.status == DeadlineStatus::kDueSoon);
}

}  // namespace

std::string TimerKey(TimerAction action, std::string_view standard_id) {
  if (standard_id.empty()) return std::string(ToString(action));
  return fmt::format("{}:{}", ToString(action), standard_id);
}

Instant DueSoonPoint(Instant start, Instant due, double share) {
  if (due <= start) return due;
  const auto span = due - start;
  return due - std::chrono::duration_cast<std::chrono::seconds>(span * share);
}

std::vector<Timer> PlanTimers(const Automation& automation, const BusinessCalendar& calendar,
                              double due_soon_share, const CaseState& state,
                              const std::vector<Deadline>& deadlines, bool reachable) {
  std::vector<Timer> timers;
  auto add = [&](TimerAction action, std::string_view standard, Instant at) {
    timers.push_back(Timer{0, 0, action, TimerKey(action, standard), at, std::nullopt, ""});
  };
  if (Open(state) && !state.paused_since) {
    if (automation.acknowledge && reachable && !state.acknowledged_at &&
        WrittenChannel(state.channel)) {
      add(TimerAction::kAcknowledge, "", state.received_at);
    }
    for (const auto& deadline : deadlines) {
      if (!Waiting(deadline) || !deadline.start) continue;
      const Instant due_soon = DueSoonPoint(*deadline.start, *deadline.due, due_soon_share);
      if (automation.alerts) {
        add(TimerAction::kDueSoonAlert, deadline.standard_id, due_soon);
        add(TimerAction::kBreachAlert, deadline.standard_id, *deadline.due);
      }
      if (automation.holding_reply && reachable && deadline.event == Milestone::kReplied &&
          !deadline.extended) {
        add(TimerAction::kHoldingReply, deadline.standard_id, due_soon);
      }
    }
  }
  if (automation.survey && reachable && state.status == CaseStatus::kClosed && state.closed_at &&
      !state.survey) {
    auto at = DueAfter(calendar, *state.closed_at, automation.survey_after);
    add(TimerAction::kSurvey, "", at ? *at : *state.closed_at);
  }
  return timers;
}

}  // namespace caredesk::core
