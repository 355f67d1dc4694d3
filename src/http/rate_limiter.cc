#include "http/rate_limiter.h"

#include <algorithm>

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
  const std::int64_t cost = limit_.per.count();
  const std::int64_t refill = limit_.requests;  // units per second
  const std::int64_t capacity = refill * cost;
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= kSweepAt) ForgetFullBuckets(now);
  auto [it, inserted] = buckets_.try_emplace(address, Bucket{capacity, now});
  Bucket& bucket = it->second;
  if (!inserted && now > bucket.updated) {
    // Elapsed time past a full refill adds nothing, so the product cannot overflow.
    const std::int64_t elapsed = std::min<std::int64_t>((now - bucket.updated).count(), cost);
    bucket.units = std::min(capacity, bucket.units + elapsed * refill);
    bucket.updated = now;
  }
  if (bucket.units >= cost) {
    bucket.units -= cost;
    return std::nullopt;
  }
  const std::int64_t wait = (cost - bucket.units + refill - 1) / refill;
  return std::chrono::seconds(std::max<std::int64_t>(1, wait));
}

void RateLimiter::ForgetFullBuckets(core::Instant now) {
  std::erase_if(buckets_,
                [&](const auto& entry) { return now - entry.second.updated >= limit_.per; });
}

}  // namespace caredesk::http
