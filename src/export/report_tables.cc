#include "export/report_tables.h"

#include <fmt/format.h>

#include <functional>

#include "print/annual_sections.h"
#include "print/figure_text.h"

namespace caredesk::exports {
namespace {

using Figures = core::PeriodFigures;

std::optional<double> ShareOf(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// Tallies with each one's share of `total`; vocabulary keys ("in_person") read as words.
Table TallyTable(std::string name, std::string title, std::string key, std::string count,
                 const std::vector<core::Tally>& tallies, std::int64_t total, bool vocabulary) {
  Table table{std::move(name), std::move(title), {std::move(key), std::move(count), "Share"}, {}};
  for (const auto& t : tallies) {
    table.rows.push_back({vocabulary ? print::Words(t.key) : print::annual::KeyText(t.key), t.count,
                          ShareCell(ShareOf(t.count, total))});
  }
  return table;
}

std::int64_t SumOf(const std::vector<core::Tally>& tallies) {
  std::int64_t sum = 0;
  for (const auto& t : tallies) sum += t.count;
  return sum;
}

// A table of named figures, one a row.
Table FigureTable(std::string name, std::string title, std::vector<std::vector<Cell>> rows) {
  return {std::move(name), std::move(title), {"Figure", "Value"}, std::move(rows)};
}

Table Summary(const Figures& f) {
  return FigureTable("summary", "Summary",
                     {{"Contacts", f.contacts},
                      {"Complaints", f.complaints},
                      {"Compliments", f.compliments},
                      {"Complaints resolved at stage 1", f.stage1_resolved},
                      {"Escalated to stage 2", f.escalated},
                      {"Escalation rate", ShareCell(f.escalation_rate)},
                      {"Cases extended", f.extended_cases}});
}

Table Standards(const Figures& f) {
  Table table{"standards", "Performance against the published standards", StandardColumns(), {}};
  for (const auto& s : f.standards) table.rows.push_back(StandardCells(s));
  return table;
}

void AddSpread(Table& table, std::string measure, std::string unit, const core::Spread& s) {
  if (s.count == 0) {
    table.rows.push_back({std::move(measure), std::move(unit), std::int64_t{0}});
    return;
  }
  table.rows.push_back({std::move(measure), std::move(unit), s.count, Decimal{s.min},
                        Decimal{s.median}, Decimal{s.p90}, Decimal{s.max}, Decimal{s.mean}});
}

Table ResponseTimes(const Figures& f) {
  Table table{"response_times",
              "Response times from receipt",
              {"Measure", "Unit", "Cases", "Min", "Median", "90th percentile", "Max", "Mean"},
              {}};
  AddSpread(table, "Acknowledge", "Working hours", f.acknowledge_hours);
  AddSpread(table, "Acknowledge", "Working days", f.acknowledge_days);
  AddSpread(table, "Reply", "Working hours", f.reply_hours);
  AddSpread(table, "Reply", "Working days", f.reply_days);
  return table;
}

Table Outcomes(const Figures& f) {
  Table table{"outcomes", "Outcomes by stage", {"Stage", "Outcome", "Count"}, {}};
  for (const auto& o : f.outcomes) {
    table.rows.push_back({o.stage ? print::Words(core::ToString(*o.stage)) : "Not a complaint",
                          print::Words(core::ToString(o.outcome)), o.count});
  }
  return table;
}

Table Redress(const Figures& f) {
  Table table{"redress",
              "Financial redress and restitution by currency",
              {"Currency", "Amount", "Payments"},
              {}};
  for (const auto& r : f.redress)
    table.rows.push_back({r.currency, AmountCell(r.minor_units, r.currency), r.count});
  return table;
}

Table Satisfaction(const Figures& f) {
  const auto& s = f.satisfaction;
  std::vector<std::vector<Cell>> rows{
      {"Asked", s.invited},
      {"Responses", s.responses},
      {"Response rate", ShareCell(s.response_rate)},
      {"Mean score (1 to 5)", s.mean_score ? Cell(Decimal{*s.mean_score, 2}) : Cell(Empty{})},
      {"Comments", s.comment_count}};
  for (std::size_t score = 0; score < s.scores.size(); ++score) {
    rows.push_back({fmt::format("Score {}", score + 1), s.scores[score]});
  }
  return FigureTable("satisfaction", "Customer satisfaction", std::move(rows));
}

Table Comments(const Figures& f) {
  Table table{"comments", "Customers' comments (newest first)", {"Comment"}, {}};
  for (const auto& c : f.satisfaction.comments) table.rows.push_back({c});
  return table;
}

Table Prevention(const Figures& f) {
  const auto& p = f.prevention;
  return FigureTable("prevention", "Preventive actions",
                     {{"Open", p.open},
                      {"Overdue", p.overdue},
                      {"Done", p.done},
                      {"Verified", p.verified},
                      {"Recurred after", p.recurred},
                      {"Did not recur after", p.not_recurred}});
}

Table Suggestions(const Figures& f) {
  const auto& g = f.suggestions;
  return FigureTable("suggestions", "Suggestions",
                     {{"Received", g.received},
                      {"Under review", g.under_review},
                      {"Adopted", g.adopted},
                      {"Not adopted", g.not_adopted},
                      {"Published", g.published}});
}

using TableOf = std::function<Table(const core::Report&)>;

// Every table, by name, in order.
const std::vector<std::pair<std::string_view, TableOf>>& Makers() {
  static const std::vector<std::pair<std::string_view, TableOf>> makers = {
      {"summary", [](const core::Report& r) { return Summary(r.total); }},
      {"by_kind",
       [](const core::Report& r) {
         return TallyTable("by_kind", "Contacts by kind", "Kind", "Contacts", r.total.by_kind,
                           r.total.contacts, true);
       }},
      {"by_channel",
       [](const core::Report& r) {
         return TallyTable("by_channel", "Contacts by channel", "Channel", "Contacts",
                           r.total.by_channel, r.total.contacts, true);
       }},
      {"by_service",
       [](const core::Report& r) {
         return TallyTable("by_service", "Contacts by service", "Service", "Contacts",
                           r.total.by_service, r.total.contacts, false);
       }},
      {"by_nature",
       [](const core::Report& r) {
         return TallyTable("by_nature", "Complaints by nature", "Nature", "Complaints",
                           r.total.by_nature, r.total.complaints, false);
       }},
      {"by_department",
       [](const core::Report& r) {
         return TallyTable("by_department", "Contacts by department", "Department", "Contacts",
                           r.total.by_department, r.total.contacts, false);
       }},
      {"standards", [](const core::Report& r) { return Standards(r.total); }},
      {"response_times", [](const core::Report& r) { return ResponseTimes(r.total); }},
      {"outcomes", [](const core::Report& r) { return Outcomes(r.total); }},
      {"extension_reasons",
       [](const core::Report& r) {
         return TallyTable("extension_reasons", "Reasons for extensions", "Reason", "Extensions",
                           r.total.extension_reasons, SumOf(r.total.extension_reasons), false);
       }},
      {"remedies",
       [](const core::Report& r) {
         return TallyTable("remedies", "Remedies by type", "Remedy", "Remedies", r.total.remedies,
                           SumOf(r.total.remedies), true);
       }},
      {"redress", [](const core::Report& r) { return Redress(r.total); }},
      {"root_causes",
       [](const core::Report& r) {
         return TallyTable("root_causes", "Root causes", "Root cause", "Complaints",
                           r.total.root_causes, SumOf(r.total.root_causes), false);
       }},
      {"satisfaction", [](const core::Report& r) { return Satisfaction(r.total); }},
      {"comments", [](const core::Report& r) { return Comments(r.total); }},
      {"prevention", [](const core::Report& r) { return Prevention(r.total); }},
      {"suggestions", [](const core::Report& r) { return Suggestions(r.total); }},
      {"trends", TrendsTable},
      {"standards_by_month", StandardsByMonthTable},
  };
  return makers;
}

}  // namespace

Cell ShareCell(const std::optional<double>& share) {
  if (!share) return Empty{};
  return Share{*share};
}

Cell AmountCell(std::int64_t minor_units, std::string_view currency) {
  const int places = print::CurrencyDecimals(currency);
  double divisor = 1;
  for (int i = 0; i < places; ++i) divisor *= 10;
  return Amount{static_cast<double>(minor_units) / divisor, places};
}

std::vector<std::string> StandardColumns() {
  return {"Standard id", "Standard", "Tier",    "Target",    "Applied",
          "Met",         "Breached", "Pending", "Share met", "Target met"};
}

std::vector<Cell> StandardCells(const core::StandardFigures& s) {
  return {s.standard_id,
          s.name,
          std::int64_t{s.tier},
          print::TargetText(s.target),
          s.applied,
          s.met,
          s.breached,
          s.pending,
          ShareCell(s.share_met),
          s.target_met ? Cell(std::string(*s.target_met ? "Yes" : "No")) : Cell(Empty{})};
}

std::vector<Table> ReportTables(const core::Report& report) {
  std::vector<Table> tables;
  for (const auto& [name, make] : Makers()) tables.push_back(make(report));
  return tables;
}

std::vector<std::string> ReportTableNames() {
  std::vector<std::string> names;
  for (const auto& [name, make] : Makers()) names.emplace_back(name);
  return names;
}

std::optional<Table> ReportTable(const core::Report& report, std::string_view name) {
  for (const auto& [known, make] : Makers()) {
    if (known == name) return make(report);
  }
  return std::nullopt;
}

}  // namespace caredesk::exports
