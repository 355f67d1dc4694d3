// A report as the tables exports write: every table present under its stable name, vocabulary
// names as words, shares and amounts typed, and one row a month in the trends.
#include "export/report_tables.h"

#include <gtest/gtest.h>

#include "export/complaints_register.h"

namespace caredesk::exports {
namespace {

core::StandardFigures Standard(std::string id, int tier, std::string target, std::int64_t met,
                               std::int64_t breached) {
  core::StandardFigures s;
  s.standard_id = std::move(id);
  s.name = "Answer emails";
  s.tier = tier;
  s.target = std::move(target);
  s.applied = met + breached;
  s.met = met;
  s.breached = breached;
  s.share_met = static_cast<double>(met) / static_cast<double>(met + breached);
  s.target_met = true;
  return s;
}

core::Report SampleReport() {
  core::Report report;
  auto& f = report.total;
  f.contacts = 10;
  f.complaints = 4;
  f.by_kind = {{"complaint", 4}, {"question", 6}};
  f.by_channel = {{"in_person", 10}};
  f.by_nature = {{"fees", 3}, {"", 1}};
  f.standards = {Standard("email-answer", 1, "60% within 1 hours", 3, 1),
                 Standard("email-answer", 2, "100% within 24 hours", 4, 0)};
  f.acknowledge_hours = {4, 1.0, 2.5, 6.0, 7.25, 3.0};
  f.outcomes = {{core::Stage::kStage1, core::Outcome::kPartlyUpheld, 2}};
  f.redress = {{"GBP", 12550, 2}, {"JPY", 1200, 1}};
  f.satisfaction.scores = {0, 0, 1, 2, 3};
  f.satisfaction.comments = {"=not a formula"};
  report.months = {{202601, f}, {202602, core::PeriodFigures{}}};
  return report;
}

const Table& Named(const std::vector<Table>& tables, std::string_view name) {
  for (const auto& t : tables) {
    if (t.name == name) return t;
  }
  ADD_FAILURE() << "no table " << name;
  static const Table none;
  return none;
}

TEST(ReportTables, HasEveryTableUnderItsStableName) {
  const auto tables = ReportTables(SampleReport());
  const auto names = ReportTableNames();
  ASSERT_EQ(tables.size(), names.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    EXPECT_EQ(tables[i].name, names[i]);
    EXPECT_FALSE(tables[i].title.empty());
    EXPECT_LE(tables[i].name.size(), 31u) << "a worksheet name holds 31 characters";
    for (const auto& row : tables[i].rows) {
      EXPECT_LE(row.size(), tables[i].columns.size()) << tables[i].name;
    }
  }
  for (const char* name :
       {"by_kind", "by_channel", "by_service", "by_nature", "by_department", "standards",
        "response_times", "outcomes", "extension_reasons", "remedies", "redress", "root_causes",
        "satisfaction", "prevention", "suggestions", "trends", "standards_by_month"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
  EXPECT_FALSE(ReportTable(SampleReport(), "no_such_table"));
}

TEST(ReportTables, TalliesReadAsWordsWithTheirShares) {
  const auto tables = ReportTables(SampleReport());
  const Table& channels = Named(tables, "by_channel");
  ASSERT_EQ(channels.rows.size(), 1u);
  EXPECT_EQ(channels.rows[0][0], Cell(std::string("In person")));
  EXPECT_EQ(channels.rows[0][1], Cell(std::int64_t{10}));
  EXPECT_EQ(channels.rows[0][2], Cell(Share{1.0}));
  const Table& natures = Named(tables, "by_nature");
  ASSERT_EQ(natures.rows.size(), 2u);
  EXPECT_EQ(natures.rows[0][0], Cell(std::string("fees")));  // a policy's own word stays
  EXPECT_EQ(natures.rows[0][2], Cell(Share{0.75}));          // of the complaints
  EXPECT_EQ(natures.rows[1][0], Cell(std::string("(none recorded)")));
}

TEST(ReportTables, StandardsListEveryTierWithItsShareAndVerdict) {
  const Table standards = *ReportTable(SampleReport(), "standards");
  ASSERT_EQ(standards.rows.size(), 2u);
  EXPECT_EQ(standards.columns[8], "Share met");
  const auto& first = standards.rows[0];
  EXPECT_EQ(first[0], Cell(std::string("email-answer")));
  EXPECT_EQ(first[2], Cell(std::int64_t{1}));
  EXPECT_EQ(first[3], Cell(std::string("60% within 1 hour")));
  EXPECT_EQ(first[5], Cell(std::int64_t{3}));
  EXPECT_EQ(first[6], Cell(std::int64_t{1}));
  EXPECT_EQ(first[8], Cell(Share{0.75}));
  EXPECT_EQ(first[9], Cell(std::string("Yes")));
}

TEST(ReportTables, ResponseTimesOutcomesAndRedressAreTyped) {
  const auto tables = ReportTables(SampleReport());
  const Table& times = Named(tables, "response_times");
  ASSERT_EQ(times.rows.size(), 4u);
  EXPECT_EQ(times.rows[0][2], Cell(std::int64_t{4}));
  EXPECT_EQ(times.rows[0][4], Cell(Decimal{2.5}));
  EXPECT_EQ(times.rows[1].size(), 3u) << "no spread without a case";
  const Table& outcomes = Named(tables, "outcomes");
  ASSERT_EQ(outcomes.rows.size(), 1u);
  EXPECT_EQ(outcomes.rows[0][0], Cell(std::string("Stage 1")));
  EXPECT_EQ(outcomes.rows[0][1], Cell(std::string("Partly upheld")));
  const Table& redress = Named(tables, "redress");
  ASSERT_EQ(redress.rows.size(), 2u);
  EXPECT_EQ(redress.rows[0][1], Cell(Amount{125.5, 2}));
  EXPECT_EQ(redress.rows[1][1], Cell(Amount{1200, 0}));  // the yen has no minor unit
}

TEST(ReportTables, SatisfactionHasTheScoreDistribution) {
  const Table satisfaction = *ReportTable(SampleReport(), "satisfaction");
  const auto row = std::find_if(satisfaction.rows.begin(), satisfaction.rows.end(),
                                [](const auto& r) { return r[0] == Cell(std::string("Score 5")); });
  ASSERT_NE(row, satisfaction.rows.end());
  EXPECT_EQ((*row)[1], Cell(std::int64_t{3}));
  const Table comments = *ReportTable(SampleReport(), "comments");
  ASSERT_EQ(comments.rows.size(), 1u);
  EXPECT_EQ(comments.rows[0][0], Cell(std::string("=not a formula")));  // CSV guards it
}

TEST(ReportTables, TrendsHaveOneRowAMonthAndTheStandardsOfEach) {
  const Table trends = *ReportTable(SampleReport(), "trends");
  ASSERT_EQ(trends.rows.size(), 2u);
  EXPECT_EQ(trends.rows[0][0], Cell(Month{202601}));
  EXPECT_EQ(trends.rows[0][1], Cell(std::int64_t{10}));
  // The deadlines met: each case's deadline once, from the standard's last tier (4 of 4).
  EXPECT_EQ(trends.rows[0][4], Cell(Share{1.0}));
  EXPECT_EQ(trends.rows[1][4], Cell(Empty{}));
  const Table by_month = *ReportTable(SampleReport(), "standards_by_month");
  ASSERT_EQ(by_month.rows.size(), 2u);  // two tiers in January, nothing in February
  EXPECT_EQ(by_month.columns.front(), "Month");
  EXPECT_EQ(by_month.rows[1][0], Cell(Month{202601}));
}

TEST(ComplaintsRegister, RemediesAndActionsReadAsText) {
  core::Remedy refund{core::RemedyType::kFinancialRedress, "the fee refunded",
                      core::Money{5000, "GBP"}};
  EXPECT_EQ(RemedyText(refund), "Financial redress, £50.00 GBP: the fee refunded");
  EXPECT_EQ(RemedyText({core::RemedyType::kApology, "", std::nullopt}), "Apology");
  RegisterAction action{"Retrain the counter staff", "Mo", core::PreventiveStatus::kDone,
                        core::LocalDate{date::year{2026} / 4 / 30},
                        core::LocalDate{date::year{2026} / 4 / 12}};
  EXPECT_EQ(ActionText(action),
            "Retrain the counter staff (done; due 2026-04-30, done 2026-04-12)");
}

TEST(ComplaintsRegister, HasNoColumnAboutTheCustomer) {
  for (const auto& column : RegisterColumns()) {
    EXPECT_EQ(column.find("Customer"), std::string::npos) << column;
    EXPECT_EQ(column.find("Email"), std::string::npos) << column;
  }
  RegisterEntry entry;
  entry.reference = "CD-2026-000001";
  entry.outcomes = {{core::Stage::kStage1, core::Outcome::kUpheld}};
  const auto cells = RegisterCells(entry);
  ASSERT_EQ(cells.size(), RegisterColumns().size());
  EXPECT_EQ(cells[0], Cell(std::string("CD-2026-000001")));
  const auto columns = RegisterColumns();
  const auto stage1 = std::find(columns.begin(), columns.end(), "Outcome (Stage 1)");
  ASSERT_NE(stage1, columns.end());
  EXPECT_EQ(cells[static_cast<std::size_t>(stage1 - columns.begin())], Cell(std::string("Upheld")));
}

}  // namespace
}  // namespace caredesk::exports
