// Staff accounts over the API: everyone on staff reads the list (names, initials, roles,
// departments — never a password or token hash); admins add staff (with a password, hashed with
// argon2id, when they will sign in in a browser) and change their name, initials, role,
// department, or deactivate them. Deactivation signs the person out everywhere at once: their
// browser sessions and API tokens are revoked, and a deactivated account authenticates nowhere.
#include <fmt/format.h>

#include "auth/password.h"
#include "core/directory.h"
#include "http/case_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxName = 200;

Json StaffJson(const core::StaffRecord& s) {
  return {{"id", s.id},
          {"email", s.email},
          {"name", s.name},
          {"initials", s.initials},
          {"role", core::ToString(s.role)},
          {"department_id", s.department_id ? Json(*s.department_id) : Json(nullptr)},
          {"active", s.active}};
}

// Name, initials, role and department, as far as the request names them (all of them when
// `adding`); initials default to the name's.
void ReadStaffFields(JsonReader& read, core::StaffRecord& staff, bool adding) {
  if (adding || read.Has("name")) {
    staff.name = read.Text("name");
    if (staff.name.empty() || staff.name.size() > kMaxName) {
      read.Problem("name", fmt::format("must be 1 to {} bytes", kMaxName));
    }
  }
  if (read.Has("initials")) {
    staff.initials = read.Text("initials");
  } else if (adding) {
    staff.initials = core::InitialsOf(staff.name);
  }
  if (auto problem = core::InitialsProblem(staff.initials)) read.Problem("initials", *problem);
  if (adding || read.Has("role")) {
    if (auto role = read.Named<core::Role>("role", core::ParseRole)) staff.role = *role;
  }
  if (read.Has("department_id")) staff.department_id = read.Id("department_id", false);
}

class StaffHandlers {
 public:
  explicit StaffHandlers(const CaseApi& api) : api_(api) {}

  Response List(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadStaff, [&](const auto&) {
      return ListResponse("staff", api_.store.ListStaff(), StaffJson);
    });
  }

  // POST /staff: {"email", "name", "initials"?, "role", "department_id"?, "password"?}.
  Response Add(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManageUsers, [&](const auto&) {
      auto body = ParseJsonBody(request);
      if (!body) return body.error();
      JsonReader read(*body, "");
      core::StaffRecord staff;
      staff.email = read.Text("email");
      if (auto problem = core::EmailProblem(staff.email)) read.Problem("email", "is " + *problem);
      ReadStaffFields(read, staff, true);
      const std::string password = read.Text("password", false);
      if (read.Has("password")) {
        if (auto valid = auth::CheckNewPassword(password); !valid) read.Adopt(valid.error());
      }
      read.RejectUnknown();
      if (auto done = read.Done(); !done) return ErrorResponse(done.error());
      if (auto known = CheckDepartment(staff); !known) return known.error();
      auto everyone = api_.store.ListStaff();
      if (!everyone) return ErrorResponse(everyone.error());
      for (const auto& other : *everyone) {
        if (other.email == staff.email) return EmailTaken();
      }
      // Hash before saving anything, so a failure here leaves no account half made.
      std::string hash;
      if (!password.empty()) {
        auto hashed = auth::HashPassword(password);
        if (!hashed) return ErrorResponse(hashed.error());
        hash = std::move(*hashed);
      }
      auto saved = api_.store.SaveStaff(staff);
      if (!saved && saved.error().code == core::ErrorCode::kConflict) return EmailTaken();
      if (!saved) return ErrorResponse(saved.error());
      if (!hash.empty()) {
        if (auto set = api_.store.SetStaffPassword(saved->id, hash); !set) {
          return ErrorResponse(set.error());
        }
      }
      Json out = StaffJson(*saved);
      out["password_set"] = !hash.empty();
      Response response = JsonResponse(201, out);
      response.SetHeader("location", fmt::format("/api/v1/staff/{}", saved->id));
      return response;
    });
  }

  // PATCH /staff/{id}: {"name"?, "initials"?, "role"?, "department_id"?, "active"?}.
  Response Change(const Request& request, const RouteParams& params) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManageUsers,
                   [&](const auto& who) {
                     auto id = PathId(params, "id");
                     if (!id) return NotFound("no such staff member");
                     auto body = ParseJsonBody(request);
                     if (!body) return body.error();
                     auto staff = api_.store.FindStaff(*id);
                     if (!staff) return LookupFailed(staff.error(), "staff member");
                     const bool was_active = staff->active;
                     JsonReader read(*body, "");
                     ReadStaffFields(read, *staff, false);
                     if (read.Has("active")) staff->active = read.Flag("active");
                     read.RejectUnknown();
                     if (auto done = read.Done(); !done) return ErrorResponse(done.error());
                     // An admin cannot lock themselves out (and perhaps everyone else with them).
                     if (staff->id == who.principal.id && !staff->active) {
                       return ErrorResponse(409, "conflict",
                                            "you cannot deactivate your own account", "active");
                     }
                     if (staff->id == who.principal.id && staff->role != core::Role::kAdmin) {
                       return ErrorResponse(409, "conflict",
                                            "you cannot take the admin role from yourself", "role");
                     }
                     if (auto known = CheckDepartment(*staff); !known) return known.error();
                     auto saved = api_.store.SaveStaff(*staff);
                     if (!saved) return ErrorResponse(saved.error());
                     api_.authenticator.StaffChanged();
                     Json out = StaffJson(*saved);
                     if (was_active && !saved->active) {
                       auto signed_out = SignOutEverywhere(saved->id);
                       if (!signed_out) return ErrorResponse(signed_out.error());
                       out["signed_out"] = *signed_out;
                     }
                     return JsonResponse(200, out);
                   });
  }

 private:
  static Response EmailTaken() {
    return ErrorResponse(409, "conflict", "a staff member with this email exists", "email");
  }

  HttpResult<void> CheckDepartment(const core::StaffRecord& staff) {
    if (!staff.department_id) return {};
    auto departments = api_.store.ListDepartments();
    if (!departments) return tl::unexpected(ErrorResponse(departments.error()));
    for (const auto& department : *departments) {
      if (department.id == *staff.department_id) return {};
    }
    return tl::unexpected(
        ErrorResponse(422, "invalid", "department_id names no department", "department_id"));
  }

  // Revokes every browser session and API token of the staff member; how many of each.
  core::Result<Json> SignOutEverywhere(core::Id staff_id) {
    auto sessions = api_.store.RevokeStaffSessions(staff_id);
    if (!sessions) return tl::unexpected(sessions.error());
    auto tokens = api_.store.ApiTokens(staff_id);
    if (!tokens) return tl::unexpected(tokens.error());
    int revoked = 0;
    for (const auto& token : *tokens) {
      if (token.revoked_at) continue;
      if (auto done = api_.store.RevokeApiToken(token.id, api_.clock.Now()); !done) {
        return tl::unexpected(done.error());
      }
      ++revoked;
    }
    return Json{{"sessions", *sessions}, {"tokens", revoked}};
  }

  const CaseApi& api_;
};

}  // namespace

void AddStaffRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<StaffHandlers>(api);
  router.Add("GET", "/api/v1/staff",
             [h](const Request& r, const RouteParams&) { return h->List(r); });
  router.Add("POST", "/api/v1/staff",
             [h](const Request& r, const RouteParams&) { return h->Add(r); });
  router.Add("PATCH", "/api/v1/staff/{id}",
             [h](const Request& r, const RouteParams& p) { return h->Change(r, p); });
}

}  // namespace caredesk::http
