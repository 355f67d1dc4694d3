// A year's report built by hand, as ComputeReport would hand it over for a mid-sized council
// service: three published standards (one tiered, so four rows), or ten rows for the speed
// check; complaints of several natures; redress in pounds and euros; twelve months; and
// recommendations, one of them hostile HTML.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report.h"
#include "print/annual_report.h"

namespace caredesk::print::sample {

inline core::StandardFigures StandardRow(std::string id, std::string name, int tier,
                                         std::string target, double target_share, std::int64_t met,
                                         std::int64_t breached, std::int64_t pending) {
  core::StandardFigures row;
  row.standard_id = std::move(id);
  row.name = std::move(name);
  row.tier = tier;
  row.target = std::move(target);
  row.target_share = target_share;
  row.met = met;
  row.breached = breached;
  row.pending = pending;
  row.applied = met + breached + pending;
  if (met + breached > 0) {
    row.share_met = static_cast<double>(met) / static_cast<double>(met + breached);
    row.target_met = *row.share_met >= target_share;
  }
  return row;
}

// The published standards: acknowledgement (met), email answers in two tiers (the first met, the
// second missed), the full reply (missed), and one nobody has settled yet.
inline std::vector<core::StandardFigures> Standards(std::int64_t scale) {
  return {
      StandardRow("complaint-ack", "We acknowledge every complaint within 5 working days", 0,
                  "within 5 working_days", 1.0, 300 * scale, 0, 4 * scale),
      StandardRow("email-answer", "We answer emails quickly", 1, "60% within 1 hours", 0.6,
                  70 * scale, 30 * scale, 0),
      StandardRow("email-answer", "We answer emails quickly", 2, "100% within 24 hours", 1.0,
                  97 * scale, 3 * scale, 0),
      StandardRow("complaint-reply", "We give a full reply within 20 working days", 0,
                  "within 20 working_days", 1.0, 250 * scale, 38 * scale, 22 * scale),
  };
}

// Six more untiered standards, for a report of ten rows.
inline void AddMoreStandards(std::vector<core::StandardFigures>& rows, std::int64_t scale) {
  const std::vector<std::string> names = {
      "We return phone calls within 1 working day",
      "We answer letters within 10 working days",
      "We decide on a reasonable adjustment within 5 working days",
      "We send a holding reply before a reply is late",
      "We review a stage 2 complaint within 20 working days",
      "We refer a contact about another body within 2 working days"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto n = static_cast<std::int64_t>(i);
    rows.push_back(StandardRow("extra-" + std::to_string(i), names[i], 0, "within 5 working_days",
                               0.9, (80 + 3 * n) * scale, (5 + n) * scale, scale));
  }
}

inline core::PeriodFigures Figures(std::int64_t scale, bool ten_standards) {
  core::PeriodFigures f;
  f.contacts = 1240 * scale;
  f.complaints = 310 * scale;
  f.compliments = 95 * scale;
  f.by_kind = {{"question", 520 * scale},        {"complaint", 310 * scale},
               {"service_request", 240 * scale}, {"compliment", 95 * scale},
               {"suggestion", 50 * scale},       {"adjustment_request", 25 * scale}};
  f.by_channel = {{"email", 610 * scale},
                  {"web", 380 * scale},
                  {"phone", 170 * scale},
                  {"post", 60 * scale},
                  {"in_person", 20 * scale}};
  f.by_service = {{"Council tax", 420 * scale},
                  {"Waste collection", 390 * scale},
                  {"Housing repairs", 330 * scale},
                  {"", 100 * scale}};
  f.by_nature = {{"Missed collection", 120 * scale},
                 {"Staff conduct", 70 * scale},
                 {"Billing error", 65 * scale},
                 {"Delay", 45 * scale},
                 {"", 10 * scale}};
  f.by_department = {
      {"Environment", 390 * scale}, {"Revenues", 420 * scale}, {"Housing", 330 * scale}};
  f.standards = Standards(scale);
  if (ten_standards) AddMoreStandards(f.standards, scale);
  f.acknowledge_hours = {1190 * scale, 0.2, 6.5, 30.0, 61.5, 10.1};
  f.acknowledge_days = {1190 * scale, 0, 1, 4, 8, 1.4};
  f.reply_hours = {1100 * scale, 1.0, 38.0, 120.5, 300.0, 52.3};
  f.reply_days = {1100 * scale, 0, 5, 16, 40, 7.1};
  f.outcomes = {{core::Stage::kInformal, core::Outcome::kUpheld, 40 * scale},
                {core::Stage::kStage1, core::Outcome::kUpheld, 60 * scale},
                {core::Stage::kStage1, core::Outcome::kPartlyUpheld, 50 * scale},
                {core::Stage::kStage1, core::Outcome::kNotUpheld, 110 * scale},
                {core::Stage::kStage2, core::Outcome::kNotUpheld, 18 * scale},
                {core::Stage::kStage2, core::Outcome::kUpheld, 6 * scale},
                {std::nullopt, core::Outcome::kWithdrawn, 3 * scale}};
  f.stage1_resolved = 220 * scale;
  f.escalated = 24 * scale;
  f.escalation_rate = 24.0 / 220.0;
  f.extended_cases = 17 * scale;
  f.extension_reasons = {{"Awaiting a contractor's report", 11 * scale},
                         {"Agreed with the customer", 6 * scale}};
  f.remedies = {{"apology", 120 * scale},
                {"provide_service", 80 * scale},
                {"financial_redress", 21 * scale},
                {"staff_training", 9 * scale}};
  f.redress = {{"EUR", 98'000 * scale, 3 * scale}, {"GBP", 123'450 * scale, 18 * scale}};
  f.root_causes = {{"Process not followed", 90 * scale},
                   {"Contractor failure", 70 * scale},
                   {"Unclear information", 40 * scale}};
  f.satisfaction.invited = 900 * scale;
  f.satisfaction.responses = 300 * scale;
  f.satisfaction.response_rate = 300.0 / 900.0;
  f.satisfaction.scores = {20 * scale, 25 * scale, 55 * scale, 100 * scale, 100 * scale};
  f.satisfaction.mean_score = 3.78;
  f.satisfaction.comment_count = 140 * scale;
  f.satisfaction.comments = {"The bin crew came back the same day — thank you.",
                             "Très bien, merci.",
                             "Took far too long to hear back <b>at all</b>.",
                             "Helpful on the phone.",
                             "Fine.",
                             "Sixth comment, not quoted."};
  f.prevention = {4, 1, 3, 5, 2, 6};
  f.suggestions = {50 * scale, 12 * scale, 20 * scale, 18 * scale, 15 * scale};
  return f;
}

inline core::Report YearReport(bool ten_standards = false) {
  core::Report report;
  report.total = Figures(12, ten_standards);
  for (int month = 1; month <= 12; ++month) {
    core::PeriodFigures f = Figures(1, ten_standards);
    // Each month a little different, so the month tables are not twelve copies.
    for (auto& row : f.standards) {
      row.breached += month % 4;
      row.applied += month % 4;
      if (row.met + row.breached > 0) {
        row.share_met = static_cast<double>(row.met) / static_cast<double>(row.met + row.breached);
        row.target_met = *row.share_met >= row.target_share;
      }
    }
    f.contacts += month * 7;
    report.months.push_back({2026 * 100 + month, std::move(f)});
  }
  return report;
}

inline AnnualContext Context() {
  AnnualContext context;
  context.organisation = "Northshire Council";
  context.year = 2026;
  context.period = "1 January 2026 to 31 December 2026";
  context.time_zone = "Europe/London";
  context.generated_at = "3 February 2027 at 10:15 (Europe/London)";
  context.recommendations = {
      {"Agree a same-day return visit with the waste contractor for every missed collection.",
       "Priya Shah, Head of Customer Care",
       "14 January 2027",
       {"Missed collection: 1,440 complaints, the largest nature",
        "Contractor failure: 840 root causes"},
       {"CD-2026-000123", "CD-2026-004711"}},
      {"<script>alert(1)</script> Review the email triage rota.",
       "A. N. Auditor",
       "20 January 2027",
       {"60% within 1 hour: 70.0% met"},
       {}},
  };
  return context;
}

}  // namespace caredesk::print::sample
