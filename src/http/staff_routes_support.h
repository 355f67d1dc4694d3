// What the staff-facing route files share: a handler that runs only for a signed-in staff
// member allowed an action (401 otherwise, 403 for anyone else), a list answer, the numeric id
// of a path, and the answer for a record that is not there.
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

// 200 with {key: [to_json(row), ...]}, or the answer for the failed read of `rows`.
template <class Rows, class ToJson>
Response ListResponse(const char* key, const core::Result<Rows>& rows, ToJson to_json) {
  if (!rows) return ErrorResponse(rows.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : *rows) list.push_back(to_json(row));
  return JsonResponse(200, {{key, std::move(list)}});
}

// The positive id in path parameter `name`, or nothing (not a number, or out of range): the
// route then answers 404, as for an id that names nothing.
std::optional<core::Id> PathId(const RouteParams& params, std::string_view name);

// The answer for a failed lookup: 404 saying "no such `what`" when there is none, else the
// error's own (503 for an outage).
Response LookupFailed(const core::Error& error, std::string_view what);

}  // namespace caredesk::http
