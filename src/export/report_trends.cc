// The month-by-month tables of a report: the headline figures of each month, and each standard's
// performance in each month. The share of deadlines met is the annual report's (the same figure
// everywhere it is shown).
#include "export/report_tables.h"
#include "print/annual_sections.h"

namespace caredesk::exports {
namespace {

Cell MedianOf(const core::Spread& spread) {
  if (spread.count == 0) return Empty{};
  return Decimal{spread.median};
}

}  // namespace

Table TrendsTable(const core::Report& report) {
  Table table{"trends",
              "Month by month",
              {"Month", "Contacts", "Complaints", "Compliments", "Deadlines met",
               "Median working hours to acknowledge", "Median working hours to reply",
               "Resolved at stage 1", "Escalated", "Escalation rate", "Extended",
               "Survey responses", "Mean score", "Suggestions"},
              {}};
  for (const auto& [month, f] : report.months) {
    const auto& s = f.satisfaction;
    table.rows.push_back({Month{month}, f.contacts, f.complaints, f.compliments,
                          ShareCell(print::annual::OverallShare(f.standards).share),
                          MedianOf(f.acknowledge_hours), MedianOf(f.reply_hours), f.stage1_resolved,
                          f.escalated, ShareCell(f.escalation_rate), f.extended_cases, s.responses,
                          s.mean_score ? Cell(Decimal{*s.mean_score, 2}) : Cell(Empty{}),
                          f.suggestions.received});
  }
  return table;
}

Table StandardsByMonthTable(const core::Report& report) {
  Table table{"standards_by_month", "Performance against the standards, month by month", {}, {}};
  table.columns.push_back("Month");
  for (auto& column : StandardColumns()) table.columns.push_back(std::move(column));
  for (const auto& [month, f] : report.months) {
    for (const auto& s : f.standards) {
      std::vector<Cell> row{Month{month}};
      for (auto& cell : StandardCells(s)) row.push_back(std::move(cell));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

}  // namespace caredesk::exports
