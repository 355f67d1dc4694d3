// The sections of the annual audit report (annual_report.h), one function each, and the small
// pieces they share. Internal to src/print.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/report.h"
#include "print/annual_report.h"
#include "print/document.h"

namespace caredesk::print::annual {

// Deadlines met and settled over a list of standard rows, each case's deadline counted once per
// standard: an untiered standard's row, or a tiered standard's last tier (the case's deadline).
struct DeadlineShare {
  std::int64_t met = 0;
  std::int64_t settled = 0;
  std::optional<double> share;
};
DeadlineShare OverallShare(const std::vector<core::StandardFigures>& standards);

// A standard row's name as a reader tells it from its siblings: a tier adds its target.
std::string RowName(const core::StandardFigures& row);

// "(none recorded)" for the empty key, otherwise the key itself.
std::string KeyText(const std::string& key);

// A table of tallies, with each one's share of `total` when `total` is positive.
Table TallyTable(std::string caption, std::string key_heading, std::string count_heading,
                 const std::vector<core::Tally>& tallies, std::int64_t total);
// The same tallies as a bar chart of counts.
BarChart TallyChart(std::string title, std::string description,
                    const std::vector<core::Tally>& tallies);

Section Summary(const core::PeriodFigures& f, const AnnualContext& context);
Section Standards(const core::PeriodFigures& f);
Section ComplaintAnalysis(const core::PeriodFigures& f);
Section ResponseTimes(const core::PeriodFigures& f, const AnnualContext& context);
Section Outcomes(const core::PeriodFigures& f);
Section RootCauses(const core::PeriodFigures& f);
Section Remedies(const core::PeriodFigures& f);
Section Prevention(const core::PeriodFigures& f);
Section Satisfaction(const core::PeriodFigures& f, const AnnualContext& context);
Section Suggestions(const core::PeriodFigures& f);
Section MonthByMonth(const core::Report& report);
Section Recommendations(const AnnualContext& context);

}  // namespace caredesk::print::annual
