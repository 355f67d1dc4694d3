// Who an API request acts as: `Authorization: Bearer <token>` for scripts, or the browser's
// session cookie — then a state-changing request must also carry the session's CSRF token in
// `X-CSRF-Token`. Answers 401 when neither holds (alike for every reason, see auth/), 403 for
// a missing or wrong CSRF token, 503 when the store is down.
#pragma once

#include "auth/authenticator.h"
#include "http/errors.h"
#include "http/message.h"

namespace caredesk::http {

inline constexpr std::string_view kSessionCookie = "caredesk_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// The value of cookie `name` in the request's Cookie headers.
std::optional<std::string_view> CookieValue(const Request& request, std::string_view name);

HttpResult<auth::Authenticated> Authenticate(const Request& request,
                                             auth::Authenticator& authenticator);

// The actor that events recorded by `who` carry: staff by their staff id, name and initials; a
// customer as "customer-<id>" (or "customer" for a tracking-secret holder) with their name.
core::Actor ActorOf(const auth::Authenticated& who, const std::string& customer_name = "");

}  // namespace caredesk::http
