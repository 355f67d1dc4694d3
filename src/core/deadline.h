// Deadlines: the instant each standard falls due for one case, and its status, derived from
// the case's facts (received, milestones, pauses, extensions) and the policy's calendar.
// DESIGN.md "Time: the business calendar and deadlines" is the specification.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/standard.h"

namespace caredesk::core {

enum class DeadlineStatus { kPending, kDueSoon, kMet, kBreached, kPaused, kNotApplicable };
std::string_view ToString(DeadlineStatus status);
std::optional<DeadlineStatus> ParseDeadlineStatus(std::string_view text);

struct MilestoneAt {
  Milestone milestone;
  Instant at;
};

// A stretch awaiting the customer; `until` is empty while still paused.
struct Pause {
  Instant from;
  std::optional<Instant> until;
};

// A new due instant agreed for one standard (or, with an empty id, for every standard still
// open at `at`).
struct Extension {
  std::string standard_id;
  Instant new_due;
  Instant at;
};

// What deadlines need to know about a case; the case fold produces it from events.
struct CaseFacts {
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kEmail;
  bool anonymous = false;
  Instant received;
  std::vector<MilestoneAt> milestones;  // any order; `received` need not be repeated
  std::vector<Pause> pauses;
  std::vector<Extension> extensions;
};

struct TierDeadline {
  Tier tier;
  std::optional<Instant> due;
  std::optional<bool> met;  // empty until fulfilled or past due
};

struct Deadline {
  std::string standard_id;
  Milestone event = Milestone::kReplied;
  std::optional<Instant> start;         // when the trigger happened
  std::optional<Instant> due;           // empty while the trigger has not happened
  std::optional<Instant> fulfilled_at;  // the fulfilling event, if it happened
  DeadlineStatus status = DeadlineStatus::kPending;
  bool extended = false;
  std::vector<TierDeadline> tiers;  // only for tiered standards
};

// Due instant for a duration counted from `start` under `calendar` (deemed receipt applies to
// working_days).
Result<Instant> DueAfter(const BusinessCalendar& calendar, Instant start, const Duration& within);

// Every standard of the list that applies to the case's kind and channel, in list order,
// evaluated at `now`. `default_due_soon_share` is the policy-wide margin.
Result<std::vector<Deadline>> ComputeDeadlines(const BusinessCalendar& calendar,
                                               const std::vector<Standard>& standards,
                                               double default_due_soon_share,
                                               const CaseFacts& facts, Instant now);

// How long before its due instant a deadline is due soon, in seconds of `standard`'s clock
// (open seconds for working units): its due_soon_span, else its due_soon_share (or the policy's
// `default_share`) of the span from `start` to `due`.
double DueSoonMargin(const BusinessCalendar& calendar, const Standard& standard,
                     double default_share, Instant start, Instant due);

// The instant from which a deadline started at `start` and due at `due` is due soon, as
// ComputeDeadlines judges kDueSoon (the margin counted back on the standard's own clock).
Result<Instant> DueSoonAt(const BusinessCalendar& calendar, const Standard& standard,
                          double default_share, Instant start, Instant due);

// Where several standards apply for the same event, the strictest (earliest due) one among
// those still applicable; empty when none has a due instant.
std::optional<Deadline> Strictest(const std::vector<Deadline>& deadlines, Milestone event);

// The case's next deadline: the earliest due among pending, due-soon and breached deadlines
// that are not yet fulfilled (the one the queue sorts by).
std::optional<Deadline> NextDue(const std::vector<Deadline>& deadlines);

}  // namespace caredesk::core
