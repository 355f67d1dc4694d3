// A case's timers as the store keeps them: one row per case (case_timers) holding every timer of
// the case, fired ones too, as text, and the instant its earliest unfired timer falls due. Seven
// timers a case used to be seven rows in a table and two indexes, about a sixth of a new case's
// cost to the SQLite writer; one row and one index entry cost a fraction of that.
//
// A timer's id is its case's id and its number within the case (numbers are never reused, so an
// id names one timer for ever): the store finds the row of any timer id without an index.
// Pure code: the SQL is in timers_sql.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/correspondence.h"
#include "core/error.h"

namespace caredesk::store {

inline constexpr int kTimerNumberBits = 20;  // up to about a million timers over a case's life

struct TimerPlan {
  core::Id case_id = 0;
  std::int64_t last_number = 0;     // the highest number a timer of the case was ever given
  std::vector<core::Timer> timers;  // ids, case ids, keys, instants; no references
};

core::Id TimerId(core::Id case_id, std::int64_t number);
core::Id CaseOfTimer(core::Id timer_id);

// The text of `plan.timers`: one line a timer, "number action key fire_at [fired_at]" separated
// by tabs. A key holding a tab or a line break cannot be kept: kInvalid naming "timers".
core::Result<std::string> EncodeTimers(const TimerPlan& plan);
// The plan `text` and `last_number` of case `case_id` hold; kInvalid when the text is not one
// EncodeTimers wrote.
core::Result<TimerPlan> DecodeTimers(core::Id case_id, std::int64_t last_number,
                                     std::string_view text);

// The case's timers become exactly `wanted`: a fired timer stays (and a wanted timer with its key
// is dropped: it never fires twice); an unfired one stays, with its number, when a wanted timer
// has its key, action and instant; every other unfired one goes; a wanted timer not yet kept is
// added under a new number (kInvalid, naming "timers", once a case has used every number). The
// first of several wanted timers with one key counts.
core::Result<void> ReplaceTimers(TimerPlan& plan, const std::vector<core::Timer>& wanted);

// Marks the unfired timer `timer_id` fired at `at`: kNotFound when the plan has no such timer,
// kConflict ("already fired", field "timer") when it fired before.
core::Result<void> MarkFired(TimerPlan& plan, core::Id timer_id, core::Instant at);

// When the earliest unfired timer falls due; none when every timer has fired.
std::optional<core::Instant> NextFire(const TimerPlan& plan);

}  // namespace caredesk::store
