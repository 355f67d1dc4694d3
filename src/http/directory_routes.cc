// The organisation's own records over the API: the policy (the active version, every version,
// and installing a new one — refused with every `line: reason` when it does not parse) and the
// departments. Staff and customers have their own routes (staff_routes.cc,
// customer_routes.cc). Who may do what is core/access.h's.
#include <fmt/format.h>

#include "http/case_routes.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

Json PolicyJson(const core::PolicyVersionRecord& record, bool with_text) {
  Json out = {{"version", record.version},
              {"installed_at", core::FormatUtc(record.installed_at)},
              {"active", record.active}};
  if (auto parsed = core::ParsePolicy(record.text)) {
    out["name"] = parsed->name;
    out["languages"] = parsed->languages;
    out["review_date"] =
        parsed->review_date ? Json(core::FormatDate(*parsed->review_date)) : Json(nullptr);
    Json standards = Json::array();
    for (const auto& standard : parsed->standards) {
      standards.push_back({{"id", standard.id}, {"name", standard.name}});
    }
    out["standards"] = std::move(standards);
    // What the staff screens offer to choose from: the policy's own lists and its time zone.
    out["time_zone"] = std::string(parsed->calendar->zone().name());
    out["natures"] = parsed->natures;
    out["services"] = parsed->services;
    out["root_causes"] = parsed->root_causes;
  }
  if (with_text) out["text"] = record.text;
  return out;
}

Json DepartmentJson(const core::DepartmentRecord& d) {
  return {{"id", d.id},
          {"name", d.name},
          {"manager_id", d.manager_id ? Json(*d.manager_id) : Json(nullptr)}};
}

class DirectoryHandlers {
 public:
  explicit DirectoryHandlers(const CaseApi& api) : api_(api) {}

  Response ActivePolicy(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadPolicy, [&](const auto&) {
      auto active = api_.store.ActivePolicy();
      if (!active) return ErrorResponse(active.error());
      return JsonResponse(200, PolicyJson(*active, true));
    });
  }

  Response PolicyVersions(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadPolicy, [&](const auto&) {
      return ListResponse("versions", api_.store.PolicyVersions(),
                          [](const auto& version) { return PolicyJson(version, false); });
    });
  }

  Response InstallPolicy(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManagePolicy, [&](const auto&) {
      auto body = ParseJsonBody(request);
      if (!body) return body.error();
      JsonReader read(*body, "");
      const std::string text = read.Text("text");
      read.RejectUnknown();
      if (auto done = read.Done(); !done) return ErrorResponse(done.error());
      auto parsed = core::ParsePolicy(text);
      if (!parsed) {
        Json problems = Json::array();
        for (const auto& problem : parsed.error()) {
          problems.push_back(fmt::format("{}: {}", problem.line, problem.reason));
        }
        Response refused = ErrorResponse(
            422, "invalid",
            fmt::format("the policy has {} problem(s); nothing was installed", problems.size()),
            "text");
        Json answer = Json::parse(refused.body);
        answer["error"]["problems"] = std::move(problems);
        return JsonResponse(422, answer);
      }
      auto installed = api_.store.InstallPolicy(parsed->version, text, api_.clock.Now());
      if (!installed) return ErrorResponse(installed.error());
      return JsonResponse(201, PolicyJson(*installed, false));
    });
  }

  Response Departments(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadStaff, [&](const auto&) {
      return ListResponse("departments", api_.store.ListDepartments(), DepartmentJson);
    });
  }

  Response AddDepartment(const Request& request) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageDepartments, [&](const auto&) {
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          JsonReader read(*body, "");
          core::DepartmentRecord department{0, read.Text("name"), read.Id("manager_id", false)};
          if (department.name.empty()) read.Problem("name", "must not be empty");
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          if (department.manager_id && !api_.store.FindStaff(*department.manager_id)) {
            return ErrorResponse(422, "invalid", "manager_id names no staff member", "manager_id");
          }
          auto saved = api_.store.SaveDepartment(department);
          if (!saved) return ErrorResponse(saved.error());
          api_.authenticator.StaffChanged();  // a new manager manages more departments
          return JsonResponse(201, DepartmentJson(*saved));
        });
  }

 private:
  const CaseApi& api_;
};

}  // namespace

void AddDirectoryRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<DirectoryHandlers>(api);
  router.Add("GET", "/api/v1/policy",
             [h](const Request& r, const RouteParams&) { return h->ActivePolicy(r); });
  router.Add("POST", "/api/v1/policy",
             [h](const Request& r, const RouteParams&) { return h->InstallPolicy(r); });
  router.Add("GET", "/api/v1/policy/versions",
             [h](const Request& r, const RouteParams&) { return h->PolicyVersions(r); });
  router.Add("GET", "/api/v1/departments",
             [h](const Request& r, const RouteParams&) { return h->Departments(r); });
  router.Add("POST", "/api/v1/departments",
             [h](const Request& r, const RouteParams&) { return h->AddDepartment(r); });
}

}  // namespace caredesk::http
