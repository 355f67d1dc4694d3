#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace caredesk::http {
namespace {

// Past this many tracked addresses, full buckets are swept out.
constexpr std::size_t kSweepAt = 10000;

}  // namespace

RateLimiter::RateLimiter(const core::Clock& clock, RateLimit limit) : clock_(clock), limit_(limit) {
  limit_.requests = std::max(limit_.requests, 1);
  limit_.per = std::max(limit_.per, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> RateLimiter::Admit(const std::string& address) {
  const core::Instant now = clock_.Now();
  const double capacity = limit_.requests;
  const double per_second = capacity / static_cast<double>(limit_.per.count());
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= kSweepAt) ForgetFullBuckets(now);
  auto [it, inserted] = buckets_.try_emplace(address, Bucket{capacity, now});
  Bucket& bucket = it->second;
  if (!inserted) {
    const auto elapsed = std::max<std::int64_t>(0, (now - bucket.updated).count());
    bucket.tokens = std::min(capacity, bucket.tokens + per_second * static_cast<double>(elapsed));
    bucket.updated = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  const double wait = std::ceil((1.0 - bucket.tokens) / per_second);
  return std::chrono::seconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(wait)));
}

void RateLimiter::ForgetFullBuckets(core::Instant now) {
  std::erase_if(buckets_,
                [&](const auto& entry) { return now - entry.second.updated >= limit_.per; });
}

}  // namespace caredesk::http
