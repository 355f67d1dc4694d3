#include "store/sqlite/sqlite_readers.h"

namespace caredesk::store {
namespace {

// The connection Together holds on this thread, and the pool it came from.
struct Held {
  SqliteReaders* pool = nullptr;
  SqliteDb* db = nullptr;
};
thread_local Held held;

}  // namespace

SqliteReaders::SqliteReaders(std::string path, std::unique_ptr<SqliteDb> first, std::size_t max)
    : path_(std::move(path)), max_(max) {
  idle_.push_back(std::move(first));
}

SqliteReaders::Lease SqliteReaders::Borrow() {
  if (held.pool == this) return Lease(*held.db);
  std::unique_lock lock(mutex_);
  if (idle_.empty() && open_ < max_) {
    ++open_;
    lock.unlock();
    if (auto opened = SqliteDb::Open(path_)) return Lease(*this, std::move(*opened));
    lock.lock();  // cannot open another now: wait for one of those already open
    --open_;
  }
  returned_.wait(lock, [this] { return !idle_.empty(); });
  auto db = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(db));
}

void SqliteReaders::Return(std::unique_ptr<SqliteDb> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  returned_.notify_one();
}

void SqliteReaders::Together(const std::function<void()>& reads) {
  if (held.pool == this) return reads();
  Lease lease = Borrow();
  // BEGIN defers the read transaction to the first read; it lasts until COMMIT, whatever
  // commits meanwhile, and ends however `reads` ends (a read transaction has nothing to undo).
  // Should BEGIN fail, each read runs in a transaction of its own as usual.
  struct Hold {
    Held before;
    bool begun;
    Hold(SqliteReaders* pool, SqliteDb& db)
        : before(held), begun(db.RunCached("BEGIN").has_value()) {
      held = {pool, &db};
    }
    ~Hold() {
      if (begun) (void)held.db->RunCached("COMMIT");
      held = before;
    }
  } hold(this, *lease);
  reads();
}

}  // namespace caredesk::store
