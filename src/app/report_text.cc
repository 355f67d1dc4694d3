#include "app/report_text.h"

#include <fmt/format.h>

namespace caredesk::app {
namespace {

std::string Percent(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f}%", *share * 100) : std::string("-");
}

void Tallies(std::string& out, std::string_view title, const std::vector<core::Tally>& tallies) {
  out += fmt::format("{}:", title);
  if (tallies.empty()) out += " none";
  for (const auto& t : tallies)
    out += fmt::format(" {} {};", t.key.empty() ? "(none)" : t.key, t.count);
  out += "\n";
}

void SpreadLine(std::string& out, std::string_view title, const core::Spread& hours,
                const core::Spread& days) {
  if (hours.count == 0) {
    out += fmt::format("{}: none\n", title);
    return;
  }
  out += fmt::format(
      "{} ({} cases): median {:.1f} working hours ({:.0f} working days), 90th percentile {:.1f} "
      "hours ({:.0f} days), from {:.1f} to {:.1f} hours\n",
      title, hours.count, hours.median, days.median, hours.p90, days.p90, hours.min, hours.max);
}

}  // namespace

std::string ReportText(const core::Report& report, const date::time_zone& zone) {
  const core::PeriodFigures& f = report.total;
  std::string out = fmt::format(
      "Report from {} until {} (at {})\n\n", core::FormatInstant(report.filter.from, zone),
      core::FormatInstant(report.filter.until, zone), core::FormatInstant(report.at, zone));
  out += fmt::format("Contacts: {} ({} complaints, {} compliments)\n", f.contacts, f.complaints,
                     f.compliments);
  Tallies(out, "By kind", f.by_kind);
  Tallies(out, "By channel", f.by_channel);
  Tallies(out, "By service", f.by_service);
  Tallies(out, "Complaints by nature", f.by_nature);
  out += "\nStandards:\n";
  for (const auto& s : f.standards) {
    const std::string verdict =
        !s.target_met ? "nothing settled yet" : (*s.target_met ? "target met" : "target missed");
    out += fmt::format("  {} — {}: {} met of {} settled ({} pending) — {}\n", s.name, s.target,
                       Percent(s.share_met), s.met + s.breached, s.pending, verdict);
  }
  out += "\n";
  SpreadLine(out, "Time to acknowledge", f.acknowledge_hours, f.acknowledge_days);
  SpreadLine(out, "Time to reply", f.reply_hours, f.reply_days);
  out += "\nOutcomes:";
  for (const auto& o : f.outcomes) {
    out += fmt::format(" {} {} {};", o.stage ? core::ToString(*o.stage) : "-",
                       core::ToString(o.outcome), o.count);
  }
  out += fmt::format("\nEscalated to stage 2: {} of {} resolved at stage 1 ({})\n", f.escalated,
                     f.stage1_resolved, Percent(f.escalation_rate));
  out += fmt::format("Extended: {} cases\n", f.extended_cases);
  Tallies(out, "Extension reasons", f.extension_reasons);
  Tallies(out, "Remedies", f.remedies);
  out += "Financial redress:";
  if (f.redress.empty()) out += " none";
  for (const auto& r : f.redress) {
    out += fmt::format(" {} {}.{:02} ({} payments);", r.currency, r.minor_units / 100,
                       r.minor_units % 100, r.count);
  }
  out += "\n";
  Tallies(out, "Root causes", f.root_causes);
  const auto& s = f.satisfaction;
  out += fmt::format("Satisfaction: {} responses of {} asked ({}), mean score {}\n", s.responses,
                     s.invited, Percent(s.response_rate),
                     s.mean_score ? fmt::format("{:.2f}", *s.mean_score) : "-");
  const auto& p = f.prevention;
  out += fmt::format(
      "Preventive actions: {} open ({} overdue), {} done, {} verified; recurred after {}, not "
      "after {}\n",
      p.open, p.overdue, p.done, p.verified, p.recurred, p.not_recurred);
  const auto& g = f.suggestions;
  out += fmt::format("Suggestions: {} received, {} adopted, {} not adopted, {} published\n",
                     g.received, g.adopted, g.not_adopted, g.published);
  return out;
}

}  // namespace caredesk::app
