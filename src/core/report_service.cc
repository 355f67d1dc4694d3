#include "core/report_service.h"

#include <fmt/format.h>

#include <future>

#include "core/figures_of.h"

namespace caredesk::core {

Result<std::int64_t> FillMissingFigures(Store& store, CaseService& cases, int batch,
                                        const std::function<bool()>& stop) {
  auto complete = store.FiguresComplete();
  if (!complete) return tl::unexpected(complete.error());
  if (*complete) return 0;
  std::int64_t filled = 0;
  while (!stop || !stop()) {
    auto references = store.CasesWithoutFigures(batch);
    if (!references) return tl::unexpected(references.error());
    if (references->empty()) {
      auto marked = store.MarkFiguresComplete();
      if (!marked) return tl::unexpected(marked.error());
      if (*marked) return filled;
      continue;  // an import without figures came in meanwhile
    }
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

// What a report counts its cases under: every policy version (each case is judged under the one
// it was received under), the active one listed whether its standards applied or not, and the
// departments' names. Returns the active version.
Result<std::shared_ptr<const Policy>> ReadContext(Store& store, CaseService& cases,
                                                  ReportContext& context) {
  auto active = cases.PolicyOf("");
  if (!active) return tl::unexpected(active.error());
  context.policies.emplace((*active)->version, *active);
  context.listed_version = (*active)->version;
  auto versions = store.PolicyVersions();
  if (!versions) return tl::unexpected(versions.error());
  for (const auto& version : *versions) {
    if (context.policies.contains(version.version)) continue;
    auto policy = cases.PolicyOf(version.version);
    if (!policy) return tl::unexpected(policy.error());
    context.policies.emplace(version.version, *policy);
  }
  auto departments = store.ListDepartments();
  if (!departments) return tl::unexpected(departments.error());
  for (const auto& d : *departments) context.departments.emplace(d.id, d.name);
  return *active;
}

// Counts the cases of the context's period: the second half read and counted on a thread of its
// own while this one does the first (the store reads on several connections side by side).
Result<ReportCounter> CountCases(Store& store, const ReportContext& context) {
  ReportFilter first = context.filter;
  ReportFilter second = context.filter;
  first.until = second.from = first.from + (first.until - first.from) / 2;
  ReportCounter earlier(context);
  ReportCounter later(context);
  auto counting = std::async(std::launch::async, [&] {
    return store.FiguresIn(second, [&](const CaseFigures& c) { later.Add(c); });
  });
  auto counted = store.FiguresIn(first, [&](const CaseFigures& c) { earlier.Add(c); });
  auto counted_later = counting.get();
  if (!counted) return tl::unexpected(counted.error());
  if (!counted_later) return tl::unexpected(counted_later.error());
  earlier.Merge(std::move(later));
  return earlier;
}

}  // namespace

Result<Report> BuildReport(Store& store, CaseService& cases, const ReportFilter& filter,
                           Instant at) {
  if (auto valid = ValidateFilter(filter); !valid) return tl::unexpected(valid.error());
  ReportContext context;
  context.filter = filter;
  context.at = at;
  auto active = ReadContext(store, cases, context);
  if (!active) return tl::unexpected(active.error());
  auto counter = CountCases(store, context);
  if (!counter) return tl::unexpected(counter.error());
  // Suggestions are not cases: the report's other filters do not apply to them.
  auto suggestions = store.SuggestionsReceived(filter.from, filter.until);
  if (!suggestions) return tl::unexpected(suggestions.error());
  const auto& calendar = *(*active)->calendar;
  for (const auto& s : *suggestions) {
    counter->Add(SuggestionFigure{MonthOf(calendar, s.received_at), s.status, s.published});
  }
  return std::move(*counter).Finish();
}

}  // namespace caredesk::core
