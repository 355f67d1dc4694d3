// The complaints register's reads (ReportStore::ComplaintsIn, issue 7) on SQLite and a real
// PostgreSQL: the benchmark dataset's cases are imported, and a year's complaints are read page by
// page and checked against the imported histories — which cases, in receipt order, each with its
// whole history — and against the filters, the cursor and the limit.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "dataset.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

constexpr std::int64_t kCases = 900;
constexpr std::int64_t kCustomers = 10;

class RegisterContract : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    std::ifstream in(std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml");
    std::stringstream text;
    text << in.rdbuf();
    auto policy = core::ParsePolicy(text.str());
    ASSERT_TRUE(policy);
    policy_ = std::make_shared<const core::Policy>(std::move(*policy));
    ASSERT_TRUE(store_->InstallPolicy(policy_->version, text.str(), clock_.Now()));
    for (int i = 1; i <= kCustomers; ++i) {
      core::CustomerRecord customer;
      customer.name = "Customer " + std::to_string(i);
      customer.email = "customer" + std::to_string(i) + "@example.org";
      ASSERT_TRUE(store_->SaveCustomer(customer));
    }
    bench::DatasetOptions options;
    options.cases = kCases;
    options.seed = 11;
    options.policy = policy_;
    histories_ = bench::GenerateCases(options, 0, kCases, kCustomers);
    ASSERT_TRUE(store_->ImportCases(histories_));
    const auto& calendar = *policy_->calendar;
    year_.from = calendar.AtLocal(core::LocalDate{date::year{2025} / 1 / 1}, {});
    year_.until = calendar.AtLocal(core::LocalDate{date::year{2026} / 1 / 1}, {});
  }

  // Every page of `filter`, `limit` complaints at a time.
  std::vector<core::RegisterCase> ReadAll(const core::ReportFilter& filter, int limit) {
    std::vector<core::RegisterCase> all;
    std::string cursor;
    int pages = 0;
    do {
      auto page = store_->ComplaintsIn(filter, cursor, limit);
      EXPECT_TRUE(page) << page.error().message;
      if (!page) break;
      EXPECT_LE(page->rows.size(), static_cast<std::size_t>(limit));
      for (auto& row : page->rows) all.push_back(std::move(row));
      cursor = page->next_cursor;
      EXPECT_LT(++pages, 1000);
    } while (!cursor.empty() && pages < 1000);
    return all;
  }

  // The imported complaints of `filter`'s period whose channel is one of `channels` (any when
  // empty), by reference.
  std::map<std::string, const core::CaseHistory*> Expected(
      const core::ReportFilter& filter, const std::vector<core::Channel>& channels) const {
    std::map<std::string, const core::CaseHistory*> expected;
    for (const auto& h : histories_) {
      const auto& r = h.record;
      if (r.kind != core::Kind::kComplaint || r.received_at < filter.from ||
          r.received_at >= filter.until) {
        continue;
      }
      if (!channels.empty() &&
          std::find(channels.begin(), channels.end(), r.channel) == channels.end()) {
        continue;
      }
      expected[r.reference] = &h;
    }
    return expected;
  }

  std::shared_ptr<const core::Policy> policy_;
  std::vector<core::CaseHistory> histories_;
  core::ReportFilter year_;
};

TEST_P(RegisterContract, ListsTheYearsComplaintsInReceiptOrderWithTheirHistories) {
  const auto all = ReadAll(year_, 37);
  const auto expected = Expected(year_, {});
  ASSERT_GT(expected.size(), 20u);
  ASSERT_EQ(all.size(), expected.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& row = all[i];
    const auto found = expected.find(row.reference);
    ASSERT_NE(found, expected.end()) << row.reference << " is not a complaint of the year";
    const core::CaseHistory& history = *found->second;
    EXPECT_EQ(row.figures.kind, core::Kind::kComplaint);
    EXPECT_EQ(row.figures.received_at, history.record.received_at);
    EXPECT_EQ(row.figures.nature, history.record.nature);
    ASSERT_EQ(row.events.size(), history.events.size()) << row.reference;
    for (std::size_t e = 0; e < row.events.size(); ++e) {
      EXPECT_EQ(row.events[e].seq, history.events[e].seq);
      EXPECT_EQ(row.events[e].event, history.events[e].event) << row.reference << " event " << e;
    }
    if (i > 0) {
      const auto& before = all[i - 1].figures;
      EXPECT_TRUE(
          before.received_at < row.figures.received_at ||
          (before.received_at == row.figures.received_at && before.case_id < row.figures.case_id))
          << row.reference << " is out of receipt order";
    }
  }
}

TEST_P(RegisterContract, PagesOfAnySizeListTheSameComplaints) {
  const auto one_page = ReadAll(year_, 500);
  const auto small_pages = ReadAll(year_, 1);
  ASSERT_EQ(one_page.size(), small_pages.size());
  for (std::size_t i = 0; i < one_page.size(); ++i) {
    EXPECT_EQ(one_page[i].reference, small_pages[i].reference);
  }
}

TEST_P(RegisterContract, FiltersByChannelAndIgnoresKinds) {
  core::ReportFilter filter = year_;
  filter.channels = {core::Channel::kEmail, core::Channel::kPhone};
  filter.kinds = {core::Kind::kQuestion};  // the register lists complaints whatever this says
  const auto all = ReadAll(filter, 100);
  const auto expected = Expected(year_, filter.channels);
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(all.size(), expected.size());
  for (const auto& row : all) EXPECT_TRUE(expected.contains(row.reference)) << row.reference;
}

TEST_P(RegisterContract, RefusesABadCursorOrLimitNamingIt) {
  auto bad_cursor = store_->ComplaintsIn(year_, "not a cursor", 10);
  ASSERT_FALSE(bad_cursor);
  EXPECT_EQ(bad_cursor.error().field, "cursor");
  for (const int limit : {0, 501}) {
    auto bad_limit = store_->ComplaintsIn(year_, "", limit);
    ASSERT_FALSE(bad_limit);
    EXPECT_EQ(bad_limit.error().field, "limit");
  }
}

TEST_P(RegisterContract, AnEmptyPeriodHasNoComplaints) {
  core::ReportFilter filter = year_;
  filter.from = *core::ParseInstant("2030-01-01T00:00:00Z");
  filter.until = *core::ParseInstant("2031-01-01T00:00:00Z");
  auto page = store_->ComplaintsIn(filter, "", 50);
  ASSERT_TRUE(page) << page.error().message;
  EXPECT_TRUE(page->rows.empty());
  EXPECT_TRUE(page->next_cursor.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, RegisterContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
