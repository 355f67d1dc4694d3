// What reports count about one case (issue 7): derived from its events, state and deadlines
// each time the case is written (figures_of.h), and kept beside the case, so that a report over
// a year reads one row per case and does no calendar arithmetic. Judged under the policy version
// the case was received under, like its deadlines.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/case_state.h"
#include "core/deadline.h"
#include "core/store_records.h"

namespace caredesk::core {

// The first acknowledgement or reply of a case, and how long after receipt it came.
struct ResponseTime {
  Instant at;
  std::int64_t open_seconds = 0;  // working time since receipt under the policy's calendar
  std::int64_t working_days = 0;  // working days after the day of receipt (0: that same day)

  friend bool operator==(const ResponseTime&, const ResponseTime&) = default;
};

// One deadline as reports count it: tier 0 is the standard itself (its last tier sets its due
// instant); tier n ≥ 1 is the n-th tier of a tiered standard.
struct DeadlineFigure {
  std::size_t standard = 0;  // index into the policy version's standards
  int tier = 0;
  DeadlineStatus status = DeadlineStatus::kPending;  // as judged when the case was last written
  std::optional<Instant> due;
  std::optional<Instant> fulfilled_at;

  friend bool operator==(const DeadlineFigure&, const DeadlineFigure&) = default;
};

// Met, breached, pending (due soon and paused count as pending) or not applicable at `now`: a
// deadline that was open when the case was last written is breached once its due instant passed.
DeadlineStatus StatusAt(const DeadlineFigure& deadline, Instant now);

struct OutcomeFigure {
  std::optional<Stage> stage;  // none for contacts that are not complaints
  Outcome outcome = Outcome::kUpheld;

  friend bool operator==(const OutcomeFigure&, const OutcomeFigure&) = default;
};

struct RemedyFigure {
  RemedyType type = RemedyType::kApology;
  std::optional<Money> amount;

  friend bool operator==(const RemedyFigure&, const RemedyFigure&) = default;
};

struct ActionFigure {
  PreventiveStatus status = PreventiveStatus::kPlanned;
  Instant due;
  std::optional<Instant> done_at;

  friend bool operator==(const ActionFigure&, const ActionFigure&) = default;
};

struct CaseFigures {
  Id case_id = 0;  // assigned by the store for a new case
  std::string policy_version;
  Instant received_at;
  int month = 0;  // YYYYMM of receipt in the policy's time zone
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kEmail;
  std::optional<Id> department_id;
  std::string service;
  std::string nature;
  std::optional<Stage> stage;  // the stage a complaint reached
  CaseStatus status = CaseStatus::kOpen;
  std::optional<Kind> kind_received;  // set when reclassified: the kind it arrived as
  bool anonymous = false;

  std::optional<ResponseTime> acknowledged;  // the first acknowledgement (a reply acknowledges)
  std::optional<ResponseTime> replied;       // the first reply
  bool escalated = false;                    // opened stage 2
  std::vector<std::string> extension_reasons;
  std::vector<OutcomeFigure> outcomes;  // every resolution's
  std::vector<RemedyFigure> remedies;   // every resolution's
  std::string root_cause;               // the latest resolution's
  std::optional<int> satisfaction;      // the survey's score, 1 to 5
  std::string satisfaction_comment;
  std::vector<ActionFigure> actions;
  std::vector<DeadlineFigure> deadlines;

  friend bool operator==(const CaseFigures&, const CaseFigures&) = default;
};

}  // namespace caredesk::core
