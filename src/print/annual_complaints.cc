// The annual report's sections about what complaints were and what came of them: their nature
// and service, outcomes and escalation, root causes, remedies and redress, preventive actions,
// customers' satisfaction and suggestions.
#include <fmt/format.h>

#include <algorithm>

#include "core/case_event.h"
#include "print/annual_sections.h"
#include "print/figure_text.h"

namespace caredesk::print::annual {
namespace {

// Tallies of vocabulary names ("financial_redress") as words ("Financial redress").
std::vector<core::Tally> InWords(std::vector<core::Tally> tallies) {
  for (auto& tally : tallies) tally.key = Words(tally.key);
  return tallies;
}

std::optional<double> ShareOf(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Section ComplaintAnalysis(const core::PeriodFigures& f) {
  Section section{"Complaint analysis", {}};
  if (f.complaints == 0) {
    section.blocks.push_back(Paragraph{"No complaint was received this year."});
  } else {
    section.blocks.push_back(Paragraph{fmt::format(
        "What the {} complaints of the year were about, by the nature recorded on each.",
        CountText(f.complaints))});
    section.blocks.push_back(
        TallyTable("Complaints by nature", "Nature", "Complaints", f.by_nature, f.complaints));
    section.blocks.push_back(TallyChart("Complaints by nature",
                                        "The number of complaints of each nature, largest first.",
                                        f.by_nature));
  }
  if (!f.by_service.empty()) {
    section.blocks.push_back(TallyTable("Contacts by service (every kind of contact)", "Service",
                                        "Contacts", f.by_service, f.contacts));
  }
  if (!f.by_department.empty()) {
    section.blocks.push_back(TallyTable("Contacts by department (every kind of contact)",
                                        "Department", "Contacts", f.by_department, f.contacts));
  }
  return section;
}

Section Outcomes(const core::PeriodFigures& f) {
  Section section{"Outcomes and escalation", {}};
  if (f.outcomes.empty()) {
    section.blocks.push_back(Paragraph{"No outcome was recorded this year."});
  } else {
    Table table{"Outcomes by stage", {"Stage"}, {}, {false}};
    for (const core::Outcome outcome : core::kAllOutcomes) {
      table.headings.push_back(Words(core::ToString(outcome)));
      table.numeric.push_back(true);
    }
    table.headings.push_back("Total");
    table.numeric.push_back(true);
    std::vector<std::optional<core::Stage>> stages(core::kAllStages.begin(),
                                                   core::kAllStages.end());
    stages.push_back(std::nullopt);
    for (const auto& stage : stages) {
      std::vector<std::string> row{stage ? Words(core::ToString(*stage)) : "Not a complaint"};
      std::int64_t total = 0;
      for (const core::Outcome outcome : core::kAllOutcomes) {
        std::int64_t count = 0;
        for (const auto& tally : f.outcomes) {
          if (tally.stage == stage && tally.outcome == outcome) count += tally.count;
        }
        row.push_back(CountText(count));
        total += count;
      }
      if (total == 0) continue;
      row.push_back(CountText(total));
      table.rows.push_back(std::move(row));
    }
    section.blocks.push_back(std::move(table));
  }
  section.blocks.push_back(Paragraph{
      f.stage1_resolved == 0
          ? std::string("No complaint had a stage-1 outcome, so no escalation rate is given.")
          : fmt::format("Of the {} complaints with a stage-1 outcome, {} ({}) were escalated to "
                        "stage 2.",
                        CountText(f.stage1_resolved), CountText(f.escalated),
                        ShareText(f.escalation_rate))});
  return section;
}

Section RootCauses(const core::PeriodFigures& f) {
  Section section{"Root causes", {}};
  if (f.root_causes.empty()) {
    section.blocks.push_back(Paragraph{"No root cause was recorded this year."});
    return section;
  }
  std::int64_t recorded = 0;
  for (const auto& tally : f.root_causes) recorded += tally.count;
  section.blocks.push_back(Paragraph{
      "The root cause recorded when each complaint was resolved, from the policy's list."});
  section.blocks.push_back(
      TallyTable("Root causes of complaints", "Root cause", "Complaints", f.root_causes, recorded));
  return section;
}

Section Remedies(const core::PeriodFigures& f) {
  Section section{"Remedies and financial redress", {}};
  if (f.remedies.empty()) {
    section.blocks.push_back(Paragraph{"No remedy was recorded this year."});
  } else {
    section.blocks.push_back(
        TallyTable("Remedies given", "Remedy", "Times given", InWords(f.remedies), 0));
  }
  if (f.redress.empty()) {
    section.blocks.push_back(Paragraph{"No financial redress was paid."});
    return section;
  }
  Table table{"Financial redress and invoice restitution by currency",
              {"Currency", "Payments", "Total"},
              {},
              {false, true, true}};
  for (const auto& money : f.redress) {
    table.rows.push_back(
        {money.currency, CountText(money.count), MoneyText(money.minor_units, money.currency)});
  }
  section.blocks.push_back(std::move(table));
  section.blocks.push_back(Paragraph{
      "Amounts in different currencies are given separately, never converted or added together.",
      ParagraphStyle::kNote});
  return section;
}

Section Prevention(const core::PeriodFigures& f) {
  Section section{"Preventive actions and recurrence", {}};
  const core::PreventionFigures& p = f.prevention;
  const std::int64_t planned = p.open + p.done + p.verified;
  if (planned == 0) {
    section.blocks.push_back(Paragraph{"No preventive action was planned this year."});
    return section;
  }
  Table table{"Preventive actions by where they stand",
              {"Preventive actions", "Number"},
              {},
              {false, true}};
  table.rows = {{"Planned, not yet done", CountText(p.open)},
                {"of which overdue", CountText(p.overdue)},
                {"Done, not yet verified", CountText(p.done)},
                {"Done and verified", CountText(p.verified)},
                {"All planned", CountText(planned)}};
  section.blocks.push_back(std::move(table));
  const std::int64_t done = p.done + p.verified;
  section.blocks.push_back(Paragraph{
      done == 0 ? std::string("No preventive action was done yet, so whether complaints recurred "
                              "cannot be judged.")
                : fmt::format("Of the {} actions done, complaints of the same nature were received "
                              "again after {} of them and not after the other {}.",
                              CountText(done), CountText(p.recurred), CountText(p.not_recurred))});
  return section;
}

Section Satisfaction(const core::PeriodFigures& f, const AnnualContext& context) {
  Section section{"Satisfaction", {}};
  const core::SatisfactionFigures& s = f.satisfaction;
  if (s.responses == 0) {
    section.blocks.push_back(Paragraph{fmt::format(
        "{} customers were invited to rate how their contact was handled; none answered.",
        CountText(s.invited))});
    return section;
  }
  section.blocks.push_back(Paragraph{fmt::format(
      "{} customers were invited to rate how their contact was handled, and {} answered ({}). "
      "The mean score was {} out of 5.",
      CountText(s.invited), CountText(s.responses), ShareText(s.response_rate),
      s.mean_score ? fmt::format("{:.1f}", *s.mean_score) : "–")});
  BarChart chart{"Satisfaction scores",
                 "How many customers gave each score, from 5 (very satisfied) to 1 (very "
                 "dissatisfied).",
                 ChartScale::kCount,
                 {}};
  for (int score = 5; score >= 1; --score) {
    const std::int64_t count = s.scores[static_cast<std::size_t>(score - 1)];
    chart.bars.push_back(
        {fmt::format("Score {}", score),
         static_cast<double>(count),
         fmt::format("{} ({})", CountText(count), ShareText(ShareOf(count, s.responses))),
         {}});
  }
  section.blocks.push_back(std::move(chart));
  if (s.comments.empty() || context.max_comments == 0) return section;
  const std::size_t quoted = std::min(context.max_comments, s.comments.size());
  section.blocks.push_back(Paragraph{"What customers said", ParagraphStyle::kSubheading});
  for (std::size_t i = 0; i < quoted; ++i) {
    section.blocks.push_back(Paragraph{s.comments[i], ParagraphStyle::kQuote});
  }
  section.blocks.push_back(Paragraph{fmt::format("The newest {} of the {} comments customers left.",
                                                 quoted, CountText(s.comment_count)),
                                     ParagraphStyle::kNote});
  return section;
}

Section Suggestions(const core::PeriodFigures& f) {
  Section section{"Suggestions: you said, we did", {}};
  const core::SuggestionFigures& g = f.suggestions;
  if (g.received == 0) {
    section.blocks.push_back(Paragraph{"No suggestion was received this year."});
    return section;
  }
  Table table{
      "Suggestions received and what became of them", {"Suggestions", "Number"}, {}, {false, true}};
  table.rows = {{"Received", CountText(g.received)},
                {"Under review", CountText(g.under_review)},
                {"Adopted (acted on)", CountText(g.adopted)},
                {"Not adopted", CountText(g.not_adopted)},
                {"Published under \"you said, we did\"", CountText(g.published)}};
  section.blocks.push_back(std::move(table));
  return section;
}

}  // namespace caredesk::print::annual
