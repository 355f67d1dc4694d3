#include "core/domain.h"

#include "core/error.h"

namespace caredesk::core {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> ParseByName(std::string_view text, const std::array<Enum, N>& all) {
  for (Enum value : all) {
    if (ToString(value) == text) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kOutOfRange:
      return "out_of_range";
  }
  return "invalid";
}

std::string_view ToString(Kind kind) {
  switch (kind) {
    case Kind::kQuestion:
      return "question";
    case Kind::kComment:
      return "comment";
    case Kind::kCompliment:
      return "compliment";
    case Kind::kComplaint:
      return "complaint";
    case Kind::kServiceRequest:
      return "service_request";
    case Kind::kSuggestion:
      return "suggestion";
    case Kind::kAdjustmentRequest:
      return "adjustment_request";
  }
  return "question";
}

std::string_view ToString(Channel channel) {
  switch (channel) {
    case Channel::kPhone:
      return "phone";
    case Channel::kEmail:
      return "email";
    case Channel::kPost:
      return "post";
    case Channel::kFax:
      return "fax";
    case Channel::kInPerson:
      return "in_person";
    case Channel::kWeb:
      return "web";
    case Channel::kSocial:
      return "social";
    case Channel::kForum:
      return "forum";
  }
  return "web";
}

std::string_view ToString(Milestone milestone) {
  switch (milestone) {
    case Milestone::kReceived:
      return "received";
    case Milestone::kAcknowledged:
      return "acknowledged";
    case Milestone::kReferred:
      return "referred";
    case Milestone::kReplied:
      return "replied";
    case Milestone::kHoldingSent:
      return "holding_sent";
    case Milestone::kDecided:
      return "decided";
    case Milestone::kResolved:
      return "resolved";
    case Milestone::kEscalated:
      return "escalated";
  }
  return "received";
}

std::optional<Kind> ParseKind(std::string_view text) { return ParseByName(text, kAllKinds); }
std::optional<Channel> ParseChannel(std::string_view text) {
  return ParseByName(text, kAllChannels);
}
std::optional<Milestone> ParseMilestone(std::string_view text) {
  return ParseByName(text, kAllMilestones);
}

}  // namespace caredesk::core
