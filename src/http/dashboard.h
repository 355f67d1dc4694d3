// The manager dashboard's figures: open cases, those whose next deadline falls due today (the
// organisation's day, in the policy's time zone) and those breached, counted by department and
// by stage, and the oldest open cases. One pass over the open and paused cases, as /metrics
// counts them (case_counts.h), cached briefly so that a room of managers costs one pass.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/policy.h"
#include "core/store.h"

namespace caredesk::http {

struct OpenCaseTally {
  std::int64_t open = 0;
  std::int64_t due_today = 0;
  std::int64_t breached = 0;
};

struct DashboardFigures {
  core::Instant as_of;
  core::LocalDate today;
  OpenCaseTally total;
  std::map<std::optional<core::Id>, OpenCaseTally> by_department;  // nullopt: not yet routed
  std::map<std::optional<core::Stage>, OpenCaseTally> by_stage;    // nullopt: not a complaint
  std::vector<core::CaseRecord> oldest;  // by received instant, oldest first
};

// Counts the open and paused cases at `now`; "today" is `calendar`'s local day of `now`. Keeps
// the `oldest_kept` earliest received.
core::Result<DashboardFigures> SummariseOpenCases(core::CaseStore& store,
                                                  const core::BusinessCalendar& calendar,
                                                  core::Instant now, std::size_t oldest_kept);

class CachedDashboard {
 public:
  static constexpr std::size_t kOldestKept = 50;
  // `store` and `clock` must outlive this.
  CachedDashboard(core::CaseStore& store, const core::Clock& clock,
                  std::chrono::seconds max_age = std::chrono::seconds(5));
  // The figures under `policy`'s calendar, counted afresh when older than max_age or when
  // another policy version is active.
  core::Result<DashboardFigures> Get(const core::Policy& policy);

 private:
  core::CaseStore& store_;
  const core::Clock& clock_;
  std::chrono::seconds max_age_;
  std::mutex mutex_;
  std::string counted_with_;  // the policy version
  std::optional<DashboardFigures> figures_;
};

}  // namespace caredesk::http
