#include "http/case_counts.h"

namespace caredesk::http {

core::Result<CaseCounts> CountCases(core::CaseStore& store, core::Instant now) {
  const auto day_start = std::chrono::floor<std::chrono::days>(now);
  const auto day_end = day_start + std::chrono::days(1);
  core::QueueQuery query;
  query.statuses = {core::CaseStatus::kOpen, core::CaseStatus::kPaused};
  query.limit = 500;
  CaseCounts counts;
  while (true) {
    auto page = store.Queue(query);
    if (!page) return tl::unexpected(page.error());
    for (const auto& record : page->rows) {
      ++counts.open_cases;
      const bool recorded_breached = record.next_status == core::DeadlineStatus::kBreached;
      if (record.next_due && *record.next_due >= day_start && *record.next_due < day_end) {
        ++counts.deadlines_due_today;
      }
      if (recorded_breached || (record.next_due && *record.next_due < now &&
                                record.next_status != core::DeadlineStatus::kPaused)) {
        ++counts.deadlines_breached;
      }
    }
    if (page->next_cursor.empty()) break;
    query.cursor = page->next_cursor;
  }
  return counts;
}

CachedCaseCounts::CachedCaseCounts(core::CaseStore& store, const core::Clock& clock,
                                   std::chrono::seconds max_age)
    : store_(store), clock_(clock), max_age_(max_age) {}

core::Result<CaseCounts> CachedCaseCounts::Get() {
  const auto now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (counted_at_ && now - *counted_at_ < max_age_ && now >= *counted_at_) return counts_;
  auto counts = CountCases(store_, now);
  if (!counts) return counts;
  counts_ = *counts;
  counted_at_ = now;
  return counts_;
}

}  // namespace caredesk::http
