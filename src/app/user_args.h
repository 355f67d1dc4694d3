// Checks and shapes shared by the staff account commands (`user`, `token`).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/store_records.h"

namespace caredesk::app {

// Why `email` is not a usable staff email, or nothing when it is.
std::optional<std::string> CheckEmailArg(const std::string& email);
// Why `initials` are not usable (1 to 4 letters or digits), or nothing.
std::optional<std::string> CheckInitialsArg(const std::string& initials);
// Initials from a name: the first letter of its first and last words, upper-cased ("Ann Lee
// Smith" → "AS"); ASCII letters only, so a name in another script falls back to "?".
std::string InitialsOf(const std::string& name);
// What `user list` and `user add` print of a staff member: no secrets, only whether a
// password is set.
nlohmann::ordered_json StaffSummary(const core::StaffRecord& staff, const std::string& department,
                                    bool has_password);

}  // namespace caredesk::app
