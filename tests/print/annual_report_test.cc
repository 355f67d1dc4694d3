// The annual audit report as a document, before any rendering: its sections in the order the
// issue asks, the figures in words and numbers a reader expects, and the recommendations with what
// supports them.
#include "print/annual_report.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "print/figure_text.h"
#include "sample_report.h"

namespace caredesk::print {
namespace {

const Section* Find(const Document& document, std::string_view heading) {
  for (const auto& section : document.sections) {
    if (section.heading == heading) return &section;
  }
  return nullptr;
}

template <class T>
std::vector<const T*> BlocksOf(const Section& section) {
  std::vector<const T*> found;
  for (const auto& block : section.blocks) {
    if (const T* b = std::get_if<T>(&block)) found.push_back(b);
  }
  return found;
}

bool HasParagraph(const Section& section, std::string_view text) {
  const auto paragraphs = BlocksOf<Paragraph>(section);
  return std::any_of(paragraphs.begin(), paragraphs.end(),
                     [&](const Paragraph* p) { return p->text.find(text) != std::string::npos; });
}

TEST(AnnualReport, HasTheSectionsInTheIssuesOrder) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  std::vector<std::string> headings;
  for (const auto& section : document.sections) headings.push_back(section.heading);
  EXPECT_EQ(
      headings,
      (std::vector<std::string>{
          "Summary", "Performance against the published standards", "Complaint analysis",
          "Time to acknowledge and to reply", "Outcomes and escalation", "Root causes",
          "Remedies and financial redress", "Preventive actions and recurrence", "Satisfaction",
          "Suggestions: you said, we did", "Month by month", "Recommendations"}));
  EXPECT_EQ(document.title, "Annual audit report 2026");
  EXPECT_EQ(document.organisation, "Northshire Council");
}

TEST(AnnualReport, GivesEachStandardRowItsFiguresAndVerdictInWords) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const Section* standards = Find(document, "Performance against the published standards");
  ASSERT_NE(standards, nullptr);
  const auto tables = BlocksOf<Table>(*standards);
  ASSERT_EQ(tables.size(), 1u);
  const auto& rows = tables[0]->rows;
  ASSERT_EQ(rows.size(), 4u);
  // Standard, target, applied, met, breached, pending, share met, result.
  EXPECT_EQ(rows[0], (std::vector<std::string>{
                         "We acknowledge every complaint within 5 working days",
                         "within 5 working days", "3,648", "3,600", "0", "48", "100.0%", "met"}));
  EXPECT_EQ(rows[1][1], "60% within 1 hour");
  EXPECT_EQ(rows[1][6], "70.0%");
  EXPECT_EQ(rows[1][7], "met");
  EXPECT_EQ(rows[2][7], "missed");
  const auto charts = BlocksOf<BarChart>(*standards);
  ASSERT_EQ(charts.size(), 1u);
  ASSERT_EQ(charts[0]->bars.size(), 4u);
  EXPECT_EQ(charts[0]->bars[1].label, "We answer emails quickly (60% within 1 hour)");
  EXPECT_DOUBLE_EQ(*charts[0]->bars[1].target, 0.6);
  EXPECT_EQ(charts[0]->bars[1].value_text, "70.0% (met)");
}

TEST(AnnualReport, AStandardWithNothingSettledSaysSo) {
  core::Report report = sample::YearReport();
  report.total.standards.push_back(
      sample::StandardRow("new", "We visit within 3 days", 0, "within 3 days", 1.0, 0, 0, 5));
  const Document document = AnnualReport(report, sample::Context());
  const Section* standards = Find(document, "Performance against the published standards");
  ASSERT_NE(standards, nullptr);
  const auto& row = BlocksOf<Table>(*standards)[0]->rows.back();
  EXPECT_EQ(row[6], "–");
  EXPECT_EQ(row[7], "nothing settled");
  EXPECT_EQ(BlocksOf<BarChart>(*standards)[0]->bars.back().value_text, "nothing settled");
}

TEST(AnnualReport, CountsEachStandardOnceInTheOverallShare) {
  // Untiered rows and the last tier of a tiered standard: (3600 + 1164 + 3000) met of
  // (3600 + 1200 + 3456) settled.
  const auto overall = AnnualReport(sample::YearReport(), sample::Context());
  const Section* summary = Find(overall, "Summary");
  ASSERT_NE(summary, nullptr);
  const auto& key = BlocksOf<Table>(*summary)[0]->rows;
  const auto found = std::find_if(key.begin(), key.end(), [](const auto& row) {
    return row[0] == "Deadlines met, all standards";
  });
  ASSERT_NE(found, key.end());
  EXPECT_EQ((*found)[1], ShareText(7764.0 / 8256.0) + " of 8,256 settled");
}

TEST(AnnualReport, ShowsRedressPerCurrencyNeverAddedTogether) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const Section* remedies = Find(document, "Remedies and financial redress");
  ASSERT_NE(remedies, nullptr);
  const auto tables = BlocksOf<Table>(*remedies);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->rows[2][0], "Financial redress");
  EXPECT_EQ(tables[1]->rows,
            (std::vector<std::vector<std::string>>{{"EUR", "36", "€11,760.00 EUR"},
                                                   {"GBP", "216", "£14,814.00 GBP"}}));
}

TEST(AnnualReport, SplitsTheMonthsIntoHalfYearTablesOfSharesByStandard) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const Section* months = Find(document, "Month by month");
  ASSERT_NE(months, nullptr);
  EXPECT_TRUE(std::holds_alternative<PageBreak>(months->blocks.front()));
  const auto tables = BlocksOf<Table>(*months);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0]->rows.size(), 12u);
  EXPECT_EQ(tables[0]->rows[0][0], "January 2026");
  EXPECT_EQ(tables[1]->caption, "Share met by standard, January 2026 to June 2026");
  EXPECT_EQ(tables[1]->headings,
            (std::vector<std::string>{"Standard", "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026",
                                      "May 2026", "Jun 2026"}));
  EXPECT_EQ(tables[2]->rows.size(), 4u);
  // July: 300 met, 3 breached.
  EXPECT_EQ(tables[2]->rows[0][1], "99.0%");
}

TEST(AnnualReport, QuotesOnlyTheNewestComments) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const Section* satisfaction = Find(document, "Satisfaction");
  ASSERT_NE(satisfaction, nullptr);
  std::size_t quotes = 0;
  for (const Paragraph* p : BlocksOf<Paragraph>(*satisfaction)) {
    if (p->style == ParagraphStyle::kQuote) ++quotes;
  }
  EXPECT_EQ(quotes, 5u);
  EXPECT_FALSE(HasParagraph(*satisfaction, "Sixth comment"));
  EXPECT_TRUE(HasParagraph(*satisfaction, "The newest 5 of the 1,680 comments"));
}

TEST(AnnualReport, GivesEachRecommendationItsAuthorDateFiguresAndCases) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const Section* recommendations = Find(document, "Recommendations");
  ASSERT_NE(recommendations, nullptr);
  EXPECT_TRUE(HasParagraph(*recommendations, "Recommendation 1"));
  EXPECT_TRUE(
      HasParagraph(*recommendations, "Made by Priya Shah, Head of Customer Care on 14 January"));
  EXPECT_TRUE(HasParagraph(*recommendations, "Cases: CD-2026-000123, CD-2026-004711."));
  const auto lists = BlocksOf<List>(*recommendations);
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0]->items.size(), 2u);
}

TEST(AnnualReport, SaysSoWhenNoRecommendationWasRecorded) {
  AnnualContext context = sample::Context();
  context.recommendations.clear();
  const Document document = AnnualReport(sample::YearReport(), context);
  const Section* recommendations = Find(document, "Recommendations");
  ASSERT_NE(recommendations, nullptr);
  EXPECT_TRUE(HasParagraph(*recommendations, "No recommendations were recorded this year."));
}

TEST(AnnualReport, AnEmptyYearStillMakesEverySection) {
  core::Report empty;
  const Document document = AnnualReport(empty, sample::Context());
  EXPECT_EQ(document.sections.size(), 12u);
  EXPECT_TRUE(HasParagraph(*Find(document, "Complaint analysis"), "No complaint was received"));
  EXPECT_TRUE(HasParagraph(*Find(document, "Month by month"), "No contact was received"));
  EXPECT_TRUE(Validate(document));
}

TEST(FigureText, WritesMoneyWithSymbolDecimalsAndCode) {
  EXPECT_EQ(MoneyText(123450, "GBP"), "£1,234.50 GBP");
  EXPECT_EQ(MoneyText(8000, "EUR"), "€80.00 EUR");
  EXPECT_EQ(MoneyText(5, "USD"), "$0.05 USD");
  EXPECT_EQ(MoneyText(1200, "JPY"), "¥1,200 JPY");
  EXPECT_EQ(MoneyText(1234500, "KWD"), "1,234.500 KWD");
  EXPECT_EQ(MoneyText(-250, "CHF"), "-2.50 CHF");
}

TEST(FigureText, WritesCountsSharesMonthsAndNamesForReaders) {
  EXPECT_EQ(CountText(0), "0");
  EXPECT_EQ(CountText(1234567), "1,234,567");
  EXPECT_EQ(CountText(-1000), "-1,000");
  EXPECT_EQ(ShareText(0.8567), "85.7%");
  EXPECT_EQ(ShareText(std::nullopt), "–");
  EXPECT_EQ(MonthText(202603), "March 2026");
  EXPECT_EQ(ShortMonthText(202612), "Dec 2026");
  EXPECT_EQ(MonthText(202613), "202613");
  EXPECT_EQ(Words("partly_upheld"), "Partly upheld");
  EXPECT_EQ(Words("stage1"), "Stage 1");
  EXPECT_EQ(TargetText("60% within 1 hours"), "60% within 1 hour");
  EXPECT_EQ(TargetText("within 1 working_days"), "within 1 working day");
  EXPECT_EQ(TargetText("within 11 hours"), "within 11 hours");
  EXPECT_EQ(TargetText("within 5 working_days"), "within 5 working days");
}

}  // namespace
}  // namespace caredesk::print
