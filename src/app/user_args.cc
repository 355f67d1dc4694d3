#include "app/user_args.h"

namespace caredesk::app {

nlohmann::ordered_json StaffSummary(const core::StaffRecord& staff, const std::string& department,
                                    bool has_password) {
  nlohmann::ordered_json json{{"id", staff.id},
                              {"email", staff.email},
                              {"name", staff.name},
                              {"initials", staff.initials},
                              {"role", core::ToString(staff.role)}};
  json["department"] =
      department.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(department);
  json["active"] = staff.active;
  json["password_set"] = has_password;
  return json;
}

}  // namespace caredesk::app
