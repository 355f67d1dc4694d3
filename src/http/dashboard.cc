#include "http/dashboard.h"

#include <algorithm>

namespace caredesk::http {
namespace {

void Tally(OpenCaseTally& tally, bool due_today, bool breached) {
  ++tally.open;
  if (due_today) ++tally.due_today;
  if (breached) ++tally.breached;
}

bool ReceivedEarlier(const core::CaseRecord& a, const core::CaseRecord& b) {
  return a.received_at != b.received_at ? a.received_at < b.received_at : a.reference < b.reference;
}

}  // namespace

core::Result<DashboardFigures> SummariseOpenCases(core::CaseStore& store,
                                                  const core::BusinessCalendar& calendar,
                                                  core::Instant now, std::size_t oldest_kept) {
  DashboardFigures figures;
  figures.as_of = now;
  figures.today = calendar.LocalDay(now);
  const auto day_start = calendar.AtLocal(figures.today, std::chrono::seconds(0));
  const auto day_end = calendar.AtLocal(figures.today + date::days(1), std::chrono::seconds(0));
  core::QueueQuery query;
  query.statuses = {core::CaseStatus::kOpen, core::CaseStatus::kPaused};
  query.limit = 500;
  while (true) {
    auto page = store.Queue(query);
    if (!page) return tl::unexpected(page.error());
    for (auto& record : page->rows) {
      const bool due_today =
          record.next_due && *record.next_due >= day_start && *record.next_due < day_end;
      const bool breached = record.next_status == core::DeadlineStatus::kBreached ||
                            (record.next_due && *record.next_due < now &&
                             record.next_status != core::DeadlineStatus::kPaused);
      Tally(figures.total, due_today, breached);
      Tally(figures.by_department[record.department_id], due_today, breached);
      Tally(figures.by_stage[record.stage], due_today, breached);
      // A bounded max-heap on received instant: its front is the newest of the oldest kept.
      auto& oldest = figures.oldest;
      if (oldest.size() < oldest_kept) {
        oldest.push_back(std::move(record));
        std::push_heap(oldest.begin(), oldest.end(), ReceivedEarlier);
      } else if (!oldest.empty() && ReceivedEarlier(record, oldest.front())) {
        std::pop_heap(oldest.begin(), oldest.end(), ReceivedEarlier);
        oldest.back() = std::move(record);
        std::push_heap(oldest.begin(), oldest.end(), ReceivedEarlier);
      }
    }
    if (page->next_cursor.empty()) break;
    query.cursor = page->next_cursor;
  }
  std::sort_heap(figures.oldest.begin(), figures.oldest.end(), ReceivedEarlier);
  return figures;
}

CachedDashboard::CachedDashboard(core::CaseStore& store, const core::Clock& clock,
                                 std::chrono::seconds max_age)
    : store_(store), clock_(clock), max_age_(max_age) {}

core::Result<DashboardFigures> CachedDashboard::Get(const core::Policy& policy) {
  const auto now = clock_.Now();
  std::lock_guard lock(mutex_);
  if (figures_ && counted_with_ == policy.version && now >= figures_->as_of &&
      now - figures_->as_of < max_age_) {
    return *figures_;
  }
  auto figures = SummariseOpenCases(store_, *policy.calendar, now, kOldestKept);
  if (!figures) return figures;
  figures_ = std::move(*figures);
  counted_with_ = policy.version;
  return *figures_;
}

}  // namespace caredesk::http
