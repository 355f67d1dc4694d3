// Service notices (seed 003): staff announce a problem that affects the service — a system down,
// an office closed, post delayed — so that customers hear it before they have to ask. A notice
// is shown on the portal while it is in force, from `starts_at` until `ends_at` (none: until a
// member of staff ends it), and may be emailed to the customers with an open case in the service
// it concerns.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/error.h"
#include "core/instant.h"
#include "core/store_records.h"

namespace caredesk::core {

struct ServiceNotice {
  Id id = 0;
  std::string title;
  std::string text;
  std::string service;  // one of the policy's services; empty: every service
  Instant starts_at{};
  std::optional<Instant> ends_at;  // none: until ended
  std::optional<Id> created_by;    // the staff member who announced it
  Instant created_at{};

  // Whether the portal shows it at `now`.
  bool InForceAt(Instant now) const { return starts_at <= now && (!ends_at || now < *ends_at); }

  friend bool operator==(const ServiceNotice&, const ServiceNotice&) = default;
};

inline constexpr std::size_t kMaxNoticeTitle = 200;
inline constexpr std::size_t kMaxNoticeText = 5'000;

// kInvalid, naming the field, when the notice cannot be kept: an empty or overlong title or
// text, text that is not UTF-8, or an end that does not come after the start.
Result<void> CheckNoticeFields(const ServiceNotice& notice);
// The same, and a service that is not one of `services` (the policy's).
Result<void> CheckNotice(const ServiceNotice& notice, std::span<const std::string> services);

}  // namespace caredesk::core
