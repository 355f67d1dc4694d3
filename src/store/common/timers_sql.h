// The timers of cases (core/correspondence.h) in SQL both engines run: one case_timers row a case
// (store/common/timer_plan.h says why and how the row holds them). On PostgreSQL a row is locked
// while it is read to be changed, so a firing and a case write never lose each other's change.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/correspondence.h"
#include "store/common/sql_session.h"

namespace caredesk::store {

// Refuses a write that would fire `timer_id` when it fired before or is not there (replaced by a
// write since): kConflict "already fired", field "timer".
core::Result<void> CheckUnfired(SqlSession& session, core::Id timer_id);

// A case write's change to the timers of case `case_id`, at `now`: the timer it fires (of this
// case only), then the timers it wants (CaseEffects::timers). `fresh`: the case is being created
// and has no timers yet.
struct TimerChange {
  std::optional<core::Id> fired;
  const std::vector<core::Timer>* wanted = nullptr;
  bool fresh = false;
};
core::Result<void> ChangeTimers(SqlSession& session, core::Id case_id, const TimerChange& change,
                                core::Instant now);

// Up to `limit` cases with timers due at `now` that have not fired, each claimed until now +
// lease: their due timers, earliest first.
core::Result<std::vector<core::Timer>> ClaimTimers(SqlSession& session, core::Instant now,
                                                   std::chrono::seconds lease, int limit);
// Fires `timer_id` at `at`: kNotFound when there is no such timer, kConflict when it fired.
core::Result<void> MarkTimerFired(SqlSession& session, core::Id timer_id, core::Instant at);
// A case's timers, fired ones too, by fire_at.
core::Result<std::vector<core::Timer>> CaseTimers(SqlSession& session, core::Id case_id);

}  // namespace caredesk::store
