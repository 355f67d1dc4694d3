#include "core/automation.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/policy.h"

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

std::vector<Timer> PlanTimers(const Policy& policy, const CaseState& state,
                              const std::vector<Deadline>& deadlines, bool reachable) {
  const Automation& automation = policy.automation;
  const BusinessCalendar& calendar = *policy.calendar;
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
      const Standard* standard = policy.FindStandard(deadline.standard_id);
      if (!standard) continue;
      const auto due_soon_at =
          DueSoonAt(calendar, *standard, policy.due_soon_share, *deadline.start, *deadline.due);
      const Instant due_soon = due_soon_at ? *due_soon_at : *deadline.due;
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
