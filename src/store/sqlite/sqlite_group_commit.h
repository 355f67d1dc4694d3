// Group commit: every write to the SQLite store runs on one writer thread, and the writes that
// queue up while a transaction commits are committed together in the next one. A write that
// fails is undone alone (see CommitGroup); a caller returns only after the transaction holding
// its write has committed with synchronous=FULL (durable). Many concurrent callers therefore
// share one fsync instead of paying one each.
//
// A write's body may run more than once (a group is run again when another write in it fails
// after changing rows); only its last run counts, so a body must not keep state from an
// earlier run.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "fiber/event.h"
#include "store/sqlite/sqlite_db.h"

namespace caredesk::store {

class GroupCommitter {
 public:
  static constexpr std::size_t kMaxGroup = 512;

  explicit GroupCommitter(std::unique_ptr<SqliteDb> db);
  // Finishes the queued writes, then stops the writer thread.
  ~GroupCommitter();

  // Runs `body` on the writer connection in the next group; returns its result once the group
  // has committed (or the commit's error). On a fiber (fiber/fiber_pool.h) the caller's fiber is
  // suspended meanwhile, not its thread.
  core::Result<void> Run(std::function<core::Result<void>(SqliteDb&)> body);

  // From inside a body only: leaves `work` for the end of the group, after every write's
  // savepoint is released and before COMMIT, in the same transaction; it is dropped with a write
  // that fails, and if it fails the whole group fails (nothing of it is committed). For writes
  // that cost much inside a savepoint: FTS5 flushes its pending terms to a new segment at every
  // savepoint, so search rows written inside each write's savepoint cost a segment apiece.
  void Defer(std::function<core::Result<void>(SqliteDb&)> work);

  // Work for every group, set once before the first Run: `on_begin` runs after BEGIN (state a
  // previous group left behind is forgotten), `before_commit` after the writes and the deferred
  // work; if it fails, the whole group fails.
  void SetGroupHooks(std::function<void()> on_begin,
                     std::function<core::Result<void>(SqliteDb&)> before_commit);

  // Writes waiting for the next group (a gauge for /metrics).
  std::size_t Queued();

 private:
  // A write and where its caller waits (on the caller's stack, until `done` is set).
  struct Task {
    std::function<core::Result<void>(SqliteDb&)> body;
    core::Result<void>* result;
    fiber::Event* done;
  };
  void Loop();
  void CommitGroup(std::deque<Task>& group);
  // Runs the group in one transaction and commits it: each write's result, or every write
  // failing with the transaction's error. Without `savepoints`, none when a write failed after
  // changing rows (the transaction was rolled back; nothing was committed).
  std::optional<std::vector<core::Result<void>>> RunGroup(std::deque<Task>& group, bool savepoints);

  std::unique_ptr<SqliteDb> db_;
  std::vector<std::function<core::Result<void>(SqliteDb&)>> deferred_;  // writer thread only
  std::function<void()> on_begin_;
  std::function<core::Result<void>(SqliteDb&)> before_commit_;
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
