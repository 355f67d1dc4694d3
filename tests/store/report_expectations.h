// The figures a report should show, computed by the test straight from case histories: the
// events are read one by one, the policy's calendar gives due instants and working time, and
// nothing of core/report.h or core/case_figures.h is used. report_contract_test.cc compares.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/case_event.h"
#include "core/deadline.h"
#include "core/policy.h"
#include "core/report.h"
#include "core/store.h"

namespace caredesk::testing {

struct ExpectedStandard {
  std::int64_t met = 0;
  std::int64_t breached = 0;
  std::int64_t pending = 0;
};

struct ExpectedSpread {
  std::int64_t count = 0;
  double median = 0;
  double p90 = 0;
  double max = 0;
};

struct Expected {
  std::int64_t contacts = 0;
  std::int64_t complaints = 0;
  std::int64_t compliments = 0;
  std::map<std::string, std::int64_t> by_kind, by_channel, remedies, redress;
  std::map<int, std::int64_t> by_month;
  // (standard, tier) → counts, for the standards judged here from first principles.
  std::map<std::pair<std::string, int>, ExpectedStandard> standards;
  ExpectedSpread reply_hours, acknowledge_hours;
  std::map<std::pair<std::string, std::string>, std::int64_t> outcomes;  // (stage, outcome)
  std::int64_t stage1_resolved = 0, escalated = 0, extended_cases = 0;
  std::int64_t responses = 0, invited = 0;
  std::array<std::int64_t, 5> scores{};
  std::int64_t actions_open = 0, actions_overdue = 0, actions_done = 0, actions_verified = 0;
};

// Nearest rank: the smallest value with at least `share` of the values at or below it.
inline ExpectedSpread SpreadOfValues(std::vector<double> values) {
  ExpectedSpread s;
  s.count = static_cast<std::int64_t>(values.size());
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  const auto rank = [&](double share) {
    const auto k = static_cast<std::size_t>(
        std::max(1.0, std::ceil(share * static_cast<double>(values.size()))));
    return values[k - 1];
  };
  s.median = rank(0.5);
  s.p90 = rank(0.9);
  s.max = values.back();
  return s;
}

template <class Payload>
std::optional<core::Instant> FirstEvent(const core::CaseHistory& h) {
  for (const auto& e : h.events) {
    if (std::holds_alternative<Payload>(e.event.payload)) return e.event.at;
  }
  return std::nullopt;
}

template <class Payload>
bool Has(const core::CaseHistory& h) {
  return FirstEvent<Payload>(h).has_value();
}

// One deadline judged from first principles: fulfilled by `done` within `due`; a case closed
// before the due instant without it is not counted; otherwise past due at `at` is breached.
inline void Judge(ExpectedStandard& s, core::Instant due, std::optional<core::Instant> done,
                  std::optional<core::Instant> closed, core::Instant at) {
  if (done) {
    ++(*done <= due ? s.met : s.breached);
  } else if (closed && *closed <= due) {
    return;
  } else if (due < at) {
    ++s.breached;
  } else {
    ++s.pending;
  }
}

inline bool Matches(const core::ReportFilter& f, const core::event::Received& r) {
  const auto in = [](const auto& list, const auto& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  return in(f.kinds, r.kind) && in(f.channels, r.channel);
}

inline Expected ExpectedFigures(const std::vector<core::CaseHistory>& histories,
                                const core::Policy& policy, const core::ReportFilter& filter,
                                core::Instant at) {
  const auto& calendar = *policy.calendar;
  const auto due_after = [&](core::Instant from, const char* within) {
    return *core::DueAfter(calendar, from, *core::ParseDuration(within));
  };
  Expected x;
  std::vector<double> reply_hours, ack_hours;
  for (const auto& h : histories) {
    const auto& received = std::get<core::event::Received>(h.events.front().event.payload);
    const core::Instant when = h.events.front().event.at;
    if (when < filter.from || when >= filter.until || !Matches(filter, received)) continue;
    ++x.contacts;
    ++x.by_kind[std::string(core::ToString(received.kind))];
    ++x.by_channel[std::string(core::ToString(received.channel))];
    const date::year_month_day day{calendar.LocalDay(when)};
    ++x.by_month[static_cast<int>(day.year()) * 100 + static_cast<int>(unsigned(day.month()))];
    const bool complaint = received.kind == core::Kind::kComplaint;
    x.complaints += complaint;
    x.compliments += received.kind == core::Kind::kCompliment;
    const auto acknowledged = FirstEvent<core::event::Acknowledged>(h);
    const auto replied = FirstEvent<core::event::Replied>(h);
    const auto closed = FirstEvent<core::event::Closed>(h);
    if (replied) reply_hours.push_back(calendar.OpenSecondsBetween(when, *replied) / 3600.0);
    if (acknowledged)
      ack_hours.push_back(calendar.OpenSecondsBetween(when, *acknowledged) / 3600.0);
    if (complaint && !received.anonymous) {
      Judge(x.standards[{"complaint-ack", 0}], due_after(when, "5 working_days"), acknowledged,
            closed, at);
    }
    const bool answerable =
        received.kind == core::Kind::kQuestion || received.kind == core::Kind::kServiceRequest;
    if (answerable && !received.anonymous && received.channel == core::Channel::kEmail) {
      Judge(x.standards[{"email-answer", 1}], due_after(when, "1 working_days"), replied, closed,
            at);
      Judge(x.standards[{"email-answer", 2}], due_after(when, "2 working_days"), replied, closed,
            at);
    }
    if (answerable && !received.anonymous && received.channel == core::Channel::kWeb) {
      Judge(x.standards[{"web-answer", 0}], due_after(when, "2 working_days"), replied, closed, at);
    }
    std::string stage = complaint ? "stage1" : "";
    bool resolved_stage1 = false;
    bool settled = false;
    for (const auto& e : h.events) {
      const auto& p = e.event.payload;
      if (std::holds_alternative<core::event::Escalated>(p)) {
        stage = "stage2";
        ++x.escalated;
        settled = false;
      } else if (const auto* r = std::get_if<core::event::Resolved>(&p)) {
        settled = true;
        if (r->outcome) ++x.outcomes[{stage, std::string(core::ToString(*r->outcome))}];
        resolved_stage1 = resolved_stage1 || stage == "stage1";
        for (const auto& remedy : r->remedies) {
          ++x.remedies[std::string(core::ToString(remedy.type))];
          if (remedy.amount) x.redress[remedy.amount->currency] += remedy.amount->minor_units;
        }
      } else if (std::holds_alternative<core::event::Closed>(p)) {
        settled = true;
      } else if (const auto* s = std::get_if<core::event::SurveyAnswered>(&p)) {
        ++x.responses;
        ++x.scores[static_cast<std::size_t>(s->score - 1)];
      }
    }
    x.stage1_resolved += complaint && resolved_stage1;
    x.extended_cases += Has<core::event::Extended>(h);
    x.invited += settled && !received.anonymous;
    std::vector<std::pair<core::Instant, int>> actions;  // due, 0 planned 1 done 2 verified
    for (const auto& e : h.events) {
      if (const auto* r = std::get_if<core::event::Resolved>(&e.event.payload)) {
        for (const auto& a : r->preventive_actions) actions.push_back({a.due, 0});
      } else if (const auto* d = std::get_if<core::event::PreventiveActionDone>(&e.event.payload)) {
        actions[static_cast<std::size_t>(d->number - 1)].second = 1;
      } else if (const auto* v =
                     std::get_if<core::event::PreventiveActionVerified>(&e.event.payload)) {
        actions[static_cast<std::size_t>(v->number - 1)].second = 2;
      }
    }
    for (const auto& [due, status] : actions) {
      x.actions_open += status == 0;
      x.actions_overdue += status == 0 && due < at;
      x.actions_done += status == 1;
      x.actions_verified += status == 2;
    }
  }
  x.reply_hours = SpreadOfValues(reply_hours);
  x.acknowledge_hours = SpreadOfValues(ack_hours);
  return x;
}

}  // namespace caredesk::testing
