// API tokens recognised in the last moments, so that a script sending many requests is not
// looked up in the store on every one. An entry lives `lifetime` (two seconds by default): a
// token revoked, or a staff member deactivated or given another role, is refused by every
// process at most that long afterwards. Bounded: when full, expired entries are dropped, and
// if none had expired, everything is.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/authenticated.h"
#include "core/instant.h"

namespace caredesk::auth {

class RecentTokens {
 public:
  explicit RecentTokens(std::chrono::seconds lifetime, std::size_t capacity = 10'000)
      : lifetime_(lifetime), capacity_(capacity) {}

  // Who `token_hash` named when last looked up, if that was less than `lifetime` before `now`.
  std::optional<Authenticated> Find(const std::string& token_hash, core::Instant now);
  void Remember(const std::string& token_hash, const Authenticated& who, core::Instant now);
  // Forgets every token, so the next request of each is looked up again (after a change to
  // staff or departments made in this process).
  void Clear();

 private:
  struct Entry {
    Authenticated who;
    core::Instant expires;
  };
  std::chrono::seconds lifetime_;
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace caredesk::auth
