#include "store/postgres/pg_pool.h"

namespace caredesk::store {

Result<PgPool::Lease> PgPool::Borrow() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    lock.unlock();
    Lease lease(*this, std::move(conn));
    if (lease->Broken() && !lease->Reset()) {
      // The lease closes it on the way back; the next borrower opens a new one.
      return Fail(core::ErrorCode::kUnavailable,
                  "PostgreSQL: the connection was lost; reconnecting failed");
    }
    return lease;
  }
  ++open_;
  lock.unlock();
  auto conn = PgConnection::Connect(url_);
  if (!conn) {
    lock.lock();
    --open_;
    returned_.notify_one();
    return tl::unexpected(conn.error());
  }
  return Lease(*this, std::move(*conn));
}

void PgPool::Return(std::unique_ptr<PgConnection> conn) {
  // A transaction left open must not leak into the next borrower's work. A connection that
  // cannot roll back, or was lost, is closed; a new one is opened when needed.
  if (!conn->Idle() && !conn->Broken()) (void)conn->Exec("ROLLBACK");
  const bool reusable = conn->Idle();
  if (!reusable) conn.reset();
  std::lock_guard lock(mutex_);
  if (reusable) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  returned_.notify_one();
}

}  // namespace caredesk::store
