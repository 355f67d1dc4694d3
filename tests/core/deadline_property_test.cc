// Properties every deadline must have, over thousands of random receipts: due never before
// receipt, never earlier for a later receipt, working hours add up, and a pause moves the due
// instant by exactly the open time paused.
#include <random>

#include "calendar_test_support.h"
#include "core/deadline.h"

namespace caredesk::core {
namespace {

using std::chrono::seconds;
using testing::Build;
using testing::LondonOffice;

constexpr Unit kUnits[] = {Unit::kWorkingDays, Unit::kWorkingHours, Unit::kHours,
                           Unit::kDays,        Unit::kWeeks,        Unit::kMonths};

class DeadlineProperties : public ::testing::TestWithParam<DeemedReceipt> {
 protected:
  std::shared_ptr<const BusinessCalendar> calendar_ = Build(LondonOffice(GetParam()));
  std::mt19937_64 random_{42};

  Instant RandomInstant() {
    // 2020-01-01 … 2029-12-31
    return Instant{
        seconds{std::uniform_int_distribution<std::int64_t>(1577836800, 1893455999)(random_)}};
  }
  Duration RandomDuration() {
    return {std::uniform_int_distribution<int>(0, 40)(random_),
            kUnits[std::uniform_int_distribution<int>(0, 5)(random_)]};
  }
  Instant Due(Instant r, Duration d) {
    auto due = DueAfter(*calendar_, r, d);
    EXPECT_TRUE(due);
    return due.value_or(r);
  }
};

TEST_P(DeadlineProperties, DueIsNeverBeforeReceipt) {
  for (int i = 0; i < 20000; ++i) {
    const Instant r = RandomInstant();
    const Duration d = RandomDuration();
    ASSERT_GE(Due(r, d), r) << FormatUtc(r) << " + " << ToString(d);
  }
}

TEST_P(DeadlineProperties, DueNeverDecreasesWhenReceiptMovesLater) {
  for (int i = 0; i < 5000; ++i) {
    const Duration d = RandomDuration();
    Instant r = RandomInstant();
    Instant previous = Due(r, d);
    for (int step = 0; step < 8; ++step) {
      r += seconds{std::uniform_int_distribution<int>(1, 36 * 3600)(random_)};
      const Instant due = Due(r, d);
      ASSERT_GE(due, previous) << FormatUtc(r) << " + " << ToString(d);
      previous = due;
    }
  }
}

TEST_P(DeadlineProperties, WorkingHoursFromAnOpeningAddUp) {
  for (int i = 0; i < 5000; ++i) {
    auto opening = calendar_->NextOpening(RandomInstant());
    ASSERT_TRUE(opening);
    const int n = std::uniform_int_distribution<int>(0, 50)(random_);
    const int m = std::uniform_int_distribution<int>(0, 50)(random_);
    const Instant n_then_m = Due(Due(*opening, {n, Unit::kWorkingHours}), {m, Unit::kWorkingHours});
    const Instant n_plus_m = Due(*opening, {n + m, Unit::kWorkingHours});
    if (m == 0 && n > 0) {
      // 0 working hours from a closing instant is the next opening: the same open time.
      ASSERT_EQ(calendar_->OpenSecondsBetween(n_plus_m, n_then_m), 0);
    } else {
      ASSERT_EQ(n_then_m, n_plus_m) << FormatUtc(*opening) << " " << n << "+" << m;
    }
  }
}

TEST_P(DeadlineProperties, APauseMovesTheDueInstantByTheOpenTimePaused) {
  Standard reply;
  reply.id = "reply";
  reply.event = Milestone::kReplied;
  for (int i = 0; i < 3000; ++i) {
    const Unit unit = kUnits[std::uniform_int_distribution<int>(0, 5)(random_)];
    reply.tiers = {{Duration{std::uniform_int_distribution<int>(1, 30)(random_), unit}, 1.0}};
    CaseFacts facts;
    facts.kind = Kind::kComplaint;
    facts.received = RandomInstant();
    const Instant now = facts.received + seconds{400 * 86400};
    auto plain = ComputeDeadlines(*calendar_, {reply}, 0.25, facts, now);
    ASSERT_TRUE(plain);
    const Instant due = *plain->front().due;
    const auto span = (due - facts.received).count();
    if (span <= 0) continue;
    const Instant from =
        facts.received + seconds{std::uniform_int_distribution<std::int64_t>(0, span - 1)(random_)};
    const Instant until =
        from + seconds{std::uniform_int_distribution<std::int64_t>(1, 10 * 86400)(random_)};
    facts.pauses = {{from, until}};
    auto paused = ComputeDeadlines(*calendar_, {reply}, 0.25, facts, now);
    ASSERT_TRUE(paused);
    const Instant moved = *paused->front().due;
    if (IsWorkingUnit(unit)) {
      const auto open_paused = calendar_->OpenSecondsBetween(from, until);
      ASSERT_EQ(calendar_->OpenSecondsBetween(due, moved), open_paused)
          << ToString(reply.within()) << " received " << FormatUtc(facts.received);
      if (open_paused == 0) {
        ASSERT_EQ(moved, due);
      }
    } else {
      ASSERT_EQ(moved - due, until - from);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothDeemedReceiptRules, DeadlineProperties,
                         ::testing::Values(DeemedReceipt::kNextWorkingDay,
                                           DeemedReceipt::kActualDay),
                         [](const auto& info) {
                           return info.param == DeemedReceipt::kNextWorkingDay
                                      ? std::string("NextWorkingDay")
                                      : std::string("ActualDay");
                         });

}  // namespace
}  // namespace caredesk::core
