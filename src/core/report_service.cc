#include "core/report_service.h"

#include <fmt/format.h>

#include <future>
#include <iterator>
#include <set>

#include "core/figures_of.h"

namespace caredesk::core {

Result<std::int64_t> FillMissingFigures(Store& store, CaseService& cases, int batch,
                                        const std::function<bool()>& stop) {
  std::int64_t filled = 0;
  while (!stop || !stop()) {
    auto references = store.CasesWithoutFigures(batch);
    if (!references) return tl::unexpected(references.error());
    if (references->empty()) return filled;
    std::vector<CaseFigures> figures;
    for (const auto& reference : *references) {
      auto view = cases.Read(reference);
      if (!view) {
        return Fail(view.error().code, fmt::format("case {}: {}", reference, view.error().message));
      }
      view->figures.case_id = view->record.id;
      figures.push_back(std::move(view->figures));
    }
    if (auto saved = store.SaveFigures(figures); !saved) return tl::unexpected(saved.error());
    filled += static_cast<std::int64_t>(figures.size());
  }
  return filled;
}

Result<void> ValidateFilter(const ReportFilter& filter) {
  if (filter.until <= filter.from) {
    return Fail(ErrorCode::kInvalid, "the period must end after it starts", "until");
  }
  if (filter.until - filter.from > std::chrono::days{3660}) {
    return Fail(ErrorCode::kInvalid, "a report covers at most ten years", "until");
  }
  return {};
}

namespace {

// The figures of `filter`, the second half of its period read on a thread of its own while this
// one reads the first (the store reads on several connections side by side), in receipt order.
Result<std::vector<CaseFigures>> FiguresInHalves(Store& store, const ReportFilter& filter) {
  ReportFilter first = filter;
  ReportFilter second = filter;
  first.until = second.from = filter.from + (filter.until - filter.from) / 2;
  auto later = std::async(std::launch::async, [&] { return store.FiguresIn(second); });
  auto rows = store.FiguresIn(first);
  auto more = later.get();
  if (!rows) return rows;
  if (!more) return more;
  rows->insert(rows->end(), std::make_move_iterator(more->begin()),
               std::make_move_iterator(more->end()));
  return rows;
}

}  // namespace

Result<Report> BuildReport(Store& store, CaseService& cases, const ReportFilter& filter,
                           Instant at) {
  if (auto valid = ValidateFilter(filter); !valid) return tl::unexpected(valid.error());
  ReportInputs inputs;
  inputs.filter = filter;
  inputs.at = at;
  auto figures = FiguresInHalves(store, filter);
  if (!figures) return tl::unexpected(figures.error());
  inputs.cases = std::move(*figures);
  // Every standard the organisation publishes now is listed, applied to cases or not.
  auto active = cases.PolicyOf("");
  if (!active) return tl::unexpected(active.error());
  inputs.policies.emplace((*active)->version, *active);
  std::set<std::string> versions;
  for (const auto& c : inputs.cases) versions.insert(c.policy_version);
  for (const auto& version : versions) {
    if (inputs.policies.contains(version)) continue;
    auto policy = cases.PolicyOf(version);
    if (!policy) return tl::unexpected(policy.error());
    inputs.policies.emplace(version, *policy);
  }
  auto departments = store.ListDepartments();
  if (!departments) return tl::unexpected(departments.error());
  for (const auto& d : *departments) inputs.departments.emplace(d.id, d.name);
  // Suggestions are not cases: the report's other filters do not apply to them.
  auto suggestions = store.SuggestionsReceived(filter.from, filter.until);
  if (!suggestions) return tl::unexpected(suggestions.error());
  for (const auto& s : *suggestions) {
    inputs.suggestions.push_back(
        {MonthOf(*(*active)->calendar, s.received_at), s.status, s.published});
  }
  return ComputeReport(inputs);
}

}  // namespace caredesk::core
