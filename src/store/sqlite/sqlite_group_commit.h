// Group commit: every write to the SQLite store runs on one writer thread, and the writes that
// queue up while a transaction commits are committed together in the next one. Each write runs
// inside its own savepoint, so a write that fails is undone alone; a caller returns only after
// the transaction holding its write has committed with synchronous=FULL (durable). Many
// concurrent callers therefore share one fsync instead of paying one each.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

class GroupCommitter {
 public:
  static constexpr std::size_t kMaxGroup = 512;

  explicit GroupCommitter(std::unique_ptr<SqliteDb> db);
  // Finishes the queued writes, then stops the writer thread.
  ~GroupCommitter();

  // Runs `body` on the writer connection in the next group; returns its result once the group
  // has committed (or the commit's error).
  core::Result<void> Run(std::function<core::Result<void>(SqliteDb&)> body);

 private:
  struct Task {
    std::function<core::Result<void>(SqliteDb&)> body;
    std::promise<core::Result<void>> done;
  };
  void Loop();
  void CommitGroup(std::deque<Task>& group);
  // Savepoint statements run many times a second: parsed once, from the statement cache.
  void RunCached(std::string_view sql);

  std::unique_ptr<SqliteDb> db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::thread writer_;
};

// Runs a write that produces a value through the committer.
template <class T>
core::Result<T> Write(GroupCommitter& committer, std::function<core::Result<T>(SqliteDb&)> body) {
  std::optional<core::Result<T>> out;
  auto status = committer.Run([&](SqliteDb& db) -> core::Result<void> {
    out = body(db);
    if (!*out) return tl::unexpected(out->error());
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*out);
}

}  // namespace caredesk::store
