#include "print/annual_report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "print/annual_sections.h"
#include "print/figure_text.h"

namespace caredesk::print {
namespace annual {

DeadlineShare OverallShare(const std::vector<core::StandardFigures>& standards) {
  std::map<std::string, const core::StandardFigures*, std::less<>> last_tier;
  for (const auto& row : standards) {
    auto& chosen = last_tier[row.standard_id + '\n' + row.name];
    if (chosen == nullptr || row.tier > chosen->tier) chosen = &row;
  }
  DeadlineShare overall;
  for (const auto& [key, row] : last_tier) {
    overall.met += row->met;
    overall.settled += row->met + row->breached;
  }
  if (overall.settled > 0) {
    overall.share = static_cast<double>(overall.met) / static_cast<double>(overall.settled);
  }
  return overall;
}

std::string RowName(const core::StandardFigures& row) {
  return row.tier == 0 ? row.name : fmt::format("{} ({})", row.name, TargetText(row.target));
}

std::string KeyText(const std::string& key) { return key.empty() ? "(none recorded)" : key; }

Table TallyTable(std::string caption, std::string key_heading, std::string count_heading,
                 const std::vector<core::Tally>& tallies, std::int64_t total) {
  Table table{
      std::move(caption), {std::move(key_heading), std::move(count_heading)}, {}, {false, true}};
  if (total > 0) {
    table.headings.push_back("Share");
    table.numeric.push_back(true);
  }
  for (const auto& tally : tallies) {
    table.rows.push_back({KeyText(tally.key), CountText(tally.count)});
    if (total > 0) {
      table.rows.back().push_back(
          ShareText(static_cast<double>(tally.count) / static_cast<double>(total)));
    }
  }
  return table;
}

BarChart TallyChart(std::string title, std::string description,
                    const std::vector<core::Tally>& tallies) {
  BarChart chart{std::move(title), std::move(description), ChartScale::kCount, {}};
  for (const auto& tally : tallies) {
    chart.bars.push_back(
        {KeyText(tally.key), static_cast<double>(tally.count), CountText(tally.count), {}});
  }
  return chart;
}

Section Summary(const core::PeriodFigures& f, const AnnualContext& context) {
  Section section{"Summary", {}};
  section.blocks.push_back(Paragraph{fmt::format(
      "In {} {} received {} contacts, of which {} were complaints and {} compliments.",
      context.year, context.organisation.empty() ? "the organisation" : context.organisation,
      CountText(f.contacts), CountText(f.complaints), CountText(f.compliments))});

  std::int64_t targets_met = 0, unsettled = 0;
  for (const auto& row : f.standards) {
    if (!row.target_met) ++unsettled;
    if (row.target_met.value_or(false)) ++targets_met;
  }
  const DeadlineShare overall = OverallShare(f.standards);
  Table key{"Key figures of the year", {"Figure", "Value"}, {}, {false, true}};
  key.rows = {
      {"Contacts received", CountText(f.contacts)},
      {"Complaints", CountText(f.complaints)},
      {"Compliments", CountText(f.compliments)},
      {"Other contacts", CountText(f.contacts - f.complaints - f.compliments)},
      {"Published standards (and tiers) whose target was met",
       fmt::format("{} of {}", targets_met, f.standards.size())},
      {"Deadlines met, all standards",
       fmt::format("{} of {} settled", ShareText(overall.share), CountText(overall.settled))},
      {"Complaints escalated to stage 2", CountText(f.escalated)},
  };
  if (f.satisfaction.mean_score) {
    key.rows.push_back(
        {"Mean satisfaction score (1 to 5)", fmt::format("{:.1f}", *f.satisfaction.mean_score)});
  }
  section.blocks.push_back(std::move(key));
  if (unsettled > 0) {
    section.blocks.push_back(Paragraph{
        fmt::format("{} of the standards had no deadline settled, so their target cannot be "
                    "judged yet.",
                    unsettled),
        ParagraphStyle::kNote});
  }
  std::vector<core::Tally> kinds = f.by_kind;
  for (auto& tally : kinds) tally.key = Words(tally.key);
  std::vector<core::Tally> channels = f.by_channel;
  for (auto& tally : channels) tally.key = Words(tally.key);
  section.blocks.push_back(TallyTable("Contacts by kind", "Kind", "Contacts", kinds, f.contacts));
  section.blocks.push_back(
      TallyTable("Contacts by channel", "Channel", "Contacts", channels, f.contacts));
  return section;
}

Section Recommendations(const AnnualContext& context) {
  Section section{"Recommendations", {}};
  if (context.recommendations.empty()) {
    section.blocks.push_back(Paragraph{"No recommendations were recorded this year."});
    return section;
  }
  int number = 0;
  for (const auto& recommendation : context.recommendations) {
    section.blocks.push_back(
        Paragraph{fmt::format("Recommendation {}", ++number), ParagraphStyle::kSubheading});
    section.blocks.push_back(Paragraph{recommendation.text});
    section.blocks.push_back(Paragraph{
        fmt::format(
            "Made by {} on {}.",
            recommendation.author.empty() ? "an unnamed author" : recommendation.author,
            recommendation.written_at.empty() ? "an unrecorded date" : recommendation.written_at),
        ParagraphStyle::kNote});
    if (!recommendation.figures.empty()) {
      section.blocks.push_back(Paragraph{"The figures it rests on:"});
      section.blocks.push_back(List{recommendation.figures});
    }
    if (!recommendation.cases.empty()) {
      section.blocks.push_back(
          Paragraph{fmt::format("Cases: {}.", fmt::join(recommendation.cases, ", "))});
    }
  }
  return section;
}

}  // namespace annual

Document AnnualReport(const core::Report& report, const AnnualContext& context) {
  Document document;
  document.title = fmt::format("Annual audit report {}", context.year);
  document.subtitle = context.period.empty()
                          ? fmt::format("Complaints and customer care, {}", context.year)
                          : fmt::format("Complaints and customer care, {}", context.period);
  document.organisation = context.organisation;
  document.generated_at = context.generated_at;
  const core::PeriodFigures& f = report.total;
  document.sections = {
      annual::Summary(f, context),
      annual::Standards(f),
      annual::ComplaintAnalysis(f),
      annual::ResponseTimes(f, context),
      annual::Outcomes(f),
      annual::RootCauses(f),
      annual::Remedies(f),
      annual::Prevention(f),
      annual::Satisfaction(f, context),
      annual::Suggestions(f),
      annual::MonthByMonth(report),
      annual::Recommendations(context),
  };
  return document;
}

}  // namespace caredesk::print
