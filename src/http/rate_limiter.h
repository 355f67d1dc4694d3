// Per-address rate limiting for chosen routes (sign-in, the public portal): a token bucket per
// remote address that holds `requests` tokens and refills them evenly over `per`. Time comes
// from the injected Clock, so tests step it instead of sleeping.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace caredesk::http {

struct RateLimit {
  int requests = 60;
  std::chrono::seconds per{60};
};

// Defaults a busy office behind one address never meets.
inline constexpr RateLimit kPortalSubmissionLimit{60, std::chrono::seconds(60)};
inline constexpr RateLimit kSignInLimit{10, std::chrono::seconds(60)};

class RateLimiter {
 public:
  // `clock` must outlive the limiter.
  RateLimiter(const core::Clock& clock, RateLimit limit);

  // Takes one token from `address`'s bucket: nothing when admitted, else how long until a
  // token is back (at least 1 s), for Retry-After.
  std::optional<std::chrono::seconds> Admit(const std::string& address);

 private:
  // Kept in whole units, never floating point, so refills are exact: a token is worth
  // `per` seconds-units, and each second adds `requests` units.
  struct Bucket {
    std::int64_t units = 0;
    core::Instant updated;
  };
  // Forgets buckets that have refilled completely, so memory stays bounded by recent senders.
  void ForgetFullBuckets(core::Instant now);

  const core::Clock& clock_;
  RateLimit limit_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace caredesk::http
