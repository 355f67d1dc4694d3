#include "jobs/scheduler.h"

#include <fmt/format.h>

#include <set>

namespace caredesk::jobs {
namespace {

const core::Actor kSystem{"system", "caredesk", "SYS"};

bool AlreadyFired(const core::Error& error) {
  return error.code == core::ErrorCode::kConflict && error.field == "timer";
}

// The deadline a timer keyed "action:standard" is about.
const core::Deadline* DeadlineOf(const core::Timer& timer, const core::CaseView& view) {
  const auto colon = timer.key.find(':');
  if (colon == std::string::npos) return nullptr;
  const std::string_view standard = std::string_view(timer.key).substr(colon + 1);
  for (const auto& deadline : view.deadlines) {
    if (deadline.standard_id == standard) return &deadline;
  }
  return nullptr;
}

bool StillWaiting(const core::Deadline* deadline) {
  return deadline && deadline->due && !deadline->fulfilled_at &&
         (deadline->status == core::DeadlineStatus::kPending ||
          deadline->status == core::DeadlineStatus::kDueSoon ||
          deadline->status == core::DeadlineStatus::kBreached);
}

}  // namespace

core::Result<int> Scheduler::RunDue(int limit) {
  last_error_.clear();
  auto due = store_.ClaimTimers(clock_.Now(), kLease, limit);
  if (!due) return tl::unexpected(due.error());
  int fired = 0;
  for (const auto& timer : *due) {
    auto done = Fire(timer);
    if (!done && done.error().code != core::ErrorCode::kUnavailable) {
      // Something about this case stops the action (it cannot be recorded as things stand):
      // the timer is retired rather than retried for ever, and the error is kept on the
      // scheduler for the log.
      last_error_ = fmt::format("timer {} ({}) of {}: {}", timer.id, core::ToString(timer.action),
                                timer.reference, done.error().message);
      done = FireWith(timer, {});
    }
    if (!done) return tl::unexpected(done.error());
    fired += *done ? 1 : 0;
  }
  return fired;
}

core::Result<std::optional<core::CustomerRecord>> Scheduler::CustomerOf(
    const core::CaseView& view) {
  if (!view.record.customer_id) return std::optional<core::CustomerRecord>();
  auto customer = store_.FindCustomer(*view.record.customer_id);
  if (!customer) return tl::unexpected(customer.error());
  return std::optional(std::move(*customer));
}

core::Result<bool> Scheduler::FireWith(const core::Timer& timer,
                                       const std::vector<core::OutboxMessage>& messages) {
  auto fired = store_.FireTimer(timer.id, messages, clock_.Now());
  if (fired) return true;
  if (AlreadyFired(fired.error()) || fired.error().code == core::ErrorCode::kNotFound) {
    return false;  // another process fired it, or a write to the case replaced it
  }
  return tl::unexpected(fired.error());
}

core::Result<bool> Scheduler::Fire(const core::Timer& timer) {
  auto view = cases_.Read(timer.reference);
  if (!view) return tl::unexpected(view.error());
  switch (timer.action) {
    case core::TimerAction::kAcknowledge:
      return Acknowledge(timer, *view);
    case core::TimerAction::kHoldingReply:
      return HoldingReply(timer, *view);
    case core::TimerAction::kDueSoonAlert:
    case core::TimerAction::kBreachAlert:
      return Alert(timer, *view);
    case core::TimerAction::kSurvey:
      return Survey(timer, *view);
  }
  return FireWith(timer, {});
}

// Records `event` on the case with the timer fired and `message` sent, in one write.
static core::Result<bool> RecordFiring(core::CaseService& cases, const core::Timer& timer,
                                       const core::CaseEvent& event,
                                       std::optional<core::OutboxMessage> message) {
  auto recorded = cases.Record(timer.reference, event, [&](const core::CaseView&) {
    core::CaseEffects effects;
    effects.fired_timer = timer.id;
    if (message) effects.messages.push_back(*message);
    return core::Result<core::CaseEffects>(std::move(effects));
  });
  if (recorded) return true;
  if (AlreadyFired(recorded.error())) return false;
  return tl::unexpected(recorded.error());
}

core::Result<bool> Scheduler::Acknowledge(const core::Timer& timer, const core::CaseView& view) {
  const bool open = view.state.status == core::CaseStatus::kOpen ||
                    view.state.status == core::CaseStatus::kPaused;
  if (!open || view.state.acknowledged_at) return FireWith(timer, {});
  auto customer = CustomerOf(view);
  if (!customer) return tl::unexpected(customer.error());
  const core::TemplateKind kind = view.state.stage == core::Stage::kStage2
                                      ? core::TemplateKind::kStage2Acknowledgement
                                      : core::TemplateKind::kAcknowledgement;
  auto message = correspondent_.ToCustomer(kind, view, *customer);
  if (!message) return tl::unexpected(message.error());
  if (!*message) return FireWith(timer, {});  // nobody to write to: staff acknowledge by hand
  const core::CaseEvent acknowledged{clock_.Now(), kSystem, core::event::Acknowledged{false}};
  return RecordFiring(cases_, timer, acknowledged, std::move(*message));
}

core::Result<bool> Scheduler::HoldingReply(const core::Timer& timer, const core::CaseView& view) {
  const core::Deadline* deadline = DeadlineOf(timer, view);
  if (!StillWaiting(deadline) || view.state.status != core::CaseStatus::kOpen) {
    return FireWith(timer, {});  // answered, paused, closed: no holding reply is needed
  }
  const auto& automation = view.policy->automation;
  auto new_expected =
      core::DueAfter(*view.policy->calendar, *deadline->due, automation.holding_extension);
  if (!new_expected) return tl::unexpected(new_expected.error());
  auto customer = CustomerOf(view);
  if (!customer) return tl::unexpected(customer.error());
  const std::string language =
      *customer && !(*customer)->language.empty() ? (*customer)->language : "en";
  const bool spanish = language.rfind("es", 0) == 0;
  const std::string reason = spanish ? "necesitamos más tiempo para estudiar su caso a fondo"
                                     : "we need more time to look into your case fully";
  mail::MessageValues extra;
  extra["new_expected_date"] = LongDate(*new_expected, view.policy->calendar->zone(), language);
  extra["delay_reason"] = reason;
  if (auto expected = ExpectedReply(view)) {
    extra["expected_date"] = LongDate(*expected, view.policy->calendar->zone(), language);
  }
  auto message =
      correspondent_.ToCustomer(core::TemplateKind::kHoldingReply, view, *customer, extra);
  if (!message) return tl::unexpected(message.error());
  if (!*message) return FireWith(timer, {});
  const core::CaseEvent holding{clock_.Now(), kSystem,
                                core::event::HoldingSent{*new_expected, reason}};
  return RecordFiring(cases_, timer, holding, std::move(*message));
}

core::Result<bool> Scheduler::Alert(const core::Timer& timer, const core::CaseView& view) {
  const core::Deadline* deadline = DeadlineOf(timer, view);
  if (!StillWaiting(deadline)) return FireWith(timer, {});
  if (timer.action == core::TimerAction::kDueSoonAlert && clock_.Now() >= *deadline->due) {
    return FireWith(timer, {});  // fired late (after a restart): the breach alert says it all
  }
  // The assignee, and the manager of the case's department; each once.
  std::set<core::Id> readers;
  if (view.record.assignee_id) readers.insert(*view.record.assignee_id);
  if (view.record.department_id) {
    auto departments = store_.ListDepartments();
    if (!departments) return tl::unexpected(departments.error());
    for (const auto& department : *departments) {
      if (department.id == *view.record.department_id && department.manager_id) {
        readers.insert(*department.manager_id);
      }
    }
  }
  const core::TemplateKind kind = timer.action == core::TimerAction::kBreachAlert
                                      ? core::TemplateKind::kBreachAlert
                                      : core::TemplateKind::kDueSoonAlert;
  const core::Standard* standard = view.policy->FindStandard(deadline->standard_id);
  mail::MessageValues extra;
  extra["standard"] = standard && !standard->name.empty() ? standard->name : deadline->standard_id;
  extra["due_at"] = core::FormatInstant(*deadline->due, view.policy->calendar->zone());
  std::vector<core::OutboxMessage> messages;
  for (core::Id id : readers) {
    auto staff = store_.FindStaff(id);
    if (!staff) continue;  // a staff member removed since: nobody to alert
    auto message = correspondent_.ToStaff(kind, view, *staff, extra);
    if (!message) return tl::unexpected(message.error());
    if (*message) messages.push_back(std::move(**message));
  }
  return FireWith(timer, messages);
}

core::Result<bool> Scheduler::Survey(const core::Timer& timer, const core::CaseView& view) {
  auto customer = CustomerOf(view);
  if (!customer) return tl::unexpected(customer.error());
  if (!*customer || view.state.status != core::CaseStatus::kClosed || view.state.survey) {
    return FireWith(timer, {});
  }
  const auto kind = core::ToString(core::TemplateKind::kSurveyInvitation);
  auto last = store_.LastMessageTo((*customer)->id, kind);
  if (!last) return tl::unexpected(last.error());
  if (*last) {
    auto allowed_from =
        core::DueAfter(*view.policy->calendar, **last, view.policy->automation.survey_every);
    if (allowed_from && clock_.Now() < *allowed_from) return FireWith(timer, {});
  }
  auto message = correspondent_.ToCustomer(core::TemplateKind::kSurveyInvitation, view, *customer);
  if (!message) return tl::unexpected(message.error());
  if (!*message || (*message)->delivery == core::Delivery::kCallTask) return FireWith(timer, {});
  return FireWith(timer, {**message});
}

core::Result<int> Scheduler::TellSuggesters(int limit) {
  auto decided = store_.SuggestersToTell(limit);
  if (!decided) return tl::unexpected(decided.error());
  if (decided->empty()) return 0;
  auto policy = cases_.PolicyOf("");
  if (!policy) return tl::unexpected(policy.error());
  int told = 0;
  for (const auto& suggestion : *decided) {
    auto customer = store_.FindCustomer(*suggestion.customer_id);
    if (!customer) return tl::unexpected(customer.error());
    auto message = correspondent_.ToSuggester(suggestion, *customer, **policy);
    if (!message) return tl::unexpected(message.error());
    std::vector<core::OutboxMessage> messages;
    if (*message) messages.push_back(std::move(**message));
    auto marked = store_.MarkSuggesterTold(suggestion.id, messages, clock_.Now());
    if (marked) {
      told += messages.empty() ? 0 : 1;
    } else if (marked.error().code != core::ErrorCode::kConflict) {
      return tl::unexpected(marked.error());
    }
  }
  return told;
}

}  // namespace caredesk::jobs
