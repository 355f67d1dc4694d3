#include "core/directory.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace caredesk::core {

std::optional<std::string> EmailProblem(const std::string& email) {
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

std::optional<std::string> InitialsProblem(const std::string& initials) {
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

std::optional<std::string> AdjustmentsProblem(const std::vector<std::string>& adjustments) {
  for (std::size_t i = 0; i < adjustments.size(); ++i) {
    if (!IsOneOf(kAdjustments, adjustments[i])) {
      return "has an unknown adjustment \"" + adjustments[i] +
             "\" (plain_text, large_print, phone_only or advocate_copy)";
    }
    if (std::find(adjustments.begin(), adjustments.begin() + static_cast<std::ptrdiff_t>(i),
                  adjustments[i]) != adjustments.begin() + static_cast<std::ptrdiff_t>(i)) {
      return "names " + adjustments[i] + " twice";
    }
  }
  return std::nullopt;
}

Result<CustomerRecord> FindOrAddCustomer(DirectoryStore& store, const CustomerRecord& customer) {
  if (!customer.email.empty()) {
    auto found = store.FindCustomerByEmail(customer.email);
    if (!found) return tl::unexpected(found.error());
    if (*found) return **found;
  }
  auto saved = store.SaveCustomer(customer);
  if (!saved && saved.error().code == ErrorCode::kConflict && !customer.email.empty()) {
    // Another contact from the same new customer saved them first: use that record.
    auto found = store.FindCustomerByEmail(customer.email);
    if (found && *found) return **found;
  }
  return saved;
}

}  // namespace caredesk::core
