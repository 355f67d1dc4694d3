// Browser sign-in. POST /api/v1/sessions (staff) and /api/v1/portal/sessions (customers with a
// portal account) take {"email", "password"}; success sets the session id in an HttpOnly,
// Secure, SameSite=Strict cookie and answers the CSRF token the page must send back in
// X-CSRF-Token on every state-changing request. Every refusal is the same 401, and sign-in is
// rate-limited per address. DELETE /api/v1/sessions/current signs out; GET /api/v1/me says who
// the request acts as.
#include <fmt/format.h>

#include "http/case_routes.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/request_auth.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

std::string SessionCookie(const std::string& value, std::chrono::seconds max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; Secure; SameSite=Strict", kSessionCookie,
                     value, max_age.count());
}

class SessionHandlers {
 public:
  explicit SessionHandlers(const CaseApi& api) : api_(api) {}

  Response SignIn(const Request& request, bool customer) {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    JsonReader read(*body, "");
    const std::string email = read.Text("email");
    const std::string password = read.Text("password");
    read.RejectUnknown();
    if (auto done = read.Done(); !done) return ErrorResponse(done.error());
    auto who = customer ? api_.authenticator.SignInCustomer(email, password)
                        : api_.authenticator.SignInStaff(email, password);
    if (!who) return ErrorResponse(who.error());
    if (!*who) return Unauthenticated("the email or password is not right");
    auto session = api_.authenticator.StartSession((*who)->principal);
    if (!session) return ErrorResponse(session.error());
    const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(
        session->record.expires_at - session->record.created_at);
    Response response = JsonResponse(201, Me(**who, session->csrf_token));
    response.SetHeader("set-cookie", SessionCookie(session->session_id, lifetime));
    response.SetHeader("cache-control", "no-store");
    return response;
  }

  Response SignOut(const Request& request) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    if (auto session_id = CookieValue(request, kSessionCookie)) {
      if (auto ended = api_.authenticator.EndSession(*session_id); !ended) {
        return ErrorResponse(ended.error());
      }
    }
    Response response;
    response.status = 204;
    response.SetHeader("set-cookie", SessionCookie("", std::chrono::seconds(0)));
    return response;
  }

  Response WhoAmI(const Request& request) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    return JsonResponse(200, Me(*who, ""));
  }

 private:
  static Json Me(const auth::Authenticated& who, const std::string& csrf_token) {
    const core::Principal& p = who.principal;
    Json out = {{"kind", p.IsStaff() ? "staff" : "customer"}};
    if (who.staff) {
      out["staff"] = {{"id", who.staff->id},
                      {"email", who.staff->email},
                      {"name", who.staff->name},
                      {"initials", who.staff->initials},
                      {"role", core::ToString(who.staff->role)},
                      {"department_ids", p.department_ids}};
    } else {
      out["customer_id"] = p.id;
    }
    if (!csrf_token.empty()) out["csrf_token"] = csrf_token;
    return out;
  }

  const CaseApi& api_;
};

}  // namespace

void AddSessionRoutes(Router& router, const CaseApi& api) {
  auto handlers = std::make_shared<SessionHandlers>(api);
  router.Add(
      "POST", "/api/v1/sessions",
      [handlers](const Request& r, const RouteParams&) { return handlers->SignIn(r, false); },
      RouteOptions().WithRateLimit(api.sign_in_limiter));
  router.Add(
      "POST", "/api/v1/portal/sessions",
      [handlers](const Request& r, const RouteParams&) { return handlers->SignIn(r, true); },
      RouteOptions().WithRateLimit(api.sign_in_limiter));
  router.Add("DELETE", "/api/v1/sessions/current",
             [handlers](const Request& r, const RouteParams&) { return handlers->SignOut(r); });
  router.Add("GET", "/api/v1/me",
             [handlers](const Request& r, const RouteParams&) { return handlers->WhoAmI(r); });
}

}  // namespace caredesk::http
