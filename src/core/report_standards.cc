#include "core/report_standards.h"

#include <fmt/format.h>

#include <cmath>

namespace caredesk::core {
namespace {

std::string TargetOf(const Tier& tier, bool tiered) {
  if (!tiered) return fmt::format("within {}", ToString(tier.within));
  return fmt::format("{}% within {}", std::lround(tier.share * 100), ToString(tier.within));
}

}  // namespace

StandardRows::StandardRows(
    const std::map<std::string, std::shared_ptr<const Policy>, std::less<>>& policies) {
  std::map<std::tuple<std::string, int, std::string, std::string>, int> known;
  for (const auto& [version, policy] : policies) {
    if (!policy) continue;
    auto& standards = index_[version];
    for (const Standard& standard : policy->standards) {
      const bool tiered = standard.tiers.size() > 1;
      std::vector<int> tiers(standard.tiers.size() + 1, -1);
      // An untiered standard is one row (tier 0); a tiered one a row per tier (1 … n).
      const std::size_t first = tiered ? 1 : 0;
      const std::size_t end = tiered ? tiers.size() : 1;
      for (std::size_t t = first; t < end; ++t) {
        const Tier& tier = standard.tiers[t == 0 ? standard.tiers.size() - 1 : t - 1];
        StandardFigures row;
        row.standard_id = standard.id;
        row.name = standard.name;
        row.tier = static_cast<int>(t);
        row.target = TargetOf(tier, tiered);
        row.target_share = tier.share;
        const auto key = std::tuple(row.standard_id, row.tier, row.target, row.name);
        auto [found, added] = known.emplace(key, static_cast<int>(rows_.size()));
        if (added) rows_.push_back(std::move(row));
        tiers[t] = found->second;
      }
      standards.push_back(std::move(tiers));
    }
  }
}

int StandardRows::RowOf(std::string_view version, std::size_t standard, int tier) const {
  const auto found = index_.find(version);
  if (found == index_.end() || standard >= found->second.size()) return -1;
  const auto& tiers = found->second[standard];
  if (tier < 0 || static_cast<std::size_t>(tier) >= tiers.size()) return -1;
  return tiers[static_cast<std::size_t>(tier)];
}

std::vector<bool> StandardRows::RowsOf(std::string_view version) const {
  std::vector<bool> rows(rows_.size(), false);
  const auto found = index_.find(version);
  if (found == index_.end()) return rows;
  for (const auto& tiers : found->second) {
    for (int row : tiers) {
      if (row >= 0) rows[static_cast<std::size_t>(row)] = true;
    }
  }
  return rows;
}

}  // namespace caredesk::core
