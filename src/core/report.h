// Reports against the published standards (issue 7): the figures of the cases received in a
// period, and of each month in it, each case judged under the policy version it was received
// under. Pure: the store hands over the cases' figures (case_figures.h) and the suggestions, and
// ComputeReport counts them in one pass.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/case_figures.h"
#include "core/policy.h"

namespace caredesk::core {

// Which cases a report counts: received in [from, until), and matching every non-empty list.
struct ReportFilter {
  Instant from;
  Instant until;
  std::vector<Kind> kinds;
  std::vector<Channel> channels;
  std::vector<Id> department_ids;
  std::vector<Stage> stages;  // the stage a complaint reached
  std::vector<std::string> services;
};

// What reads the figures of a report's cases hands each to (store.h, ReportStore::FiguresIn).
using FiguresVisitor = std::function<void(const CaseFigures&)>;

// How many cases had one value (a kind, a channel, a reason); reports list the largest first.
struct Tally {
  std::string key;
  std::int64_t count = 0;

  friend bool operator==(const Tally&, const Tally&) = default;
};

// One published standard, or one tier of a tiered standard ("60 % within 1 hour").
struct StandardFigures {
  std::string standard_id;
  std::string name;    // the published wording
  int tier = 0;        // 0: the standard; n: its n-th tier
  std::string target;  // "within 5 working_days", "60% within 1 hours"
  double target_share = 1.0;
  std::int64_t applied = 0;  // cases it applied to (not applicable ones excluded)
  std::int64_t met = 0;
  std::int64_t breached = 0;
  std::int64_t pending = 0;
  std::optional<double> share_met;  // met / (met + breached); none while nothing is settled
  std::optional<bool> target_met;   // share_met ≥ target_share

  friend bool operator==(const StandardFigures&, const StandardFigures&) = default;
};

// A distribution: median and 90th percentile by nearest rank (the smallest value with at least
// that share of values at or below it).
struct Spread {
  std::int64_t count = 0;
  double min = 0;
  double median = 0;
  double p90 = 0;
  double max = 0;
  double mean = 0;

  friend bool operator==(const Spread&, const Spread&) = default;
};

struct OutcomeTally {
  std::optional<Stage> stage;
  Outcome outcome = Outcome::kUpheld;
  std::int64_t count = 0;

  friend bool operator==(const OutcomeTally&, const OutcomeTally&) = default;
};

struct MoneyTotal {
  std::string currency;
  std::int64_t minor_units = 0;
  std::int64_t count = 0;  // remedies that paid it

  friend bool operator==(const MoneyTotal&, const MoneyTotal&) = default;
};

inline constexpr std::size_t kMaxComments = 100;

struct SatisfactionFigures {
  std::int64_t invited = 0;    // resolved or closed cases with a customer to ask
  std::int64_t responses = 0;  // surveys answered
  std::optional<double> response_rate;
  std::array<std::int64_t, 5> scores{};  // how many answered 1 … 5
  std::optional<double> mean_score;
  std::int64_t comment_count = 0;
  std::vector<std::string> comments;  // the newest kMaxComments non-empty ones, newest first

  friend bool operator==(const SatisfactionFigures&, const SatisfactionFigures&) = default;
};

// Preventive actions planned on the cases counted, by where they stand at the report's instant.
// An action done (or verified) "recurred" when a complaint of the same nature was received after
// it was done, among the complaints the report counts.
struct PreventionFigures {
  std::int64_t open = 0;     // planned, not done
  std::int64_t overdue = 0;  // open past their due date
  std::int64_t done = 0;     // done, not yet verified
  std::int64_t verified = 0;
  std::int64_t recurred = 0;
  std::int64_t not_recurred = 0;

  friend bool operator==(const PreventionFigures&, const PreventionFigures&) = default;
};

struct SuggestionFigures {
  std::int64_t received = 0;
  std::int64_t under_review = 0;
  std::int64_t adopted = 0;  // acted on
  std::int64_t not_adopted = 0;
  std::int64_t published = 0;  // shown under "you said, we did"

  friend bool operator==(const SuggestionFigures&, const SuggestionFigures&) = default;
};

// Every figure of a report, for the whole period or for one month of it.
struct PeriodFigures {
  std::int64_t contacts = 0;
  std::int64_t compliments = 0;
  std::int64_t complaints = 0;
  std::vector<Tally> by_kind;
  std::vector<Tally> by_channel;
  std::vector<Tally> by_service;     // "" for none
  std::vector<Tally> by_nature;      // complaints only; "" for none
  std::vector<Tally> by_department;  // department names; "" for none
  std::vector<StandardFigures> standards;
  Spread acknowledge_hours;  // working hours from receipt to the first acknowledgement
  Spread acknowledge_days;   // working days
  Spread reply_hours;
  Spread reply_days;
  std::vector<OutcomeTally> outcomes;
  std::int64_t stage1_resolved = 0;       // complaints with a stage-1 outcome
  std::int64_t escalated = 0;             // complaints that opened stage 2
  std::optional<double> escalation_rate;  // escalated / stage1_resolved
  std::int64_t extended_cases = 0;
  std::vector<Tally> extension_reasons;
  std::vector<Tally> remedies;      // by type
  std::vector<MoneyTotal> redress;  // financial redress and restitution, by currency
  std::vector<Tally> root_causes;
  SatisfactionFigures satisfaction;
  PreventionFigures prevention;
  SuggestionFigures suggestions;

  friend bool operator==(const PeriodFigures&, const PeriodFigures&) = default;
};

struct MonthFigures {
  int month = 0;  // YYYYMM
  PeriodFigures figures;

  friend bool operator==(const MonthFigures&, const MonthFigures&) = default;
};

struct Report {
  ReportFilter filter;
  Instant at;  // pending deadlines past due count as breached from this instant
  PeriodFigures total;
  std::vector<MonthFigures> months;  // each month with a case or a suggestion, in order
};

// A suggestion as a report counts it.
struct SuggestionFigure {
  int month = 0;  // YYYYMM of receipt
  SuggestionStatus status = SuggestionStatus::kReceived;
  bool published = false;
};

// What counting needs besides the cases: the period, the instant pending deadlines are judged
// at, the policy versions the cases were received under (a case under a version missing here
// counts everywhere but in the standards), and the departments' names by id.
struct ReportContext {
  ReportFilter filter;
  Instant at;
  std::map<std::string, std::shared_ptr<const Policy>, std::less<>> policies;
  std::map<Id, std::string> departments;
  // The version whose standards are listed even where no case applied them (the active one);
  // other versions' standards are listed when a case received under them is counted. Empty:
  // every version's in `policies` is listed.
  std::string listed_version;
};

// Counts a report one case at a time, so a report never holds its period's cases: parts of a
// period (each case in one part) are counted side by side, each by a counter of its own, and
// merged. Cases may come in any order.
class ReportCounter {
 public:
  // `context` must outlive the counter.
  explicit ReportCounter(const ReportContext& context);
  ~ReportCounter();
  ReportCounter(ReportCounter&&) noexcept;
  ReportCounter& operator=(ReportCounter&&) noexcept;

  void Add(const CaseFigures& c);
  void Add(const SuggestionFigure& suggestion);
  // Takes over the counts of `other`, which counted other cases under the same context.
  void Merge(ReportCounter&& other);
  Report Finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

struct ReportInputs : ReportContext {
  std::vector<CaseFigures> cases;             // received in the period, matching the filter
  std::vector<SuggestionFigure> suggestions;  // received in the period
};

Report ComputeReport(const ReportInputs& inputs);

}  // namespace caredesk::core
