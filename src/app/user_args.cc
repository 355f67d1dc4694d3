#include "app/user_args.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace caredesk::app {

std::optional<std::string> CheckEmailArg(const std::string& email) {
  if (email.empty()) return "an email address is required";
  if (email.size() > 254) return "an email address is at most 254 characters";
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email.size() ||
      email.find('@', at + 1) != std::string::npos) {
    return "not an email address (name@domain)";
  }
  const bool clean = std::none_of(email.begin(), email.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f;
  });
  if (!clean) return "an email address has no spaces or control characters";
  return std::nullopt;
}

std::optional<std::string> CheckInitialsArg(const std::string& initials) {
  const bool ok = !initials.empty() && initials.size() <= 4 &&
                  std::all_of(initials.begin(), initials.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) != 0;
                  });
  if (!ok) return "1 to 4 letters or digits";
  return std::nullopt;
}

std::string InitialsOf(const std::string& name) {
  std::istringstream words(name);
  std::vector<std::string> parts;
  for (std::string word; words >> word;) parts.push_back(word);
  std::string initials;
  auto add = [&](const std::string& word) {
    const auto c = static_cast<unsigned char>(word.front());
    if (std::isalpha(c)) initials += static_cast<char>(std::toupper(c));
  };
  if (!parts.empty()) add(parts.front());
  if (parts.size() > 1) add(parts.back());
  return initials.empty() ? "?" : initials;
}

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
