// GET /api/v1/dashboard: what a manager watches — open cases, those due today and breached, by
// department and by stage, the oldest open cases, and whether the policy is past its review
// date. For whoever may read reports (managers, auditors, admins). The counts are of the whole
// organisation; the oldest cases listed are only those the reader may open.
#include <fmt/format.h>

#include "http/admin_routes.h"
#include "http/dashboard.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kOldestShown = 10;

Json TallyJson(Json out, const OpenCaseTally& tally) {
  out["open"] = tally.open;
  out["due_today"] = tally.due_today;
  out["breached"] = tally.breached;
  return out;
}

template <class Map, class Key>
OpenCaseTally TallyOf(const Map& tallies, const Key& key) {
  auto it = tallies.find(key);
  return it == tallies.end() ? OpenCaseTally{} : it->second;
}

Json OptionalInstant(const std::optional<core::Instant>& at, const date::time_zone& zone) {
  return at ? Json(core::FormatInstant(*at, zone)) : Json(nullptr);
}

Json OldestJson(const core::CaseRecord& r, const date::time_zone& zone) {
  return {{"reference", r.reference},
          {"subject", r.subject},
          {"kind", core::ToString(r.kind)},
          {"stage", r.stage ? Json(core::ToString(*r.stage)) : Json(nullptr)},
          {"status", core::ToString(r.status)},
          {"department_id", r.department_id ? Json(*r.department_id) : Json(nullptr)},
          {"received_at", core::FormatInstant(r.received_at, zone)},
          {"next_due", OptionalInstant(r.next_due, zone)},
          {"next_standard", r.next_standard},
          {"next_status", r.next_status ? Json(core::ToString(*r.next_status)) : Json(nullptr)}};
}

// Every department on file (with its figures, zero or not), then the unrouted cases if any.
Json DepartmentsJson(const DashboardFigures& figures,
                     const std::vector<core::DepartmentRecord>& departments) {
  Json out = Json::array();
  for (const auto& department : departments) {
    out.push_back(TallyJson({{"department_id", department.id}, {"name", department.name}},
                            TallyOf(figures.by_department, std::optional(department.id))));
  }
  const auto unrouted = TallyOf(figures.by_department, std::optional<core::Id>());
  if (unrouted.open > 0) {
    out.push_back(TallyJson({{"department_id", nullptr}, {"name", nullptr}}, unrouted));
  }
  return out;
}

// Every complaint stage, then the cases that are not complaints (stage null).
Json StagesJson(const DashboardFigures& figures) {
  Json out = Json::array();
  for (const auto& [stage, name] : core::kStageNames) {
    out.push_back(TallyJson({{"stage", name}}, TallyOf(figures.by_stage, std::optional(stage))));
  }
  out.push_back(
      TallyJson({{"stage", nullptr}}, TallyOf(figures.by_stage, std::optional<core::Stage>())));
  return out;
}

class DashboardHandler {
 public:
  explicit DashboardHandler(const CaseApi& api) : api_(api), cache_(api.store, api.clock) {}

  Response Get(const Request& request) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kReadReports, [&](const auto& who) {
          auto policy = api_.cases.PolicyOf("");
          if (!policy) return ErrorResponse(policy.error());
          auto figures = cache_.Get(**policy);
          if (!figures) return ErrorResponse(figures.error());
          auto departments = api_.store.ListDepartments();
          if (!departments) return ErrorResponse(departments.error());
          return JsonResponse(200, Answer(*figures, **policy, *departments, who.principal));
        });
  }

 private:
  static Json Answer(const DashboardFigures& figures, const core::Policy& policy,
                     const std::vector<core::DepartmentRecord>& departments,
                     const core::Principal& reader) {
    const auto& zone = policy.calendar->zone();
    Json oldest = Json::array();
    for (const auto& record : figures.oldest) {
      if (oldest.size() == kOldestShown) break;
      if (core::CanReadCase(reader, record)) oldest.push_back(OldestJson(record, zone));
    }
    Json review = {
        {"version", policy.version},
        {"review_date",
         policy.review_date ? Json(core::FormatDate(*policy.review_date)) : Json(nullptr)},
        {"review_overdue", policy.review_date.has_value() && *policy.review_date < figures.today}};
    return TallyJson({{"as_of", core::FormatInstant(figures.as_of, zone)},
                      {"today", core::FormatDate(figures.today)},
                      {"time_zone", zone.name()},
                      {"by_department", DepartmentsJson(figures, departments)},
                      {"by_stage", StagesJson(figures)},
                      {"oldest", std::move(oldest)},
                      {"policy", std::move(review)}},
                     figures.total);
  }

  const CaseApi& api_;
  CachedDashboard cache_;
};

}  // namespace

void AddDashboardRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<DashboardHandler>(api);
  router.Add("GET", "/api/v1/dashboard",
             [h](const Request& r, const RouteParams&) { return h->Get(r); });
}

}  // namespace caredesk::http
