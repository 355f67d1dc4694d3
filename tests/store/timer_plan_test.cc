// A case's timers as one row keeps them (store/common/timer_plan.h): the text round-trips, a
// replan keeps what it should, a fired timer never fires again, and bad text is refused.
#include "store/common/timer_plan.h"

#include <gtest/gtest.h>

namespace caredesk::store {
namespace {

using core::TimerAction;
using std::chrono::minutes;

const core::Instant kNoon = *core::ParseInstant("2026-11-23T12:00:00Z");

core::Timer Want(TimerAction action, const std::string& key, core::Instant at) {
  return core::Timer{0, 0, action, key, at, std::nullopt, ""};
}

TimerPlan Planned(core::Id case_id, const std::vector<core::Timer>& wanted) {
  TimerPlan plan{case_id, 0, {}};
  EXPECT_TRUE(ReplaceTimers(plan, wanted));
  return plan;
}

TEST(TimerPlan, AnIdNamesItsCaseAndItsNumber) {
  const core::Id id = TimerId(123456789, 7);
  EXPECT_EQ(CaseOfTimer(id), 123456789);
  EXPECT_EQ(id & ((1 << kTimerNumberBits) - 1), 7);
}

TEST(TimerPlan, TheTextRoundTrips) {
  auto plan =
      Planned(42, {Want(TimerAction::kAcknowledge, "acknowledge", kNoon),
                   Want(TimerAction::kBreachAlert, "breach_alert:reply", kNoon + minutes{90})});
  ASSERT_TRUE(MarkFired(plan, plan.timers[0].id, kNoon + minutes{1}));
  auto text = EncodeTimers(plan);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "1\tacknowledge\tacknowledge\t1795435200\t1795435260\n"
            "2\tbreach_alert\tbreach_alert:reply\t1795440600");
  auto back = DecodeTimers(42, plan.last_number, *text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->last_number, 2);
  ASSERT_EQ(back->timers.size(), 2u);
  EXPECT_EQ(back->timers[0].id, TimerId(42, 1));
  EXPECT_EQ(back->timers[0].case_id, 42);
  EXPECT_EQ(back->timers[0].fired_at, kNoon + minutes{1});
  EXPECT_EQ(back->timers[1].action, TimerAction::kBreachAlert);
  EXPECT_EQ(back->timers[1].key, "breach_alert:reply");
  EXPECT_EQ(back->timers[1].fire_at, kNoon + minutes{90});
  EXPECT_FALSE(back->timers[1].fired_at);
  EXPECT_TRUE(DecodeTimers(42, 0, "")->timers.empty());
}

TEST(TimerPlan, AReplanKeepsFiredAndUnchangedTimersAndNumbersTheRestAfresh) {
  auto plan = Planned(9, {Want(TimerAction::kAcknowledge, "acknowledge", kNoon),
                          Want(TimerAction::kDueSoonAlert, "due_soon_alert:reply", kNoon),
                          Want(TimerAction::kBreachAlert, "breach_alert:reply", kNoon)});
  const core::Id due_soon = plan.timers[1].id;
  ASSERT_TRUE(MarkFired(plan, plan.timers[0].id, kNoon));
  ASSERT_TRUE(ReplaceTimers(
      plan, {Want(TimerAction::kAcknowledge, "acknowledge", kNoon + minutes{5}),
             Want(TimerAction::kDueSoonAlert, "due_soon_alert:reply", kNoon),
             Want(TimerAction::kBreachAlert, "breach_alert:reply", kNoon + minutes{60}),
             Want(TimerAction::kBreachAlert, "breach_alert:reply", kNoon + minutes{30})}));
  ASSERT_EQ(plan.timers.size(), 3u);
  EXPECT_EQ(plan.timers[0].key, "acknowledge");
  EXPECT_EQ(plan.timers[0].fire_at, kNoon) << "a fired timer stays as it fired, never again";
  EXPECT_TRUE(plan.timers[0].fired_at);
  EXPECT_EQ(plan.timers[1].id, due_soon) << "an unchanged timer keeps its id";
  EXPECT_EQ(plan.timers[2].id, TimerId(9, 4)) << "a moved timer is a new one";
  EXPECT_EQ(plan.timers[2].fire_at, kNoon + minutes{60}) << "the first of one key counts";
  EXPECT_EQ(NextFire(plan), kNoon);

  ASSERT_TRUE(ReplaceTimers(plan, {}));
  ASSERT_EQ(plan.timers.size(), 1u) << "unwanted unfired timers go; fired ones stay";
  EXPECT_FALSE(NextFire(plan));
}

TEST(TimerPlan, ATimerFiresOnce) {
  auto plan = Planned(3, {Want(TimerAction::kSurvey, "survey", kNoon)});
  ASSERT_TRUE(MarkFired(plan, TimerId(3, 1), kNoon));
  auto twice = MarkFired(plan, TimerId(3, 1), kNoon);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(twice.error().field, "timer");
  EXPECT_EQ(MarkFired(plan, TimerId(3, 2), kNoon).error().code, core::ErrorCode::kNotFound);
}

TEST(TimerPlan, AKeyThatCannotBeKeptAndTextThatIsNotAPlanAreRefused) {
  auto plan = Planned(5, {Want(TimerAction::kSurvey, "survey\tx", kNoon)});
  auto text = EncodeTimers(plan);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().field, "timers");
  for (const char* bad :
       {"x", "1\tsurvey\tsurvey", "0\tsurvey\tsurvey\t1", "1\tsing\ts\t1",
        "1\tsurvey\tsurvey\tnoon", "1\tsurvey\tsurvey\t1\t", "1\ta\tb\t1\t2\t3"}) {
    auto decoded = DecodeTimers(5, 1, bad);
    ASSERT_FALSE(decoded) << bad;
    EXPECT_EQ(decoded.error().code, core::ErrorCode::kInvalid) << bad;
  }
}

TEST(TimerPlan, ACaseThatUsedEveryNumberIsRefusedANewTimer) {
  TimerPlan plan{5, (std::int64_t{1} << kTimerNumberBits) - 1, {}};
  auto replaced = ReplaceTimers(plan, {Want(TimerAction::kSurvey, "survey", kNoon)});
  ASSERT_FALSE(replaced);
  EXPECT_EQ(replaced.error().field, "timers");
}

}  // namespace
}  // namespace caredesk::store
