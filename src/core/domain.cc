#include "core/domain.h"

#include "core/error.h"

namespace caredesk::core {
namespace {

constexpr auto kErrorCodeNames = std::to_array<NamedValue<ErrorCode>>({
    {ErrorCode::kInvalid, "invalid"},
    {ErrorCode::kNotFound, "not_found"},
    {ErrorCode::kConflict, "conflict"},
    {ErrorCode::kOutOfRange, "out_of_range"},
    {ErrorCode::kUnavailable, "unavailable"},
});
static_assert(IsOrderedNameTable(kErrorCodeNames));

}  // namespace

// Every name in the table and the fallback is a string literal, so `data()` ends in a NUL.
const char* ToString(ErrorCode code) { return NameOf(kErrorCodeNames, code, "invalid").data(); }

std::string_view ToString(Kind kind) { return NameOf(kKindNames, kind, "question"); }
std::string_view ToString(Channel channel) { return NameOf(kChannelNames, channel, "web"); }
std::string_view ToString(Milestone milestone) {
  return NameOf(kMilestoneNames, milestone, "received");
}

std::optional<Kind> ParseKind(std::string_view text) { return EnumNamed(kKindNames, text); }
std::optional<Channel> ParseChannel(std::string_view text) {
  return EnumNamed(kChannelNames, text);
}
std::optional<Milestone> ParseMilestone(std::string_view text) {
  return EnumNamed(kMilestoneNames, text);
}

}  // namespace caredesk::core
