// The annual report's sections about the published standards: performance against each, the
// time taken to acknowledge and to reply, and the year month by month.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "print/annual_sections.h"
#include "print/figure_text.h"

namespace caredesk::print::annual {
namespace {

// Months per table of shares by standard: six month columns and the standard's name fit across
// A4 portrait.
constexpr std::size_t kMonthsPerTable = 6;

std::string Verdict(const core::StandardFigures& row) {
  if (!row.target_met) return "nothing settled";
  return *row.target_met ? "met" : "missed";
}

using RowKey = std::tuple<std::string, int, std::string, std::string>;

RowKey KeyOf(const core::StandardFigures& row) {
  return {row.standard_id, row.tier, row.target, row.name};
}

void AddSpreadRows(Table& table, std::string_view measure, const core::Spread& hours,
                   const core::Spread& days) {
  for (const auto& [unit, spread] : {std::pair{"working hours", &hours}, {"working days", &days}}) {
    if (spread->count == 0) {
      table.rows.push_back({fmt::format("{}, {}", measure, unit), "0", "–", "–", "–", "–"});
      continue;
    }
    table.rows.push_back({fmt::format("{}, {}", measure, unit), CountText(spread->count),
                          DecimalText(spread->median), DecimalText(spread->p90),
                          DecimalText(spread->min), DecimalText(spread->max)});
  }
}

}  // namespace

Section Standards(const core::PeriodFigures& f) {
  Section section{"Performance against the published standards", {}};
  if (f.standards.empty()) {
    section.blocks.push_back(Paragraph{"No published standard applied to the cases of the year."});
    return section;
  }
  section.blocks.push_back(Paragraph{
      "Each row is one published standard, or one tier of a tiered standard. The share met is "
      "the deadlines met out of those settled (met or breached); pending deadlines are not yet "
      "settled, and a deadline still open after its due time counts as breached. A target is "
      "met when the share met reaches it."});
  Table table{
      "Performance against each published standard",
      {"Standard", "Target", "Applied", "Met", "Breached", "Pending", "Share met", "Result"},
      {},
      {false, false, true, true, true, true, true, false}};
  BarChart chart{"Share of deadlines met, by standard",
                 "For each standard, the share of its settled deadlines that were met; the "
                 "dashed line marks the standard's target share.",
                 ChartScale::kShare,
                 {}};
  for (const auto& row : f.standards) {
    table.rows.push_back({row.name, TargetText(row.target), CountText(row.applied),
                          CountText(row.met), CountText(row.breached), CountText(row.pending),
                          ShareText(row.share_met), Verdict(row)});
    chart.bars.push_back({RowName(row), row.share_met.value_or(0),
                          row.share_met
                              ? fmt::format("{} ({})", ShareText(row.share_met), Verdict(row))
                              : Verdict(row),
                          row.target_share});
  }
  section.blocks.push_back(std::move(table));
  section.blocks.push_back(std::move(chart));
  return section;
}

Section ResponseTimes(const core::PeriodFigures& f, const AnnualContext& context) {
  Section section{"Time to acknowledge and to reply", {}};
  section.blocks.push_back(Paragraph{fmt::format(
      "Times run from receipt to the first acknowledgement and to the first reply, counted in "
      "working hours and working days of the business calendar each case was received under{}. "
      "The median and the 90th percentile are by nearest rank: half of the cases, and nine in "
      "ten, took no longer.",
      context.time_zone.empty() ? "" : fmt::format(" ({})", context.time_zone))});
  Table table{"Time to acknowledge and to reply",
              {"Measure", "Cases", "Median", "90th percentile", "Quickest", "Slowest"},
              {},
              {false, true, true, true, true, true}};
  AddSpreadRows(table, "Acknowledgement", f.acknowledge_hours, f.acknowledge_days);
  AddSpreadRows(table, "Reply", f.reply_hours, f.reply_days);
  section.blocks.push_back(std::move(table));
  if (f.extended_cases == 0) {
    section.blocks.push_back(Paragraph{"No deadline was extended."});
  } else {
    section.blocks.push_back(Paragraph{
        fmt::format("{} cases had a deadline extended, each with a reason told to the customer.",
                    CountText(f.extended_cases))});
    section.blocks.push_back(TallyTable("Reasons for extending a deadline", "Reason", "Extensions",
                                        f.extension_reasons, 0));
  }
  return section;
}

Section MonthByMonth(const core::Report& report) {
  Section section{"Month by month", {PageBreak{}}};
  if (report.months.empty()) {
    section.blocks.push_back(Paragraph{"No contact was received in the period."});
    return section;
  }
  Table totals{"Contacts, complaints and deadlines met by month",
               {"Month", "Contacts", "Complaints", "Compliments", "Deadlines met"},
               {},
               {false, true, true, true, true}};
  for (const auto& month : report.months) {
    const core::PeriodFigures& f = month.figures;
    totals.rows.push_back({MonthText(month.month), CountText(f.contacts), CountText(f.complaints),
                           CountText(f.compliments), ShareText(OverallShare(f.standards).share)});
  }
  section.blocks.push_back(std::move(totals));
  if (report.total.standards.empty()) return section;

  section.blocks.push_back(Paragraph{
      "The share of settled deadlines met under each standard, month by month (– where none "
      "was settled that month)."});
  for (std::size_t first = 0; first < report.months.size(); first += kMonthsPerTable) {
    const std::size_t last = std::min(first + kMonthsPerTable, report.months.size()) - 1;
    Table table{
        fmt::format("Share met by standard, {} to {}", MonthText(report.months[first].month),
                    MonthText(report.months[last].month)),
        {"Standard"},
        {},
        {false}};
    std::vector<std::map<RowKey, const core::StandardFigures*>> by_key;
    for (std::size_t m = first; m <= last; ++m) {
      table.headings.push_back(ShortMonthText(report.months[m].month));
      table.numeric.push_back(true);
      auto& rows = by_key.emplace_back();
      for (const auto& row : report.months[m].figures.standards) rows[KeyOf(row)] = &row;
    }
    for (const auto& row : report.total.standards) {
      std::vector<std::string> cells{RowName(row)};
      for (const auto& rows : by_key) {
        const auto found = rows.find(KeyOf(row));
        cells.push_back(ShareText(found == rows.end() ? std::nullopt : found->second->share_met));
      }
      table.rows.push_back(std::move(cells));
    }
    section.blocks.push_back(std::move(table));
  }
  return section;
}

}  // namespace caredesk::print::annual
