// The [automation] table of a policy and the timers planned from it: what caredesk will do by
// itself for a case in each state.
#include "core/automation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/case_deadlines.h"
#include "core/policy.h"

namespace caredesk::core {
namespace {

std::string Shipped(const std::string& name) {
  std::ifstream in(std::filesystem::path(CAREDESK_SOURCE_DIR) / "policies" / name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Policy Parse(const std::string& extra) {
  auto policy = ParsePolicy(Shipped("default.toml") + extra);
  EXPECT_TRUE(policy) << (policy ? "" : policy.error().front().reason);
  return policy.value_or(Policy{});
}

TEST(Automation, EverythingIsOnUnlessThePolicySaysOtherwise) {
  const Policy plain = Parse("");
  EXPECT_TRUE(plain.automation.acknowledge);
  EXPECT_TRUE(plain.automation.holding_reply);
  EXPECT_EQ(plain.automation.survey_every, (Duration{90, Unit::kDays}));
  const Policy quiet = Parse(
      "\n[automation]\nacknowledge = false\nsurvey = false\nsurvey_every = \"180 days\"\n"
      "holding_extension = \"5 working_days\"\n");
  EXPECT_FALSE(quiet.automation.acknowledge);
  EXPECT_FALSE(quiet.automation.survey);
  EXPECT_EQ(quiet.automation.survey_every, (Duration{180, Unit::kDays}));
  EXPECT_EQ(quiet.automation.holding_extension, (Duration{5, Unit::kWorkingDays}));
}

TEST(Automation, AWrongValueOrKeyIsAProblemOnItsLine) {
  auto bad = ParsePolicy(Shipped("default.toml") + "\n[automation]\nalerts = \"yes\"\nsend = 1\n");
  ASSERT_FALSE(bad);
  std::string reasons;
  for (const auto& problem : bad.error()) reasons += problem.reason + "\n";
  EXPECT_NE(reasons.find("alerts must be true or false"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("send"), std::string::npos) << reasons;
}

struct Planned {
  Policy policy;
  CaseState state;
  std::vector<Timer> timers;
};

Planned Plan(Channel channel, bool anonymous, CaseStatus status = CaseStatus::kOpen) {
  Planned out{Parse(""), {}, {}};
  out.state.status = status;
  out.state.kind = Kind::kComplaint;
  out.state.channel = channel;
  out.state.anonymous = anonymous;
  out.state.received_at = *ParseInstant("2026-11-23T10:00:00Z");
  if (status == CaseStatus::kClosed) out.state.closed_at = *ParseInstant("2026-11-25T10:00:00Z");
  CaseFacts facts;
  facts.kind = Kind::kComplaint;
  facts.channel = channel;
  facts.anonymous = anonymous;
  facts.received = out.state.received_at;
  auto deadlines = out.policy.Deadlines(facts, out.state.received_at);
  EXPECT_TRUE(deadlines);
  out.timers =
      PlanTimers(out.policy, out.state, deadlines.value_or(std::vector<Deadline>{}), !anonymous);
  return out;
}

bool Has(const std::vector<Timer>& timers, const std::string& key) {
  return std::any_of(timers.begin(), timers.end(), [&](const Timer& t) { return t.key == key; });
}

TEST(PlanTimers, AWrittenComplaintIsAcknowledgedAtOnceAndWatchedUntilItsReply) {
  const auto planned = Plan(Channel::kEmail, false);
  ASSERT_TRUE(Has(planned.timers, "acknowledge"));
  EXPECT_TRUE(Has(planned.timers, "holding_reply:complaint-reply"));
  EXPECT_TRUE(Has(planned.timers, "due_soon_alert:complaint-reply"));
  EXPECT_TRUE(Has(planned.timers, "breach_alert:complaint-reply"));
  for (const auto& timer : planned.timers) {
    if (timer.key == "acknowledge") {
      EXPECT_EQ(timer.fire_at, planned.state.received_at);
    }
    if (timer.key == "breach_alert:complaint-reply") {
      EXPECT_EQ(timer.fire_at, *ParseInstant("2026-12-07T17:30:00Z"));
    }
  }
}

TEST(PlanTimers, CallsAreAcknowledgedByStaffAndAnonymousContactsGetNothingSent) {
  EXPECT_FALSE(Has(Plan(Channel::kPhone, false).timers, "acknowledge"));
  const auto anonymous = Plan(Channel::kWeb, true);
  EXPECT_FALSE(Has(anonymous.timers, "acknowledge"));
  for (const auto& timer : anonymous.timers) EXPECT_NE(timer.action, TimerAction::kHoldingReply);
}

TEST(PlanTimers, AClosedCaseWaitsOnlyForItsSurvey) {
  const auto closed = Plan(Channel::kEmail, false, CaseStatus::kClosed);
  ASSERT_EQ(closed.timers.size(), 1u);
  EXPECT_EQ(closed.timers.front().action, TimerAction::kSurvey);
  EXPECT_EQ(closed.timers.front().fire_at, *ParseInstant("2026-11-26T23:59:59Z"));
}

// The alerts and the holding reply fire when the queue starts to show the deadline as due soon:
// DueSoonAt agrees with ComputeDeadlines' kDueSoon, for every standard of the policy.
TEST(DueSoonAt, IsWhenTheDeadlineTurnsDueSoon) {
  const Planned planned = Plan(Channel::kEmail, false);
  CaseFacts facts;
  facts.kind = Kind::kComplaint;
  facts.channel = Channel::kEmail;
  facts.received = planned.state.received_at;
  const auto deadlines = planned.policy.Deadlines(facts, facts.received);
  ASSERT_TRUE(deadlines);
  int checked = 0;
  for (const auto& deadline : *deadlines) {
    if (!deadline.due || !deadline.start) continue;
    const Standard* standard = planned.policy.FindStandard(deadline.standard_id);
    ASSERT_NE(standard, nullptr);
    const auto at = DueSoonAt(*planned.policy.calendar, *standard, planned.policy.due_soon_share,
                              *deadline.start, *deadline.due);
    ASSERT_TRUE(at);
    ASSERT_LT(*at, *deadline.due) << deadline.standard_id;
    auto status_at = [&](Instant now) {
      const auto all = planned.policy.Deadlines(facts, now);
      if (!all) return DeadlineStatus::kNotApplicable;
      const auto found = std::find_if(all->begin(), all->end(), [&](const Deadline& d) {
        return d.standard_id == deadline.standard_id;
      });
      return found == all->end() ? DeadlineStatus::kNotApplicable : found->status;
    };
    EXPECT_EQ(status_at(*at - std::chrono::seconds{1}), DeadlineStatus::kPending)
        << deadline.standard_id;
    EXPECT_EQ(status_at(*at + std::chrono::seconds{1}), DeadlineStatus::kDueSoon)
        << deadline.standard_id;
    const std::string key = TimerKey(TimerAction::kDueSoonAlert, deadline.standard_id);
    for (const auto& timer : planned.timers) {
      if (timer.key == key) {
        EXPECT_EQ(timer.fire_at, *at) << key;
      }
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace caredesk::core
