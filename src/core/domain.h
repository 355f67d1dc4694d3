// The domain's closed vocabularies (DESIGN.md "Domain words"): contact kinds, channels and
// the events that fulfil or trigger a standard. Each has one spelling, used in code, policy
// files, the API, the database and the UI.
#pragma once

#include <array>
#include <optional>
#include <string_view>

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
inline constexpr std::array kAllKinds = {
    Kind::kQuestion,       Kind::kComment,    Kind::kCompliment,       Kind::kComplaint,
    Kind::kServiceRequest, Kind::kSuggestion, Kind::kAdjustmentRequest};

enum class Channel { kPhone, kEmail, kPost, kFax, kInPerson, kWeb, kSocial, kForum };
inline constexpr std::array kAllChannels = {Channel::kPhone,  Channel::kEmail,    Channel::kPost,
                                            Channel::kFax,    Channel::kInPerson, Channel::kWeb,
                                            Channel::kSocial, Channel::kForum};

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
inline constexpr std::array kAllMilestones = {
    Milestone::kReceived,    Milestone::kAcknowledged, Milestone::kReferred, Milestone::kReplied,
    Milestone::kHoldingSent, Milestone::kDecided,      Milestone::kResolved, Milestone::kEscalated};

std::string_view ToString(Kind kind);
std::string_view ToString(Channel channel);
std::string_view ToString(Milestone milestone);

std::optional<Kind> ParseKind(std::string_view text);
std::optional<Channel> ParseChannel(std::string_view text);
std::optional<Milestone> ParseMilestone(std::string_view text);

}  // namespace caredesk::core
