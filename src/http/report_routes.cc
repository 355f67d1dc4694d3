// GET /api/v1/reports/performance: every figure of issue 7's reports for a period (a year, or
// from/until local dates) and filters (kind, channel, stage, service, department_id), for the
// whole period and month by month, each case judged under the policy version it was received
// under. For whoever may read reports (managers, auditors, admins); the figures are the whole
// organisation's, like the dashboard's.
// GET and POST /api/v1/reports/recommendations: the annual report's recommendations of a year,
// which managers write during the year with the figures and cases that support them.
#include "core/report_filter.h"
#include "core/report_service.h"
#include "http/admin_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/queue_query.h"
#include "http/report_json.h"
#include "http/report_query.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

constexpr std::string_view kKnown[] = {"year",    "from",  "until",         "kind",
                                       "channel", "stage", "department_id", "service"};

using Json = nlohmann::json;

Json RecommendationJson(const core::Recommendation& r, const date::time_zone& zone) {
  return {{"id", r.id},
          {"year", r.year},
          {"text", r.text},
          {"figures", r.figures},
          {"cases", r.case_references},
          {"author", r.author_name},
          {"written_at", core::FormatInstant(r.written_at, zone)}};
}

// The year asked for (query `year`), this year in the organisation's zone by default.
core::Result<int> YearOf(const Request& request, const core::Policy& policy, core::Instant now) {
  core::ReportParameters parameters;
  parameters.year = std::string(request.Query("year").value_or(""));
  auto filter = core::ReportFilterOf(parameters, *policy.calendar, now);
  if (!filter) return tl::unexpected(filter.error());
  const date::year_month_day day{policy.calendar->LocalDay(filter->from)};
  return static_cast<int>(day.year());
}

Response ListRecommendations(const CaseApi& api, const Request& request) {
  return AsStaff(request, api.authenticator, core::StaffAction::kReadReports, [&](const auto&) {
    constexpr std::string_view kYearOnly[] = {"year"};
    if (auto known = OnlyKnownParameters(request, kYearOnly); !known) {
      return ErrorResponse(known.error());
    }
    auto policy = api.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    auto year = YearOf(request, **policy, api.clock.Now());
    if (!year) return ErrorResponse(year.error());
    auto listed = api.store.Recommendations(*year);
    if (!listed) return ErrorResponse(listed.error());
    Json rows = Json::array();
    for (const auto& r : *listed)
      rows.push_back(RecommendationJson(r, (*policy)->calendar->zone()));
    return JsonResponse(200, {{"year", *year}, {"recommendations", std::move(rows)}});
  });
}

// {"year", "text", "figures"?: [text], "cases"?: [reference]}
Response AddRecommendation(const CaseApi& api, const Request& request) {
  return AsStaff(request, api.authenticator, core::StaffAction::kRecommend, [&](const auto& who) {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    JsonReader read(*body, "");
    core::Recommendation r;
    const auto year = read.Id("year");
    r.text = read.Text("text");
    r.figures = read.Texts("figures");
    r.case_references = read.Texts("cases");
    read.RejectUnknown();
    if (auto done = read.Done(); !done) return ErrorResponse(done.error());
    r.year = static_cast<int>(std::min<std::int64_t>(*year, 100000));
    r.author_id = who.principal.id;
    r.author_name = who.staff ? who.staff->name : "";
    r.written_at = api.clock.Now();
    auto saved = api.store.SaveRecommendation(r);
    if (!saved) return ErrorResponse(saved.error());
    auto policy = api.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    return JsonResponse(201, RecommendationJson(*saved, (*policy)->calendar->zone()));
  });
}

}  // namespace

void AddReportRoutes(Router& router, const CaseApi& api) {
  router.Add("GET", "/api/v1/reports/recommendations",
             [&api](const Request& r, const RouteParams&) { return ListRecommendations(api, r); });
  router.Add("POST", "/api/v1/reports/recommendations",
             [&api](const Request& r, const RouteParams&) { return AddRecommendation(api, r); });
  router.Add(
      "GET", "/api/v1/reports/performance", [&api](const Request& request, const RouteParams&) {
        return AsStaff(
            request, api.authenticator, core::StaffAction::kReadReports, [&](const auto&) {
              if (auto known = OnlyKnownParameters(request, kKnown); !known) {
                return ErrorResponse(known.error());
              }
              auto policy = api.cases.PolicyOf("");
              if (!policy) return ErrorResponse(policy.error());
              const core::Instant now = api.clock.Now();
              auto filter =
                  core::ReportFilterOf(ReportParametersOf(request), *(*policy)->calendar, now);
              if (!filter) return ErrorResponse(filter.error());
              auto report = core::BuildReport(api.store, api.cases, *filter, now);
              if (!report) return ErrorResponse(report.error());
              return JsonResponse(200, ReportJson(*report, (*policy)->calendar->zone()));
            });
      });
}

}  // namespace caredesk::http
