// Reports against a generated dataset (issue 7), on SQLite and a real PostgreSQL: three years
// of the benchmark dataset's cases (bench/dataset.h, valid histories under the default policy)
// are imported — half with the figures caredesk writes, half without, which FillMissingFigures
// computes — and a year's report is checked against figures this test computes on its own from
// the events (report_expectations.h), never by calling the report code.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/report_service.h"
#include "dataset.h"
#include "report_expectations.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

constexpr std::int64_t kCases = 3000;
constexpr std::int64_t kCustomers = 25;

std::string DefaultPolicyText() {
  std::ifstream in(std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReportContract : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string text = DefaultPolicyText();
    auto policy = core::ParsePolicy(text);
    ASSERT_TRUE(policy);
    policy_ = std::make_shared<const core::Policy>(std::move(*policy));
    ASSERT_TRUE(store_->InstallPolicy(policy_->version, text, clock_.Now()));
    for (int i = 1; i <= kCustomers; ++i) {
      core::CustomerRecord customer;
      customer.name = "Customer " + std::to_string(i);
      customer.email = "customer" + std::to_string(i) + "@example.org";
      ASSERT_TRUE(store_->SaveCustomer(customer));
    }
    bench::DatasetOptions options;
    options.cases = kCases;
    options.seed = 7;
    options.policy = policy_;
    histories_ = bench::GenerateCases(options, 0, kCases, kCustomers);
    std::vector<core::CaseHistory> imported = histories_;
    for (std::size_t i = 0; i < imported.size(); i += 2) imported[i].figures.reset();
    ASSERT_TRUE(store_->ImportCases(imported));
    cases_ = std::make_unique<core::CaseService>(*store_, clock_);
    auto missing = store_->CasesWithoutFigures(10000);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->size(), static_cast<std::size_t>((kCases + 1) / 2));
    auto filled = core::FillMissingFigures(*store_, *cases_, 300);
    ASSERT_TRUE(filled) << filled.error().message;
    EXPECT_EQ(*filled, (kCases + 1) / 2);
    auto none = store_->CasesWithoutFigures(10);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
  }

  core::ReportFilter Year(int year) const {
    const auto& calendar = *policy_->calendar;
    core::ReportFilter filter;
    filter.from = calendar.AtLocal(core::LocalDate{date::year{year} / 1 / 1}, {});
    filter.until = calendar.AtLocal(core::LocalDate{date::year{year + 1} / 1 / 1}, {});
    return filter;
  }

  core::Report Build(const core::ReportFilter& filter) {
    auto report = core::BuildReport(*store_, *cases_, filter, clock_.Now());
    EXPECT_TRUE(report) << report.error().message;
    return report ? std::move(*report) : core::Report{};
  }

  std::shared_ptr<const core::Policy> policy_;
  std::vector<core::CaseHistory> histories_;
  std::unique_ptr<core::CaseService> cases_;
};

std::int64_t CountOf(const std::vector<core::Tally>& tallies, std::string_view key) {
  for (const auto& t : tallies) {
    if (t.key == key) return t.count;
  }
  return 0;
}

const core::StandardFigures* Row(const core::Report& report, std::string_view id, int tier) {
  for (const auto& s : report.total.standards) {
    if (s.standard_id == id && s.tier == tier) return &s;
  }
  return nullptr;
}

TEST_P(ReportContract, CountsContactsByKindChannelAndMonth) {
  const auto filter = Year(2025);
  const Expected expected = ExpectedFigures(histories_, *policy_, filter, clock_.Now());
  const core::Report report = Build(filter);
  ASSERT_GT(expected.contacts, 500);
  EXPECT_EQ(report.total.contacts, expected.contacts);
  EXPECT_EQ(report.total.complaints, expected.complaints);
  EXPECT_EQ(report.total.compliments, expected.compliments);
  for (const auto& [kind, count] : expected.by_kind) {
    EXPECT_EQ(CountOf(report.total.by_kind, kind), count) << kind;
  }
  for (const auto& [channel, count] : expected.by_channel) {
    EXPECT_EQ(CountOf(report.total.by_channel, channel), count) << channel;
  }
  ASSERT_EQ(report.months.size(), expected.by_month.size());
  for (const auto& month : report.months) {
    EXPECT_EQ(month.figures.contacts, expected.by_month.at(month.month)) << month.month;
  }
}

TEST_P(ReportContract, JudgesEveryStandardAsTheEventsSay) {
  const auto filter = Year(2025);
  const Expected expected = ExpectedFigures(histories_, *policy_, filter, clock_.Now());
  const core::Report report = Build(filter);
  for (const auto& [key, want] : expected.standards) {
    const auto* row = Row(report, key.first, key.second);
    ASSERT_NE(row, nullptr) << key.first << " tier " << key.second;
    EXPECT_EQ(row->met, want.met) << key.first << " tier " << key.second;
    EXPECT_EQ(row->breached, want.breached) << key.first << " tier " << key.second;
    EXPECT_EQ(row->pending, want.pending) << key.first << " tier " << key.second;
  }
  const auto* fast = Row(report, "email-answer", 1);
  ASSERT_NE(fast, nullptr);
  EXPECT_EQ(fast->target, "80% within 1 working_days");
  ASSERT_TRUE(fast->share_met);
  EXPECT_EQ(*fast->target_met, *fast->share_met >= 0.8);
}

TEST_P(ReportContract, MeasuresResponseTimesInWorkingHours) {
  const auto filter = Year(2025);
  const Expected expected = ExpectedFigures(histories_, *policy_, filter, clock_.Now());
  const core::Report report = Build(filter);
  EXPECT_EQ(report.total.reply_hours.count, expected.reply_hours.count);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.median, expected.reply_hours.median);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.p90, expected.reply_hours.p90);
  EXPECT_DOUBLE_EQ(report.total.reply_hours.max, expected.reply_hours.max);
  EXPECT_EQ(report.total.acknowledge_hours.count, expected.acknowledge_hours.count);
  EXPECT_DOUBLE_EQ(report.total.acknowledge_hours.median, expected.acknowledge_hours.median);
}

TEST_P(ReportContract, CountsOutcomesRemediesSatisfactionAndPrevention) {
  const auto filter = Year(2025);
  const Expected expected = ExpectedFigures(histories_, *policy_, filter, clock_.Now());
  const core::Report report = Build(filter);
  const auto& t = report.total;
  for (const auto& o : t.outcomes) {
    const auto key = std::pair(o.stage ? std::string(core::ToString(*o.stage)) : "",
                               std::string(core::ToString(o.outcome)));
    EXPECT_EQ(o.count, expected.outcomes.count(key) ? expected.outcomes.at(key) : -1)
        << key.first << " " << key.second;
  }
  EXPECT_EQ(t.outcomes.size(), expected.outcomes.size());
  EXPECT_EQ(t.stage1_resolved, expected.stage1_resolved);
  EXPECT_EQ(t.escalated, expected.escalated);
  EXPECT_GT(t.escalated, 0);
  for (const auto& [type, count] : expected.remedies) EXPECT_EQ(CountOf(t.remedies, type), count);
  ASSERT_EQ(t.redress.size(), expected.redress.size());
  for (const auto& r : t.redress) EXPECT_EQ(r.minor_units, expected.redress.at(r.currency));
  EXPECT_EQ(t.extended_cases, expected.extended_cases);
  EXPECT_EQ(t.satisfaction.responses, expected.responses);
  EXPECT_EQ(t.satisfaction.invited, expected.invited);
  EXPECT_EQ(t.satisfaction.scores, expected.scores);
  EXPECT_EQ(t.prevention.open, expected.actions_open);
  EXPECT_EQ(t.prevention.overdue, expected.actions_overdue);
  EXPECT_EQ(t.prevention.done, expected.actions_done);
  EXPECT_EQ(t.prevention.verified, expected.actions_verified);
}

TEST_P(ReportContract, FiltersByKindAndChannel) {
  auto filter = Year(2025);
  filter.kinds = {core::Kind::kComplaint};
  filter.channels = {core::Channel::kEmail, core::Channel::kWeb};
  const Expected expected = ExpectedFigures(histories_, *policy_, filter, clock_.Now());
  const core::Report report = Build(filter);
  EXPECT_GT(expected.contacts, 50);
  EXPECT_EQ(report.total.contacts, expected.contacts);
  EXPECT_EQ(report.total.complaints, expected.contacts);
  EXPECT_EQ(CountOf(report.total.by_channel, "phone"), 0);
}

TEST_P(ReportContract, CountsTheSuggestionsOfThePeriod) {
  const auto filter = Year(2025);
  const std::pair<const char*, core::SuggestionStatus> made[] = {
      {"2025-02-01T10:00:00Z", core::SuggestionStatus::kAdopted},
      {"2025-02-03T10:00:00Z", core::SuggestionStatus::kNotAdopted},
      {"2025-07-01T10:00:00Z", core::SuggestionStatus::kReceived},
      {"2024-12-31T10:00:00Z", core::SuggestionStatus::kAdopted}};
  for (const auto& [at, status] : made) {
    core::SuggestionRecord s;
    s.text = "an idea";
    s.received_at = *core::ParseInstant(at);
    s.status = status;
    s.published = status == core::SuggestionStatus::kAdopted;
    ASSERT_TRUE(store_->SaveSuggestion(s));
  }
  const core::Report report = Build(filter);
  EXPECT_EQ(report.total.suggestions.received, 3);
  EXPECT_EQ(report.total.suggestions.adopted, 1);
  EXPECT_EQ(report.total.suggestions.not_adopted, 1);
  EXPECT_EQ(report.total.suggestions.published, 1);
  for (const auto& month : report.months) {
    if (month.month == 202502) {
      EXPECT_EQ(month.figures.suggestions.received, 2);
    }
  }
}

TEST_P(ReportContract, RemembersThatEveryCaseHasFiguresUntilAnImportWithoutThem) {
  auto complete = store_->FiguresComplete();
  ASSERT_TRUE(complete) << complete.error().message;
  EXPECT_TRUE(*complete);  // SetUp filled them in
  auto again = core::FillMissingFigures(*store_, *cases_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  bench::DatasetOptions options;
  options.cases = kCases + 1;
  options.seed = 7;
  options.policy = policy_;
  auto later = bench::GenerateCases(options, kCases, 1, kCustomers);
  ASSERT_EQ(later.size(), 1u);
  later[0].figures.reset();
  ASSERT_TRUE(store_->ImportCases(later));
  complete = store_->FiguresComplete();
  ASSERT_TRUE(complete);
  EXPECT_FALSE(*complete);
  auto filled = core::FillMissingFigures(*store_, *cases_);
  ASSERT_TRUE(filled) << filled.error().message;
  EXPECT_EQ(*filled, 1);
  complete = store_->FiguresComplete();
  ASSERT_TRUE(complete);
  EXPECT_TRUE(*complete);
}

TEST_P(ReportContract, WritesFiguresWithEveryCaseWrite) {
  core::NewContact contact;
  contact.kind = core::Kind::kComplaint;
  contact.channel = core::Channel::kEmail;
  contact.received = *core::ParseInstant("2026-11-23T09:00:00Z");
  contact.subject = "No certificate";
  contact.body = "Still waiting";
  contact.nature = "delays";
  contact.logged_by = {"1", "Alex Agent", "AA"};
  auto logged = cases_->LogContact(contact);
  ASSERT_TRUE(logged) << logged.error().message;
  ASSERT_TRUE(cases_->Record(logged->reference,
                             {clock_.Now(), contact.logged_by, core::event::Acknowledged{}}));
  core::ReportFilter filter = Year(2026);
  filter.kinds = {core::Kind::kComplaint};
  std::vector<core::CaseFigures> rows;
  auto read = store_->FiguresIn(filter, [&](const core::CaseFigures& f) { rows.push_back(f); });
  ASSERT_TRUE(read) << read.error().message;
  const auto found = std::find_if(rows.begin(), rows.end(),
                                  [&](const auto& f) { return f.case_id == logged->id; });
  ASSERT_NE(found, rows.end());
  EXPECT_EQ(found->nature, "delays");
  ASSERT_TRUE(found->acknowledged);
  EXPECT_EQ(found->acknowledged->at, clock_.Now());
  EXPECT_EQ(found->acknowledged->open_seconds, 3 * 3600);  // 09:00 to 12:00 on a Monday
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
