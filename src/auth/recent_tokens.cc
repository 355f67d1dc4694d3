#include "auth/recent_tokens.h"

#include <iterator>

namespace caredesk::auth {

std::optional<Authenticated> RecentTokens::Find(const std::string& token_hash, core::Instant now) {
  if (lifetime_.count() <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto found = entries_.find(token_hash);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.expires <= now) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.who;
}

void RecentTokens::Remember(const std::string& token_hash, const Authenticated& who,
                            core::Instant now) {
  if (lifetime_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) {
    std::erase_if(entries_, [now](const auto& entry) { return entry.second.expires <= now; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_.insert_or_assign(token_hash, Entry{who, now + lifetime_});
}

void RecentTokens::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace caredesk::auth
