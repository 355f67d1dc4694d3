#include "core/store_records.h"

#include "core/enum_names.h"

namespace caredesk::core {
namespace {

inline constexpr std::array<std::pair<Role, std::string_view>, 4> kRoleNames = {{
    {Role::kAgent, "agent"},
    {Role::kManager, "manager"},
    {Role::kAuditor, "auditor"},
    {Role::kAdmin, "admin"},
}};
static_assert(IsOrderedNameTable(kRoleNames));

inline constexpr std::array<std::pair<SuggestionStatus, std::string_view>, 4>
    kSuggestionStatusNames = {{
        {SuggestionStatus::kReceived, "received"},
        {SuggestionStatus::kUnderReview, "under_review"},
        {SuggestionStatus::kAdopted, "adopted"},
        {SuggestionStatus::kNotAdopted, "not_adopted"},
    }};
static_assert(IsOrderedNameTable(kSuggestionStatusNames));

}  // namespace

std::string_view ToString(Role role) { return NameOf(kRoleNames, role, "agent"); }
std::optional<Role> ParseRole(std::string_view text) { return EnumNamed(kRoleNames, text); }

std::string_view ToString(SuggestionStatus status) {
  return NameOf(kSuggestionStatusNames, status, "received");
}
std::optional<SuggestionStatus> ParseSuggestionStatus(std::string_view text) {
  return EnumNamed(kSuggestionStatusNames, text);
}

}  // namespace caredesk::core
