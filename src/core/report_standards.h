// The rows of the standards table of a report: one per standard (one per tier of a tiered
// standard), shared by the policy versions that publish it in the same words and target. Maps
// each (version, standard, tier) a case's deadline names to its row.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/policy.h"
#include "core/report.h"

namespace caredesk::core {

class StandardRows {
 public:
  explicit StandardRows(
      const std::map<std::string, std::shared_ptr<const Policy>, std::less<>>& policies);

  // The row of tier `tier` of standard `standard` of `version`'s policy, or -1 when it is not
  // counted (an unknown version or standard, or tier 0 of a tiered standard, whose tiers count).
  int RowOf(std::string_view version, std::size_t standard, int tier) const;

  // Which rows `version`'s standards map to, by row.
  std::vector<bool> RowsOf(std::string_view version) const;

  // The rows, counts zero, in policy order.
  const std::vector<StandardFigures>& rows() const { return rows_; }

 private:
  std::vector<StandardFigures> rows_;
  // version → standard index → tier → row
  std::map<std::string, std::vector<std::vector<int>>, std::less<>> index_;
};

}  // namespace caredesk::core
