// The directory's own rules, shared by every way in (CLI, API, import): what makes a staff
// email, initials, a customer's language, adjustments and contact preference acceptable, and
// finding a customer by email or adding them — so one customer keeps one record.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store.h"

namespace caredesk::core {

// Why `email` is not a usable email address (name@domain, no spaces), or nothing when it is.
std::optional<std::string> EmailProblem(const std::string& email);
// Why `initials` are not usable (1 to 4 letters or digits), or nothing.
std::optional<std::string> InitialsProblem(const std::string& initials);
// Initials from a name: the first letter of its first and last words, upper-cased ("Ann Lee
// Smith" → "AS"); ASCII letters only, so a name in another script falls back to "?".
std::string InitialsOf(const std::string& name);

// The languages a customer may be written to in.
inline constexpr std::array<std::string_view, 2> kCustomerLanguages = {"en", "es"};
// The reasonable adjustments a customer record may carry (what every reply must respect).
inline constexpr std::array<std::string_view, 4> kAdjustments = {"plain_text", "large_print",
                                                                 "phone_only", "advocate_copy"};
// How a customer prefers to be answered; empty: on the channel they used.
inline constexpr std::array<std::string_view, 4> kContactPreferences = {"", "email", "phone",
                                                                        "post"};

// Whether `value` is one of `names`.
template <std::size_t N>
bool IsOneOf(const std::array<std::string_view, N>& names, std::string_view value) {
  for (auto name : names) {
    if (name == value) return true;
  }
  return false;
}

// Why `adjustments` is not a valid list (an unknown name, or one named twice), or nothing.
std::optional<std::string> AdjustmentsProblem(const std::vector<std::string>& adjustments);

// The customer with `customer`'s email, or `customer` added as a new record (no email: always
// added). A concurrent first contact from the same new customer shares the record it saved.
Result<CustomerRecord> FindOrAddCustomer(DirectoryStore& store, const CustomerRecord& customer);

}  // namespace caredesk::core
