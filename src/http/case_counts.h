// The case gauges of /metrics, counted from the store's queue at scrape time. One pass over the
// open and paused cases (pages of 500, ordered by next due); cached briefly so that several
// scrapers, or a scrape storm, cost one pass.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>

#include "core/clock.h"
#include "core/store.h"
#include "http/metrics.h"

namespace caredesk::http {

// Counts open cases, those whose next deadline falls due today (UTC day of `now`) and those
// whose next deadline has passed (or is recorded breached).
core::Result<CaseCounts> CountCases(core::CaseStore& store, core::Instant now);

class CachedCaseCounts {
 public:
  // `store` and `clock` must outlive this.
  CachedCaseCounts(core::CaseStore& store, const core::Clock& clock,
                   std::chrono::seconds max_age = std::chrono::seconds(10));
  core::Result<CaseCounts> Get();

 private:
  core::CaseStore& store_;
  const core::Clock& clock_;
  std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::optional<core::Instant> counted_at_;
  CaseCounts counts_;
};

}  // namespace caredesk::http
