// What the staff account commands (`user`, `token`) print of a staff member. The checks of
// emails and initials are core/directory.h's.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/store_records.h"

namespace caredesk::app {

// What `user list` and `user add` print of a staff member: no secrets, only whether a
// password is set.
nlohmann::ordered_json StaffSummary(const core::StaffRecord& staff, const std::string& department,
                                    bool has_password);

}  // namespace caredesk::app
