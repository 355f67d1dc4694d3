#include "core/deadline.h"

#include <algorithm>

namespace caredesk::core {
namespace {

using std::chrono::seconds;

// A reply acknowledges too (seed 004: "a separate acknowledgement is not necessary").
bool Fulfils(Milestone happened, Milestone wanted) {
  return happened == wanted ||
         (wanted == Milestone::kAcknowledged && happened == Milestone::kReplied);
}

// The first milestone that counts as `wanted` at or after `not_before`.
std::optional<Instant> FirstAtOrAfter(const CaseFacts& facts, Milestone wanted,
                                      Instant not_before) {
  if (wanted == Milestone::kReceived) return facts.received;
  std::optional<Instant> first;
  for (const auto& m : facts.milestones) {
    if (Fulfils(m.milestone, wanted) && m.at >= not_before && (!first || m.at < *first)) {
      first = m.at;
    }
  }
  return first;
}

// One change to a due instant, applied in time order: a pause or an extension.
struct Adjustment {
  Instant at;
  const Pause* pause = nullptr;
  const Extension* extension = nullptr;
};

class DeadlineBuilder {
 public:
  DeadlineBuilder(const BusinessCalendar& calendar, const Standard& standard, double default_share,
                  const CaseFacts& facts, Instant now)
      : calendar_(calendar),
        standard_(standard),
        default_share_(default_share),
        facts_(facts),
        now_(now) {}

  Result<Deadline> Build() {
    Deadline deadline;
    deadline.standard_id = standard_.id;
    deadline.event = standard_.event;
    if (facts_.anonymous && standard_.IsCustomerFacing() && !standard_.anonymous) {
      deadline.status = DeadlineStatus::kNotApplicable;
      return deadline;
    }
    deadline.start = FirstAtOrAfter(facts_, standard_.from, facts_.received);
    if (!deadline.start) return deadline;  // pending, no due instant until the trigger
    const Instant start = *deadline.start;

    deadline.fulfilled_at = FirstAtOrAfter(facts_, standard_.event, start);
    fulfilled_at_ = deadline.fulfilled_at;
    for (const auto& tier : standard_.tiers) {
      auto due = DueAfter(calendar_, start, tier.within);
      if (!due) return tl::unexpected(due.error());
      auto adjusted = Adjust(*due, start, /*extensions=*/&tier == &standard_.tiers.back());
      if (!adjusted) return tl::unexpected(adjusted.error());
      deadline.tiers.push_back({tier, *adjusted, std::nullopt});
    }
    deadline.due = deadline.tiers.back().due;
    deadline.extended = extended_;
    for (auto& tier : deadline.tiers) {
      if (deadline.fulfilled_at) {
        tier.met = *deadline.fulfilled_at <= *tier.due;
      } else if (now_ > *tier.due) {
        tier.met = false;
      }
    }
    if (standard_.tiers.size() == 1) deadline.tiers.clear();
    deadline.status = Status(deadline, start);
    return deadline;
  }

 private:
  // Applies pauses and extensions, in the order they happened, to a due instant.
  Result<Instant> Adjust(Instant due, Instant start, bool extensions) {
    std::vector<Adjustment> adjustments;
    if (standard_.IsPausable()) {
      for (const auto& pause : facts_.pauses) adjustments.push_back({pause.from, &pause, nullptr});
    }
    if (extensions) {
      for (const auto& extension : facts_.extensions) {
        if (extension.standard_id.empty() || extension.standard_id == standard_.id) {
          adjustments.push_back({extension.at, nullptr, &extension});
        }
      }
    }
    std::stable_sort(adjustments.begin(), adjustments.end(),
                     [](const Adjustment& a, const Adjustment& b) { return a.at < b.at; });
    for (const auto& adjustment : adjustments) {
      auto next = adjustment.pause ? Paused(due, start, *adjustment.pause)
                                   : Extended(due, start, *adjustment.extension);
      if (!next) return next;
      due = *next;
    }
    return due;
  }

  // A pause that began before the due instant moves it later by the time paused (open time
  // for working units); an ongoing pause counts up to now.
  Result<Instant> Paused(Instant due, Instant start, const Pause& pause) {
    const Instant from = std::max(pause.from, start);
    Instant until = pause.until.value_or(std::max(now_, from));
    // Once fulfilled the clock has stopped: a later pause changes nothing.
    if (fulfilled_at_) until = std::min(until, *fulfilled_at_);
    if (from >= due || until <= from) return due;
    if (!IsWorkingUnit(standard_.within().unit)) return due + (until - from);
    const std::int64_t open = calendar_.OpenSecondsBetween(from, until);
    if (open <= 0) return due;
    return calendar_.AddOpenSeconds(due, open);
  }

  // An extension sets a later due instant, never beyond max_extension past the current one.
  // One made after the deadline was fulfilled or breached changes nothing.
  Result<Instant> Extended(Instant due, Instant start, const Extension& extension) {
    if (extension.at < start || extension.at > due || extension.new_due <= due ||
        (fulfilled_at_ && extension.at >= *fulfilled_at_)) {
      return due;
    }
    Instant new_due = extension.new_due;
    if (standard_.max_extension) {
      auto cap = ExtensionCap(due, *standard_.max_extension);
      if (!cap) return cap;
      new_due = std::min(new_due, *cap);
    }
    extended_ = true;
    return new_due;
  }

  Result<Instant> ExtensionCap(Instant due, const Duration& limit) {
    // Counted from the due instant as if it were a receipt on the due day itself, so that
    // "10 working days" past a closing time is the 10th following working day's closing.
    if (limit.unit == Unit::kWorkingDays) {
      return calendar_.AddWorkingDays(due - seconds{1}, limit.count,
                                      DeemedReceipt::kNextWorkingDay);
    }
    return DueAfter(calendar_, due, limit);
  }

  DeadlineStatus Status(const Deadline& deadline, Instant start) const {
    const Instant due = *deadline.due;
    if (standard_.unless) {
      auto unless = FirstAtOrAfter(facts_, *standard_.unless, start);
      if (unless && *unless <= due) return DeadlineStatus::kNotApplicable;
    }
    if (deadline.fulfilled_at) {
      return *deadline.fulfilled_at <= due ? DeadlineStatus::kMet : DeadlineStatus::kBreached;
    }
    if (now_ > due) return DeadlineStatus::kBreached;
    if (standard_.IsPausable()) {
      for (const auto& pause : facts_.pauses) {
        if (!pause.until && pause.from <= now_) return DeadlineStatus::kPaused;
      }
    }
    return Remaining(due) < Margin(start, due) ? DeadlineStatus::kDueSoon
                                               : DeadlineStatus::kPending;
  }

  // Time left, measured on the standard's own clock.
  std::int64_t Remaining(Instant due) const { return Span(std::min(now_, due), due); }

  std::int64_t Span(Instant from, Instant to) const {
    if (to <= from) return 0;
    if (IsWorkingUnit(standard_.within().unit)) return calendar_.OpenSecondsBetween(from, to);
    return (to - from).count();
  }

  double Margin(Instant start, Instant due) const {
    return DueSoonMargin(calendar_, standard_, default_share_, start, due);
  }

  const BusinessCalendar& calendar_;
  const Standard& standard_;
  double default_share_;
  const CaseFacts& facts_;
  Instant now_;
  std::optional<Instant> fulfilled_at_;
  bool extended_ = false;
};

// The span from `from` to `to` on `standard`'s clock: open seconds for working units.
std::int64_t SpanOn(const BusinessCalendar& calendar, const Standard& standard, Instant from,
                    Instant to) {
  if (to <= from) return 0;
  if (IsWorkingUnit(standard.within().unit)) return calendar.OpenSecondsBetween(from, to);
  return (to - from).count();
}

bool IsOpen(const Deadline& deadline) {
  return deadline.due && !deadline.fulfilled_at &&
         deadline.status != DeadlineStatus::kNotApplicable;
}

}  // namespace

std::string_view ToString(DeadlineStatus status) {
  switch (status) {
    case DeadlineStatus::kPending:
      return "pending";
    case DeadlineStatus::kDueSoon:
      return "due_soon";
    case DeadlineStatus::kMet:
      return "met";
    case DeadlineStatus::kBreached:
      return "breached";
    case DeadlineStatus::kPaused:
      return "paused";
    case DeadlineStatus::kNotApplicable:
      return "not_applicable";
  }
  return "pending";
}

std::optional<DeadlineStatus> ParseDeadlineStatus(std::string_view text) {
  for (auto status :
       {DeadlineStatus::kPending, DeadlineStatus::kDueSoon, DeadlineStatus::kMet,
        DeadlineStatus::kBreached, DeadlineStatus::kPaused, DeadlineStatus::kNotApplicable}) {
    if (ToString(status) == text) return status;
  }
  return std::nullopt;
}

Result<Instant> DueAfter(const BusinessCalendar& calendar, Instant start, const Duration& within) {
  const std::int64_t n = within.count;
  switch (within.unit) {
    case Unit::kWorkingDays:
      return calendar.AddWorkingDays(start, n);
    case Unit::kWorkingHours:
      return calendar.AddOpenSeconds(start, n * 3600);
    case Unit::kHours:
      return start + std::chrono::hours{n};
    case Unit::kDays:
    case Unit::kWeeks: {
      const std::int64_t days = within.unit == Unit::kDays ? n : 7 * n;
      return calendar.AtLocal(calendar.LocalDay(start) + date::days{days}, seconds{86399});
    }
    case Unit::kMonths: {
      date::year_month_day ymd{calendar.LocalDay(start)};
      date::year_month_day later = ymd + date::months{n};
      if (!later.ok()) later = later.year() / later.month() / date::last;
      return calendar.AtLocal(LocalDate{later}, seconds{86399});
    }
  }
  return start;
}

Result<std::vector<Deadline>> ComputeDeadlines(const BusinessCalendar& calendar,
                                               const std::vector<Standard>& standards,
                                               double default_due_soon_share,
                                               const CaseFacts& facts, Instant now) {
  std::vector<Deadline> deadlines;
  for (const auto& standard : standards) {
    if (!standard.AppliesTo(facts.kind, facts.channel)) continue;
    auto deadline = DeadlineBuilder(calendar, standard, default_due_soon_share, facts, now).Build();
    if (!deadline) return tl::unexpected(deadline.error());
    deadlines.push_back(std::move(*deadline));
  }
  return deadlines;
}

std::optional<Deadline> Strictest(const std::vector<Deadline>& deadlines, Milestone event) {
  std::optional<Deadline> best;
  for (const auto& deadline : deadlines) {
    if (deadline.event != event || !deadline.due ||
        deadline.status == DeadlineStatus::kNotApplicable) {
      continue;
    }
    if (!best || *deadline.due < *best->due) best = deadline;
  }
  return best;
}

std::optional<Deadline> NextDue(const std::vector<Deadline>& deadlines) {
  std::optional<Deadline> next;
  for (const auto& deadline : deadlines) {
    if (IsOpen(deadline) && (!next || *deadline.due < *next->due)) next = deadline;
  }
  return next;
}

double DueSoonMargin(const BusinessCalendar& calendar, const Standard& standard,
                     double default_share, Instant start, Instant due) {
  if (standard.due_soon_span) return static_cast<double>(standard.due_soon_span->count) * 3600;
  const double share = standard.due_soon_share.value_or(default_share);
  return share * static_cast<double>(SpanOn(calendar, standard, start, due));
}

Result<Instant> DueSoonAt(const BusinessCalendar& calendar, const Standard& standard,
                          double default_share, Instant start, Instant due) {
  if (due <= start) return due;
  const auto margin =
      static_cast<std::int64_t>(DueSoonMargin(calendar, standard, default_share, start, due));
  const std::int64_t span = SpanOn(calendar, standard, start, due);
  if (margin >= span) return start;
  if (IsWorkingUnit(standard.within().unit)) {
    // One open second past span - margin, less a second: when those open seconds end at a
    // closing, the deadline turns due soon at the next opening, not at the closing.
    auto after = calendar.AddOpenSeconds(start, span - margin + 1);
    if (!after) return after;
    return *after - std::chrono::seconds{1};
  }
  return due - std::chrono::seconds{margin};
}

}  // namespace caredesk::core
