// The SQLite store's reading connections: a small pool, so reads on several worker threads run
// side by side (WAL lets readers proceed while the writer commits) instead of queueing behind
// one connection. Connections are opened as needed, up to a limit; a reader beyond it waits for
// one to come back. Each connection keeps its own prepared-statement cache. The limit matches
// the server's write pool (64 workers on 2 cores), whose handlers read too: with 16, workers
// queued for a connection and GET /cases/{reference} fell from about 34,000/s to 25,000/s.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fiber/event.h"
#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

class SqliteReaders {
 public:
  SqliteReaders(std::string path, std::unique_ptr<SqliteDb> first, std::size_t max = 64);

  // A connection for the caller's reads, back in the pool when the lease ends; inside
  // Together, the connection held for the whole of it. A fiber holding one is not suspended
  // (fiber/event.h): suspended fibers holding every connection would leave none for the fibers
  // that could finish.
  class Lease {
   public:
    Lease(SqliteReaders& pool, std::unique_ptr<SqliteDb> db)
        : pool_(&pool), owned_(std::move(db)), db_(owned_.get()) {
      fiber::EnterNoSuspend();
    }
    explicit Lease(SqliteDb& held) : pool_(nullptr), db_(&held) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!owned_) return;
      pool_->Return(std::move(owned_));
      fiber::LeaveNoSuspend();
    }
    SqliteDb& operator*() { return *db_; }
    SqliteDb* operator->() { return db_; }

   private:
    SqliteReaders* pool_;
    std::unique_ptr<SqliteDb> owned_;
    SqliteDb* db_;
  };

  Lease Borrow();

  // Runs `reads` with every Borrow of this thread answered by one connection inside one read
  // transaction (Store::ReadTogether); nested calls join the outer one.
  void Together(const std::function<void()>& reads);

 private:
  void Return(std::unique_ptr<SqliteDb> db);

  const std::string path_;
  const std::size_t max_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<SqliteDb>> idle_;
  std::size_t open_ = 1;
};

}  // namespace caredesk::store
