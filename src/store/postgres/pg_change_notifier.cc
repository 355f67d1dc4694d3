#include "store/postgres/pg_change_notifier.h"

#include <chrono>

#include "store/postgres/pg_change_listener.h"
#include "store/postgres/pg_conn.h"

namespace caredesk::store {
namespace {

constexpr std::size_t kMaxQueued = 100000;
constexpr std::size_t kMaxBatch = 500;
constexpr auto kRetryPause = std::chrono::milliseconds(500);

}  // namespace

PgChangeNotifier::~PgChangeNotifier() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PgChangeNotifier::Announce(std::vector<core::CaseChange> changes) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    for (auto& change : changes) queue_.push_back(std::move(change));
    while (queue_.size() > kMaxQueued) queue_.pop_front();
    if (!started_) {
      started_ = true;
      thread_ = std::thread([this] { Run(); });
    }
  }
  wake_.notify_one();
}

void PgChangeNotifier::Run() {
  std::unique_ptr<PgConnection> conn;
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping with nothing left to send
    const std::size_t n = std::min(queue_.size(), kMaxBatch);
    std::vector<core::CaseChange> batch(queue_.begin(), queue_.begin() + long(n));
    lock.unlock();
    bool sent = false;
    if (!conn) {
      auto opened = PgConnection::Connect(url_);
      if (opened && (*opened)->Query("SET synchronous_commit = off")) conn = std::move(*opened);
    }
    if (conn) {
      sent = bool(NotifyCaseChanges(*conn, batch));
      if (!sent) conn.reset();  // reconnect for the next try
    }
    lock.lock();
    if (sent) {
      queue_.erase(queue_.begin(), queue_.begin() + long(std::min(n, queue_.size())));
    } else if (stopping_) {
      return;  // the database is unreachable: what is queued is dropped with the process
    } else {
      wake_.wait_for(lock, kRetryPause, [this] { return stopping_; });
    }
  }
}

}  // namespace caredesk::store
