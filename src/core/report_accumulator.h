// The tallies behind a report (report.h), for the report's own files: one Accumulator per month
// and one for the period, free-text keys interned as small integers. Accumulators of different
// counters (parts of a period counted side by side) merge through a map of their key numbers.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/report.h"
#include "core/report_standards.h"

namespace caredesk::core::report_detail {

// Free-text keys (services, natures, reasons) as small integers, so the per-case work is one
// hash lookup per key and the tallies are arrays.
class Interner {
 public:
  int Of(std::string_view text);
  const std::string& Text(int id) const { return texts_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
  std::vector<std::string> texts_;
};

// One case's interned keys, shared by the period's and the month's accumulators.
struct Keys {
  int service = 0;
  int nature = 0;
  int department = 0;
  int root_cause = 0;
  std::vector<int> reasons;
  std::vector<int> currencies;  // per remedy, -1 without an amount
  std::vector<int> rows;        // per deadline figure, -1 when not counted
};

// A satisfaction comment; a report lists the newest kMaxComments.
struct Comment {
  Instant received_at;
  Id case_id = 0;
  std::string text;
};

struct Accumulator {
  PeriodFigures f;
  std::vector<std::int64_t> kinds, channels, services, natures, departments, reasons, remedies,
      root_causes, outcomes;
  std::vector<std::int64_t> applied, met, breached, pending;  // by standard row
  std::vector<std::int64_t> redress_units, redress_count;     // by currency id
  std::vector<double> ack_hours, ack_days, reply_hours, reply_days;
  std::vector<Comment> comments;                      // at most 2 × kMaxComments, the newest
  std::vector<std::pair<int, Instant>> done_actions;  // nature id, done at

  void Add(const CaseFigures& c, const Keys& k, Instant at);
  void Add(const SuggestionFigure& s);
  // Adds another part's tallies to these (a month's to the year's, or another counter's month):
  // `names[i]` is this accumulator's key number for the other's key i; empty when they share
  // their keys.
  void Merge(const Accumulator& other, const std::vector<int>& names);
};

// The figures of `a`; `last_complaint[nature id]` is when the latest complaint of that nature
// among all counted was received.
PeriodFigures Finish(Accumulator& a, const Interner& names, const StandardRows& standards,
                     const std::vector<Instant>& last_complaint);

}  // namespace caredesk::core::report_detail
