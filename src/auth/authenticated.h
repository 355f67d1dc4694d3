// Who a request acts as, as the authenticator recognised them.
#pragma once

#include <optional>

#include "core/access.h"
#include "core/credential_records.h"
#include "core/store_records.h"

namespace caredesk::auth {

// Who a request acts as, and (for browser sessions) the session that says so.
struct Authenticated {
  core::Principal principal;
  std::optional<core::StaffRecord> staff;  // staff sign-ins: for actor names and initials
  std::optional<core::SessionRecord> session;
};

}  // namespace caredesk::auth
