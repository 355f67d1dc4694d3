// The report's tables and the complaints register as downloads, for whoever may read reports
// (the same role as GET /api/v1/reports/performance):
//   GET /api/v1/reports/performance.csv?table=NAME&…   one table as CSV
//   GET /api/v1/reports/performance.xlsx[?table=NAME]&…  every table (or one) as a workbook
//   GET /api/v1/reports/register?…&cursor&limit          the register as JSON, a page at a time
//   GET /api/v1/reports/register.csv?…, register.xlsx?…  the whole register as a file
// The period and filters are the performance report's (report_query.h); the register has no
// `kind` (every row is a complaint). Files come as attachments named after the period.
#include <date/date.h>
#include <fmt/format.h>

#include "core/report_filter.h"
#include "core/report_service.h"
#include "export/register_files.h"
#include "export/report_tables.h"
#include "export/table_csv.h"
#include "http/admin_routes.h"
#include "http/queue_query.h"
#include "http/report_query.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

constexpr std::string_view kReportKnown[] = {"year",  "from",          "until",   "kind", "channel",
                                             "stage", "department_id", "service", "table"};
constexpr std::string_view kRegisterKnown[] = {
    "year", "from", "until", "channel", "stage", "service", "cursor", "limit", "department_id"};

struct Period {
  std::shared_ptr<const core::Policy> policy;
  core::ReportFilter filter;
};

// The policy and the filter the request asks for; kInvalid naming an unknown parameter or a bad
// value.
core::Result<Period> PeriodOf(const CaseApi& api, const Request& request,
                              std::span<const std::string_view> known, std::size_t page_known) {
  if (auto checked = OnlyKnownParameters(request, known.first(page_known)); !checked) {
    return tl::unexpected(checked.error());
  }
  auto policy = api.cases.PolicyOf("");
  if (!policy) return tl::unexpected(policy.error());
  auto filter =
      core::ReportFilterOf(ReportParametersOf(request), *(*policy)->calendar, api.clock.Now());
  if (!filter) return tl::unexpected(filter.error());
  return Period{*policy, std::move(*filter)};
}

// "2026" for a calendar year, else "2026-01-01_2026-04-01" (the first day counted, the first not).
std::string PeriodLabel(const Period& period) {
  const auto& calendar = *period.policy->calendar;
  const date::year_month_day from{calendar.LocalDay(period.filter.from)};
  const date::year_month_day until{calendar.LocalDay(period.filter.until)};
  const bool year =
      from.month() == date::January && from.day() == date::day{1} &&
      until == date::year_month_day{from.year() + date::years{1}, date::January, date::day{1}};
  if (year) return fmt::format("{}", static_cast<int>(from.year()));
  return date::format("%F", from) + "_" + date::format("%F", until);
}

Response Download(std::string bytes, std::string_view content_type, const std::string& filename) {
  Response response = TextResponse(200, std::move(bytes), std::string(content_type));
  response.SetHeader("content-disposition", fmt::format("attachment; filename=\"{}\"", filename));
  response.SetHeader("cache-control", "no-store");
  return response;
}

std::string TableNames() {
  std::string names;
  for (const auto& name : exports::ReportTableNames()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

Response PerformanceFile(const CaseApi& api, const Request& request, bool xlsx) {
  auto period = PeriodOf(api, request, kReportKnown, std::size(kReportKnown));
  if (!period) return ErrorResponse(period.error());
  const std::string table(request.Query("table").value_or(""));
  const auto names = exports::ReportTableNames();
  if ((!xlsx || !table.empty()) && std::find(names.begin(), names.end(), table) == names.end()) {
    return ErrorResponse(
        core::Error{core::ErrorCode::kInvalid, "table must be one of " + TableNames(), "table"});
  }
  auto report = core::BuildReport(api.store, api.cases, period->filter, api.clock.Now());
  if (!report) return ErrorResponse(report.error());
  const std::string label = PeriodLabel(*period);
  if (!xlsx) {
    return Download(exports::TableCsv(*exports::ReportTable(*report, table)), kCsvType,
                    fmt::format("performance-{}-{}.csv", label, table));
  }
  auto bytes = exports::XlsxBytes([&](exports::XlsxWorkbook& workbook) -> core::Result<void> {
    if (!table.empty()) return workbook.AddTable(*exports::ReportTable(*report, table));
    for (const auto& t : exports::ReportTables(*report)) {
      if (auto added = workbook.AddTable(t); !added) return added;
    }
    return {};
  });
  if (!bytes) return ErrorResponse(bytes.error());
  return Download(std::move(*bytes), kXlsxType,
                  table.empty() ? fmt::format("performance-{}.xlsx", label)
                                : fmt::format("performance-{}-{}.xlsx", label, table));
}

Json DayJson(const std::optional<core::LocalDate>& day) {
  if (!day) return nullptr;
  return date::format("%F", *day);
}

Json EntryJson(const exports::RegisterEntry& e) {
  Json outcomes = Json::array();
  for (const auto& [stage, outcome] : e.outcomes) {
    outcomes.push_back({{"stage", core::ToString(stage)}, {"outcome", core::ToString(outcome)}});
  }
  Json remedies = Json::array();
  for (const auto& r : e.remedies) {
    Json amount = nullptr;
    if (r.amount)
      amount = {{"minor_units", r.amount->minor_units}, {"currency", r.amount->currency}};
    remedies.push_back(
        {{"type", core::ToString(r.type)}, {"description", r.description}, {"amount", amount}});
  }
  Json actions = Json::array();
  for (const auto& a : e.actions) {
    actions.push_back({{"description", a.description},
                       {"owner", a.owner},
                       {"status", core::ToString(a.status)},
                       {"due", DayJson(a.due)},
                       {"done", DayJson(a.done)}});
  }
  return {{"reference", e.reference},
          {"received", DayJson(e.received)},
          {"nature", e.nature},
          {"service", e.service},
          {"department", e.department},
          {"channel", core::ToString(e.channel)},
          {"stage", e.stage ? Json(core::ToString(*e.stage)) : Json(nullptr)},
          {"status", core::ToString(e.status)},
          {"acknowledged", DayJson(e.acknowledged)},
          {"responded", DayJson(e.responded)},
          {"resolved", DayJson(e.resolved)},
          {"outcomes", std::move(outcomes)},
          {"remedies", std::move(remedies)},
          {"preventive_actions", std::move(actions)},
          {"root_cause", e.root_cause}};
}

Response RegisterPage(const CaseApi& api, const Request& request) {
  auto period = PeriodOf(api, request, kRegisterKnown, std::size(kRegisterKnown));
  if (!period) return ErrorResponse(period.error());
  auto paging = PageParametersFrom(request);
  if (!paging) return ErrorResponse(paging.error());
  exports::ComplaintsRegister source(api.store, *period->policy->calendar);
  auto page = source.Page(period->filter, paging->cursor, paging->limit);
  if (!page) return ErrorResponse(page.error());
  Json rows = Json::array();
  for (const auto& entry : page->entries) rows.push_back(EntryJson(entry));
  return JsonResponse(200, {{"complaints", std::move(rows)}, {"next_cursor", page->next_cursor}});
}

Response RegisterFile(const CaseApi& api, const Request& request, bool xlsx) {
  // Files hold the whole period: no paging.
  auto period = PeriodOf(api, request, kRegisterKnown, std::size(kRegisterKnown) - 3);
  if (!period) return ErrorResponse(period.error());
  exports::ComplaintsRegister source(api.store, *period->policy->calendar);
  const std::string filename =
      fmt::format("complaints-register-{}.{}", PeriodLabel(*period), xlsx ? "xlsx" : "csv");
  if (xlsx) {
    auto bytes = exports::XlsxBytes([&](exports::XlsxWorkbook& workbook) -> core::Result<void> {
      auto added = exports::AddRegisterSheet(source, period->filter, workbook);
      if (!added) return tl::unexpected(added.error());
      return {};
    });
    if (!bytes) return ErrorResponse(bytes.error());
    return Download(std::move(*bytes), kXlsxType, filename);
  }
  std::string csv;
  auto written = exports::WriteRegisterCsv(source, period->filter,
                                           [&csv](std::string_view text) { csv += text; });
  if (!written) return ErrorResponse(written.error());
  return Download(std::move(csv), kCsvType, filename);
}

// Registers `path` for staff who may read reports.
void AddReportDownload(Router& router, const CaseApi& api, const char* path,
                       Response (*answer)(const CaseApi&, const Request&, bool), bool xlsx) {
  router.Add("GET", path, [&api, answer, xlsx](const Request& request, const RouteParams&) {
    return AsStaff(request, api.authenticator, core::StaffAction::kReadReports,
                   [&](const auto&) { return answer(api, request, xlsx); });
  });
}

}  // namespace

void AddReportExportRoutes(Router& router, const CaseApi& api) {
  AddReportDownload(router, api, "/api/v1/reports/performance.csv", PerformanceFile, false);
  AddReportDownload(router, api, "/api/v1/reports/performance.xlsx", PerformanceFile, true);
  AddReportDownload(router, api, "/api/v1/reports/register.csv", RegisterFile, false);
  AddReportDownload(router, api, "/api/v1/reports/register.xlsx", RegisterFile, true);
  router.Add("GET", "/api/v1/reports/register", [&api](const Request& request, const RouteParams&) {
    return AsStaff(request, api.authenticator, core::StaffAction::kReadReports,
                   [&](const auto&) { return RegisterPage(api, request); });
  });
}

}  // namespace caredesk::http
