// What the staff-facing route files share: a handler that runs only for a signed-in staff
// member allowed an action (401 otherwise, 403 for anyone else), the numeric id of a path, and
// the answer for a record that is not there.
#pragma once

#include <optional>
#include <string_view>

#include "auth/authenticator.h"
#include "core/access.h"
#include "http/errors.h"
#include "http/request_auth.h"
#include "http/router.h"

namespace caredesk::http {

// Runs `then(who)` for a signed-in staff member allowed `action`; 401/403 otherwise.
template <class Then>
Response AsStaff(const Request& request, auth::Authenticator& authenticator,
                 core::StaffAction action, Then then) {
  auto who = Authenticate(request, authenticator);
  if (!who) return who.error();
  if (!core::Can(who->principal, action)) return Forbidden();
  return then(*who);
}

// The positive id in path parameter `name`, or nothing (not a number, or out of range): the
// route then answers 404, as for an id that names nothing.
std::optional<core::Id> PathId(const RouteParams& params, std::string_view name);

// The answer for a failed lookup: 404 saying "no such `what`" when there is none, else the
// error's own (503 for an outage).
Response LookupFailed(const core::Error& error, std::string_view what);

}  // namespace caredesk::http
