// The domain's closed vocabularies (DESIGN.md "Domain words"): contact kinds, channels and
// the events that fulfil or trigger a standard. Each has one spelling, used in code, policy
// files, the API, the database and the UI; the `k…Names` tables below are where it is written.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/enum_names.h"

namespace caredesk::core {

enum class Kind {
  kQuestion,
  kComment,
  kCompliment,
  kComplaint,
  kServiceRequest,
  kSuggestion,
  kAdjustmentRequest,
};
inline constexpr auto kKindNames = std::to_array<NamedValue<Kind>>({
    {Kind::kQuestion, "question"},
    {Kind::kComment, "comment"},
    {Kind::kCompliment, "compliment"},
    {Kind::kComplaint, "complaint"},
    {Kind::kServiceRequest, "service_request"},
    {Kind::kSuggestion, "suggestion"},
    {Kind::kAdjustmentRequest, "adjustment_request"},
});
static_assert(IsOrderedNameTable(kKindNames));
inline constexpr std::array kAllKinds = ValuesOf(kKindNames);

enum class Channel { kPhone, kEmail, kPost, kFax, kInPerson, kWeb, kSocial, kForum };
inline constexpr auto kChannelNames = std::to_array<NamedValue<Channel>>({
    {Channel::kPhone, "phone"},
    {Channel::kEmail, "email"},
    {Channel::kPost, "post"},
    {Channel::kFax, "fax"},
    {Channel::kInPerson, "in_person"},
    {Channel::kWeb, "web"},
    {Channel::kSocial, "social"},
    {Channel::kForum, "forum"},
});
static_assert(IsOrderedNameTable(kChannelNames));
inline constexpr std::array kAllChannels = ValuesOf(kChannelNames);

// The events a standard can be counted from or fulfilled by ("milestones" of a case).
enum class Milestone {
  kReceived,
  kAcknowledged,
  kReferred,
  kReplied,
  kHoldingSent,
  kDecided,
  kResolved,
  kEscalated,
};
inline constexpr auto kMilestoneNames = std::to_array<NamedValue<Milestone>>({
    {Milestone::kReceived, "received"},
    {Milestone::kAcknowledged, "acknowledged"},
    {Milestone::kReferred, "referred"},
    {Milestone::kReplied, "replied"},
    {Milestone::kHoldingSent, "holding_sent"},
    {Milestone::kDecided, "decided"},
    {Milestone::kResolved, "resolved"},
    {Milestone::kEscalated, "escalated"},
});
static_assert(IsOrderedNameTable(kMilestoneNames));
inline constexpr std::array kAllMilestones = ValuesOf(kMilestoneNames);

std::string_view ToString(Kind kind);
std::string_view ToString(Channel channel);
std::string_view ToString(Milestone milestone);

std::optional<Kind> ParseKind(std::string_view text);
std::optional<Channel> ParseChannel(std::string_view text);
std::optional<Milestone> ParseMilestone(std::string_view text);

}  // namespace caredesk::core
