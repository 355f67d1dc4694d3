// The report's arithmetic on hand-made figures (issue 7): one row per untiered standard and one
// per tier of a tiered one, deadlines open when written turning breached once past due, shares
// and targets, nearest-rank percentiles, recurrence after a preventive action, and the figures'
// stored encoding read back exactly (or refused).
#include "core/report.h"

#include <gtest/gtest.h>

#include "core/case_figures_codec.h"

namespace caredesk::core {
namespace {

Instant At(const char* text) { return *ParseInstant(text); }

Policy TwoStandards() {
  Policy policy;  // the report reads no calendar: months come with the figures
  policy.version = "v1";
  Standard ack;
  ack.id = "ack";
  ack.name = "We acknowledge within 2 days";
  ack.event = Milestone::kAcknowledged;
  ack.tiers = {{*ParseDuration("2 days"), 1.0}};
  Standard answer;
  answer.id = "answer";
  answer.name = "We answer 80% within 1 day, all within 3";
  answer.tiers = {{*ParseDuration("1 days"), 0.8}, {*ParseDuration("3 days"), 1.0}};
  policy.standards = {ack, answer};
  return policy;
}

CaseFigures Case(const char* received, int month) {
  CaseFigures c;
  c.policy_version = "v1";
  c.received_at = At(received);
  c.month = month;
  c.kind = Kind::kComplaint;
  c.nature = "delays";
  return c;
}

ReportInputs Inputs(std::vector<CaseFigures> cases) {
  ReportInputs inputs;
  inputs.filter.from = At("2026-01-01T00:00:00Z");
  inputs.filter.until = At("2027-01-01T00:00:00Z");
  inputs.at = At("2026-06-01T00:00:00Z");
  inputs.cases = std::move(cases);
  inputs.policies.emplace("v1", std::make_shared<const Policy>(TwoStandards()));
  return inputs;
}

TEST(Report, AnUntieredStandardIsOneRowAndATieredOneARowPerTier) {
  const Report report = ComputeReport(Inputs({}));
  ASSERT_EQ(report.total.standards.size(), 3u);
  EXPECT_EQ(report.total.standards[0].standard_id, "ack");
  EXPECT_EQ(report.total.standards[0].tier, 0);
  EXPECT_EQ(report.total.standards[0].target, "within 2 days");
  EXPECT_EQ(report.total.standards[1].tier, 1);
  EXPECT_EQ(report.total.standards[1].target, "80% within 1 days");
  EXPECT_EQ(report.total.standards[2].tier, 2);
  EXPECT_FALSE(report.total.standards[0].share_met);
  EXPECT_TRUE(report.months.empty());
}

TEST(Report, OpenDeadlinesPastDueCountAsBreachedAndSharesMeetTargets) {
  auto met = Case("2026-01-05T10:00:00Z", 202601);
  met.deadlines = {
      {0, 0, DeadlineStatus::kMet, At("2026-01-07T10:00:00Z"), At("2026-01-05T12:00:00Z")},
      {1, 1, DeadlineStatus::kMet, At("2026-01-06T10:00:00Z"), At("2026-01-05T12:00:00Z")},
      {1, 2, DeadlineStatus::kMet, At("2026-01-08T10:00:00Z"), At("2026-01-05T12:00:00Z")}};
  auto late = Case("2026-02-02T10:00:00Z", 202602);
  late.deadlines = {{0, 0, DeadlineStatus::kPending, At("2026-02-04T10:00:00Z"), std::nullopt}};
  auto open = Case("2026-05-31T10:00:00Z", 202605);
  open.deadlines = {{0, 0, DeadlineStatus::kDueSoon, At("2026-06-02T10:00:00Z"), std::nullopt}};
  auto closed = Case("2026-05-01T10:00:00Z", 202605);
  closed.deadlines = {{0, 0, DeadlineStatus::kNotApplicable, std::nullopt, std::nullopt}};
  const Report report = ComputeReport(Inputs({met, late, closed, open}));
  const auto& ack = report.total.standards[0];
  EXPECT_EQ(ack.applied, 3);
  EXPECT_EQ(ack.met, 1);
  EXPECT_EQ(ack.breached, 1);
  EXPECT_EQ(ack.pending, 1);
  EXPECT_DOUBLE_EQ(*ack.share_met, 0.5);
  EXPECT_FALSE(*ack.target_met);
  EXPECT_TRUE(*report.total.standards[1].target_met);
  ASSERT_EQ(report.months.size(), 3u);
  EXPECT_EQ(report.months[1].month, 202602);
  EXPECT_EQ(report.months[1].figures.standards[0].breached, 1);
}

TEST(Report, PercentilesAreByNearestRank) {
  std::vector<CaseFigures> cases;
  for (int hours : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
    auto c = Case("2026-03-02T09:00:00Z", 202603);
    c.replied = ResponseTime{At("2026-03-02T09:00:00Z"), hours * 3600, hours / 8};
    cases.push_back(c);
  }
  const Report report = ComputeReport(Inputs(cases));
  EXPECT_EQ(report.total.reply_hours.count, 10);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.median, 5);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.p90, 9);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.max, 10);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.mean, 5.5);
}

TEST(Report, AComplaintOfTheSameNatureAfterAnActionIsDoneIsARecurrence) {
  auto fixed = Case("2026-01-05T10:00:00Z", 202601);
  fixed.actions = {
      {PreventiveStatus::kDone, At("2026-02-01T00:00:00Z"), At("2026-01-20T00:00:00Z")},
      {PreventiveStatus::kPlanned, At("2026-03-01T00:00:00Z"), std::nullopt}};
  auto again = Case("2026-02-10T10:00:00Z", 202602);
  auto other = Case("2026-03-10T10:00:00Z", 202603);
  other.nature = "staff conduct";
  other.actions = {
      {PreventiveStatus::kVerified, At("2026-04-01T00:00:00Z"), At("2026-03-20T00:00:00Z")}};
  const Report report = ComputeReport(Inputs({fixed, again, other}));
  const auto& p = report.total.prevention;
  EXPECT_EQ(p.open, 1);
  EXPECT_EQ(p.overdue, 1);
  EXPECT_EQ(p.done, 1);
  EXPECT_EQ(p.verified, 1);
  EXPECT_EQ(p.recurred, 1);
  EXPECT_EQ(p.not_recurred, 1);
}

TEST(CaseFiguresCodec, ReadsBackEveryFieldAndRefusesWhatItDidNotWrite) {
  CaseFigures f = Case("2026-01-05T10:00:00Z", 202601);
  f.kind_received = Kind::kQuestion;
  f.anonymous = true;
  f.acknowledged = ResponseTime{At("2026-01-05T11:00:00Z"), 3600, 0};
  f.replied = ResponseTime{At("2026-01-08T11:00:00Z"), 90000, 3};
  f.escalated = true;
  f.extension_reasons = {"a site visit; needed", "leave"};
  f.outcomes = {{Stage::kStage1, Outcome::kNotUpheld}, {Stage::kStage2, Outcome::kUpheld}};
  f.remedies = {{RemedyType::kApology, std::nullopt},
                {RemedyType::kFinancialRedress, Money{2500, "GBP"}}};
  f.root_cause = "staff error";
  f.satisfaction = 4;
  f.satisfaction_comment = "fine,\nthanks";
  f.actions = {{PreventiveStatus::kDone, At("2026-02-01T00:00:00Z"), At("2026-01-20T00:00:00Z")}};
  f.deadlines = {{1, 2, DeadlineStatus::kBreached, At("2026-01-08T10:00:00Z"), std::nullopt}};
  CaseFigures read = Case("2026-01-05T10:00:00Z", 202601);
  ASSERT_TRUE(DecodeFigureDetails(EncodeFigureDetails(f), read));
  EXPECT_EQ(read, f);
  CaseFigures empty = Case("2026-01-05T10:00:00Z", 202601);
  CaseFigures read_empty;
  ASSERT_TRUE(DecodeFigureDetails(EncodeFigureDetails(empty), read_empty));
  EXPECT_TRUE(read_empty.deadlines.empty() && !read_empty.acknowledged);
  for (const char* bad : {"", "2\x1e", "1", "not figures at all"}) {
    auto refused = DecodeFigureDetails(bad, read);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "details");
  }
}

}  // namespace
}  // namespace caredesk::core
