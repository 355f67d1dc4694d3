#include "store/sqlite/sqlite_readers.h"

namespace caredesk::store {

SqliteReaders::SqliteReaders(std::string path, std::unique_ptr<SqliteDb> first, std::size_t max)
    : path_(std::move(path)), max_(max) {
  idle_.push_back(std::move(first));
}

SqliteReaders::Lease SqliteReaders::Borrow() {
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

}  // namespace caredesk::store
