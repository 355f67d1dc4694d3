#include "store/common/timers_sql.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/common/rows.h"
#include "store/common/timer_plan.h"

namespace caredesk::store {
namespace {

using core::Fail;
using core::Result;

// The plan of case `case_id` (locked for the rest of the transaction on PostgreSQL); none when
// the case has no timers row.
Result<std::optional<TimerPlan>> LoadPlan(SqlSession& session, core::Id case_id) {
  std::optional<Result<TimerPlan>> plan;
  auto ran = session.Run(
      fmt::format("SELECT last_number, timers FROM case_timers WHERE case_id = ?{}",
                  session.ForUpdate()),
      {case_id},
      [&](const RowView& row) { plan = DecodeTimers(case_id, row.Int(0), row.TextView(1)); });
  if (!ran) return tl::unexpected(ran.error());
  if (!plan) return std::optional<TimerPlan>();
  if (!*plan) return tl::unexpected(plan->error());
  return std::optional(std::move(**plan));
}

// Writes `plan` back (`exists`: its row is there already). The lease of a claimer stays while a
// timer is due at `now` and unfired (the claimer is about to fire it); otherwise the row is free
// to be claimed as soon as its next timer falls due.
Result<void> SavePlan(SqlSession& session, const TimerPlan& plan, bool exists, core::Instant now) {
  auto text = EncodeTimers(plan);
  if (!text) return tl::unexpected(text.error());
  const auto next = NextFire(plan);
  const SqlArg fire_at = next ? SqlArg(Seconds(*next)) : SqlArg(std::monostate{});
  const bool due_now = next && *next <= now;
  auto saved = exists
                   ? session.Run(fmt::format("UPDATE case_timers SET last_number = ?, timers = ?, "
                                             "fire_at = ?{} WHERE case_id = ?",
                                             due_now ? "" : ", claimed_until = 0"),
                                 {plan.last_number, std::move(*text), fire_at, plan.case_id})
                   : session.Run(
                         "INSERT INTO case_timers (case_id, last_number, timers, fire_at) "
                         "VALUES (?, ?, ?, ?)",
                         {plan.case_id, plan.last_number, std::move(*text), fire_at});
  if (!saved) return tl::unexpected(saved.error());
  return {};
}

tl::unexpected<core::Error> AlreadyFired(core::Id timer_id) {
  return Fail(core::ErrorCode::kConflict, fmt::format("timer {} already fired", timer_id), "timer");
}

// Every timer of the rows `sql` returns (case_id, last_number, timers, reference) that `keep`
// keeps, by fire_at then id.
template <class Keep>
Result<std::vector<core::Timer>> TimersOfRows(SqlSession& session, const std::string& sql,
                                              const std::vector<SqlArg>& args, Keep keep) {
  std::vector<core::Timer> timers;
  std::optional<core::Error> bad;
  auto ran = session.Run(sql, args, [&](const RowView& row) {
    auto plan = DecodeTimers(row.Int(0), row.Int(1), row.TextView(2));
    if (!plan) {
      bad = plan.error();
      return;
    }
    for (auto& timer : plan->timers) {
      if (!keep(timer)) continue;
      timer.reference = row.Text(3);
      timers.push_back(std::move(timer));
    }
  });
  if (!ran) return tl::unexpected(ran.error());
  if (bad) return tl::unexpected(*bad);
  std::sort(timers.begin(), timers.end(), [](const auto& a, const auto& b) {
    return std::pair(a.fire_at, a.id) < std::pair(b.fire_at, b.id);
  });
  return timers;
}

constexpr const char* kPlanColumns =
    "case_id, last_number, timers, "
    "(SELECT reference FROM cases WHERE cases.id = case_timers.case_id)";

}  // namespace

Result<void> CheckUnfired(SqlSession& session, core::Id timer_id) {
  auto plan = LoadPlan(session, CaseOfTimer(timer_id));
  if (!plan) return tl::unexpected(plan.error());
  // Firing it on the plan as read (not saved) finds it missing or fired just as the write will.
  if (!*plan || !MarkFired(**plan, timer_id, core::Instant{})) return AlreadyFired(timer_id);
  return {};
}

Result<void> ChangeTimers(SqlSession& session, core::Id case_id, const TimerChange& change,
                          core::Instant now) {
  if (!change.fired && !change.wanted) return {};
  std::optional<TimerPlan> plan;
  if (!change.fresh) {
    auto loaded = LoadPlan(session, case_id);
    if (!loaded) return tl::unexpected(loaded.error());
    plan = std::move(*loaded);
  }
  const bool exists = plan.has_value();
  if (!plan) plan = TimerPlan{case_id, 0, {}};
  if (change.fired) {
    if (CaseOfTimer(*change.fired) != case_id) return AlreadyFired(*change.fired);
    auto fired = MarkFired(*plan, *change.fired, now);
    if (!fired)
      return fired.error().code == core::ErrorCode::kNotFound ? AlreadyFired(*change.fired) : fired;
  }
  if (change.wanted) {
    if (auto replaced = ReplaceTimers(*plan, *change.wanted); !replaced) return replaced;
  }
  if (!exists && plan->timers.empty()) return {};  // nothing to keep: no row
  return SavePlan(session, *plan, exists, now);
}

Result<std::vector<core::Timer>> ClaimTimers(SqlSession& session, core::Instant now,
                                             std::chrono::seconds lease, int limit) {
  return TimersOfRows(
      session,
      fmt::format("UPDATE case_timers SET claimed_until = ? WHERE case_id IN (SELECT case_id FROM "
                  "case_timers WHERE fire_at <= ? AND claimed_until <= ? ORDER BY fire_at, "
                  "case_id LIMIT ?{}) RETURNING {}",
                  session.SkipLocked(), kPlanColumns),
      {Seconds(now + lease), Seconds(now), Seconds(now), std::int64_t{limit}},
      [&](const core::Timer& timer) { return !timer.fired_at && timer.fire_at <= now; });
}

Result<void> MarkTimerFired(SqlSession& session, core::Id timer_id, core::Instant at) {
  auto plan = LoadPlan(session, CaseOfTimer(timer_id));
  if (!plan) return tl::unexpected(plan.error());
  if (!*plan) return Fail(core::ErrorCode::kNotFound, fmt::format("timer {} not found", timer_id));
  if (auto fired = MarkFired(**plan, timer_id, at); !fired) return fired;
  return SavePlan(session, **plan, /*exists=*/true, at);
}

Result<std::vector<core::Timer>> CaseTimers(SqlSession& session, core::Id case_id) {
  return TimersOfRows(session,
                      fmt::format("SELECT {} FROM case_timers WHERE case_id = ?", kPlanColumns),
                      {case_id}, [](const core::Timer&) { return true; });
}

}  // namespace caredesk::store
