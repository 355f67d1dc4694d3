#include "core/standard.h"

#include <algorithm>

namespace caredesk::core {

bool Standard::AppliesTo(Kind kind, Channel channel) const {
  const bool kind_ok = kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  const bool channel_ok =
      channels.empty() || std::find(channels.begin(), channels.end(), channel) != channels.end();
  return kind_ok && channel_ok;
}

bool Standard::IsCustomerFacing() const {
  return event == Milestone::kAcknowledged || event == Milestone::kReplied ||
         event == Milestone::kHoldingSent;
}

bool Standard::IsPausable() const {
  return event == Milestone::kReplied || event == Milestone::kHoldingSent ||
         event == Milestone::kDecided || event == Milestone::kResolved;
}

}  // namespace caredesk::core
