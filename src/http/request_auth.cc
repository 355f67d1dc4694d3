#include "http/request_auth.h"

#include "core/case_service.h"

namespace caredesk::http {
namespace {

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string_view> CookieValue(const Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      std::string_view pair = Trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return pair.substr(equals + 1);
      }
    }
  }
  return std::nullopt;
}

HttpResult<auth::Authenticated> Authenticate(const Request& request,
                                             auth::Authenticator& authenticator) {
  if (auto authorization = request.Header("authorization")) {
    auto token = auth::BearerToken(*authorization);
    if (!token) return tl::unexpected(Unauthenticated("Authorization must be \"Bearer <token>\""));
    auto who = authenticator.AuthenticateBearer(*token);
    if (!who) return tl::unexpected(ErrorResponse(who.error()));
    if (!*who) return tl::unexpected(Unauthenticated());
    return std::move(**who);
  }
  if (auto session_id = CookieValue(request, kSessionCookie)) {
    auto who = authenticator.AuthenticateSession(*session_id);
    if (!who) return tl::unexpected(ErrorResponse(who.error()));
    if (!*who) return tl::unexpected(Unauthenticated());
    if (ChangesState(request.method)) {
      auto csrf = request.Header(kCsrfHeader);
      if (!csrf || !(*who)->session || !auth::Authenticator::CsrfMatches(*(*who)->session, *csrf)) {
        return tl::unexpected(ErrorResponse(403, "csrf",
                                            "the X-CSRF-Token header is missing or "
                                            "does not belong to this session",
                                            "X-CSRF-Token"));
      }
    }
    return std::move(**who);
  }
  return tl::unexpected(Unauthenticated());
}

core::Actor ActorOf(const auth::Authenticated& who, const std::string& customer_name) {
  if (who.staff) {
    return core::Actor{core::ActorIdOf(who.staff->id), who.staff->name, who.staff->initials};
  }
  const core::Principal& p = who.principal;
  if (p.kind == core::Principal::Kind::kCustomer) {
    return core::Actor{"customer-" + std::to_string(p.id), customer_name, ""};
  }
  return core::Actor{"customer", customer_name, ""};
}

}  // namespace caredesk::http
