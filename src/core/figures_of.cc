#include "core/figures_of.h"

#include <algorithm>

namespace caredesk::core {
namespace {

// Working days after the day of `from` up to and including the day of `to`, in the policy's
// zone. Bounded: a response a decade late counts as a decade of days.
std::int64_t WorkingDaysBetween(const BusinessCalendar& calendar, Instant from, Instant to) {
  const LocalDate first = calendar.LocalDay(from);
  const LocalDate last = calendar.LocalDay(to);
  std::int64_t days = 0;
  int guard = 0;
  for (LocalDate day = first + date::days{1}; day <= last && guard < 3700; day += date::days{1}) {
    ++guard;
    if (calendar.IsWorkingDay(day)) ++days;
  }
  return days;
}

std::optional<ResponseTime> FirstOf(const BusinessCalendar& calendar, const CaseFacts& facts,
                                    std::initializer_list<Milestone> wanted) {
  std::optional<Instant> first;
  for (const auto& m : facts.milestones) {
    if (std::find(wanted.begin(), wanted.end(), m.milestone) == wanted.end()) continue;
    if (!first || m.at < *first) first = m.at;
  }
  if (!first) return std::nullopt;
  const Instant at = std::max(*first, facts.received);
  return ResponseTime{at, calendar.OpenSecondsBetween(facts.received, at),
                      WorkingDaysBetween(calendar, facts.received, at)};
}

std::vector<DeadlineFigure> DeadlineFiguresOf(const Policy& policy,
                                              const std::vector<Deadline>& deadlines) {
  std::vector<DeadlineFigure> out;
  for (const auto& deadline : deadlines) {
    const auto found =
        std::find_if(policy.standards.begin(), policy.standards.end(),
                     [&](const Standard& s) { return s.id == deadline.standard_id; });
    if (found == policy.standards.end()) continue;
    const auto index = static_cast<std::size_t>(found - policy.standards.begin());
    out.push_back({index, 0, deadline.status, deadline.due, deadline.fulfilled_at});
    if (deadline.tiers.size() < 2) continue;
    for (std::size_t t = 0; t < deadline.tiers.size(); ++t) {
      const TierDeadline& tier = deadline.tiers[t];
      DeadlineStatus status = DeadlineStatus::kPending;
      if (tier.met) {
        status = *tier.met ? DeadlineStatus::kMet : DeadlineStatus::kBreached;
      } else if (deadline.status == DeadlineStatus::kNotApplicable ||
                 deadline.status == DeadlineStatus::kPaused) {
        status = deadline.status;
      }
      out.push_back({index, static_cast<int>(t + 1), status, tier.due, deadline.fulfilled_at});
    }
  }
  return out;
}

}  // namespace

int MonthOf(const BusinessCalendar& calendar, Instant instant) {
  const date::year_month_day day{calendar.LocalDay(instant)};
  return static_cast<int>(day.year()) * 100 + static_cast<int>(static_cast<unsigned>(day.month()));
}

CaseFigures FiguresOf(const CaseRecord& record, const Policy& policy,
                      std::span<const CaseEvent> events, const FoldedCase& folded,
                      const std::vector<Deadline>& deadlines) {
  const BusinessCalendar& calendar = *policy.calendar;
  const CaseState& state = folded.state;
  CaseFigures figures;
  figures.case_id = record.id;
  figures.policy_version = record.policy_version;
  figures.received_at = folded.facts.received;
  figures.month = MonthOf(calendar, folded.facts.received);
  figures.kind = state.kind;
  figures.channel = state.channel;
  figures.department_id = record.department_id;
  figures.service = state.service;
  figures.nature = state.nature;
  figures.stage = state.stage;
  figures.status = state.status;
  figures.kind_received = state.kind_received;
  figures.anonymous = state.anonymous;
  figures.acknowledged =
      FirstOf(calendar, folded.facts, {Milestone::kAcknowledged, Milestone::kReplied});
  figures.replied = FirstOf(calendar, folded.facts, {Milestone::kReplied});
  figures.escalated =
      std::any_of(folded.facts.milestones.begin(), folded.facts.milestones.end(),
                  [](const MilestoneAt& m) { return m.milestone == Milestone::kEscalated; });
  for (const auto& event : events) {
    if (const auto* extended = std::get_if<event::Extended>(&event.payload)) {
      figures.extension_reasons.push_back(extended->reason.empty() ? "-" : extended->reason);
    }
  }
  for (const auto& resolution : state.resolutions) {
    if (resolution.outcome) figures.outcomes.push_back({resolution.stage, *resolution.outcome});
    for (const auto& remedy : resolution.remedies) {
      figures.remedies.push_back({remedy.type, remedy.amount});
    }
  }
  if (const Resolution* latest = state.LatestResolution()) figures.root_cause = latest->root_cause;
  if (state.survey) {
    figures.satisfaction = state.survey->score;
    figures.satisfaction_comment = state.survey->comment;
  }
  for (const auto& action : state.preventive_actions) {
    figures.actions.push_back({action.status, action.action.due, action.done_at});
  }
  figures.deadlines = DeadlineFiguresOf(policy, deadlines);
  return figures;
}

}  // namespace caredesk::core
