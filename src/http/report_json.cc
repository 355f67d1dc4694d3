#include "http/report_json.h"

#include <fmt/format.h>

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

template <class T>
Json Optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json TalliesJson(const std::vector<core::Tally>& tallies) {
  Json out = Json::array();
  for (const auto& t : tallies) out.push_back({{"key", t.key}, {"count", t.count}});
  return out;
}

Json SpreadJson(const core::Spread& s) {
  return {{"count", s.count}, {"min", s.min}, {"median", s.median},
          {"p90", s.p90},     {"max", s.max}, {"mean", s.mean}};
}

Json StandardJson(const core::StandardFigures& s) {
  return {{"standard", s.standard_id},
          {"name", s.name},
          {"tier", s.tier},
          {"target", s.target},
          {"target_share", s.target_share},
          {"applied", s.applied},
          {"met", s.met},
          {"breached", s.breached},
          {"pending", s.pending},
          {"share_met", Optional(s.share_met)},
          {"target_met", Optional(s.target_met)}};
}

Json OutcomesJson(const std::vector<core::OutcomeTally>& outcomes) {
  Json out = Json::array();
  for (const auto& o : outcomes) {
    out.push_back({{"stage", o.stage ? Json(core::ToString(*o.stage)) : Json(nullptr)},
                   {"outcome", core::ToString(o.outcome)},
                   {"count", o.count}});
  }
  return out;
}

Json SatisfactionJson(const core::SatisfactionFigures& s) {
  Json scores = Json::object();
  for (std::size_t i = 0; i < s.scores.size(); ++i) scores[std::to_string(i + 1)] = s.scores[i];
  return {{"invited", s.invited},
          {"responses", s.responses},
          {"response_rate", Optional(s.response_rate)},
          {"scores", std::move(scores)},
          {"mean_score", Optional(s.mean_score)},
          {"comment_count", s.comment_count},
          {"comments", s.comments}};
}

Json MonthName(int month) { return fmt::format("{:04}-{:02}", month / 100, month % 100); }

}  // namespace

Json PeriodJson(const core::PeriodFigures& f) {
  Json standards = Json::array();
  for (const auto& s : f.standards) standards.push_back(StandardJson(s));
  Json redress = Json::array();
  for (const auto& r : f.redress) {
    redress.push_back(
        {{"currency", r.currency}, {"minor_units", r.minor_units}, {"count", r.count}});
  }
  const auto& p = f.prevention;
  const auto& g = f.suggestions;
  return {
      {"contacts", f.contacts},
      {"compliments", f.compliments},
      {"complaints", f.complaints},
      {"by_kind", TalliesJson(f.by_kind)},
      {"by_channel", TalliesJson(f.by_channel)},
      {"by_service", TalliesJson(f.by_service)},
      {"by_nature", TalliesJson(f.by_nature)},
      {"by_department", TalliesJson(f.by_department)},
      {"standards", std::move(standards)},
      {"acknowledge",
       {{"working_hours", SpreadJson(f.acknowledge_hours)},
        {"working_days", SpreadJson(f.acknowledge_days)}}},
      {"reply",
       {{"working_hours", SpreadJson(f.reply_hours)}, {"working_days", SpreadJson(f.reply_days)}}},
      {"outcomes", OutcomesJson(f.outcomes)},
      {"escalation",
       {{"stage1_resolved", f.stage1_resolved},
        {"escalated", f.escalated},
        {"rate", Optional(f.escalation_rate)}}},
      {"extensions", {{"cases", f.extended_cases}, {"reasons", TalliesJson(f.extension_reasons)}}},
      {"remedies", TalliesJson(f.remedies)},
      {"redress", std::move(redress)},
      {"root_causes", TalliesJson(f.root_causes)},
      {"satisfaction", SatisfactionJson(f.satisfaction)},
      {"prevention",
       {{"open", p.open},
        {"overdue", p.overdue},
        {"done", p.done},
        {"verified", p.verified},
        {"recurred", p.recurred},
        {"not_recurred", p.not_recurred}}},
      {"suggestions",
       {{"received", g.received},
        {"under_review", g.under_review},
        {"adopted", g.adopted},
        {"not_adopted", g.not_adopted},
        {"published", g.published}}}};
}

Json ReportJson(const core::Report& report, const date::time_zone& zone) {
  const auto& filter = report.filter;
  Json kinds = Json::array();
  for (auto k : filter.kinds) kinds.push_back(core::ToString(k));
  Json channels = Json::array();
  for (auto c : filter.channels) channels.push_back(core::ToString(c));
  Json stages = Json::array();
  for (auto s : filter.stages) stages.push_back(core::ToString(s));
  Json months = Json::array();
  for (const auto& m : report.months) {
    Json month = PeriodJson(m.figures);
    month["month"] = MonthName(m.month);
    months.push_back(std::move(month));
  }
  return {{"from", core::FormatInstant(filter.from, zone)},
          {"until", core::FormatInstant(filter.until, zone)},
          {"at", core::FormatInstant(report.at, zone)},
          {"filter",
           {{"kind", std::move(kinds)},
            {"channel", std::move(channels)},
            {"stage", std::move(stages)},
            {"department_id", filter.department_ids},
            {"service", filter.services}}},
          {"total", PeriodJson(report.total)},
          {"months", std::move(months)}};
}

}  // namespace caredesk::http
