#include "store/sqlite/sqlite_group_commit.h"

#include <pthread.h>

namespace caredesk::store {

GroupCommitter::GroupCommitter(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {
  // A smaller page cache than a reader's: at the end of every transaction SQLite walks the whole
  // hash table of the writer's cache (about a tenth of the writer's time with 64 MiB), and a
  // group's writes touch far fewer pages than 8 MiB holds.
  (void)db_->Exec("PRAGMA cache_size = -8192");
  writer_ = std::thread([this] { Loop(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

core::Result<void> GroupCommitter::Run(std::function<core::Result<void>(SqliteDb&)> body) {
  core::Result<void> result;
  fiber::Event done;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Task{std::move(body), &result, &done});
  }
  wake_.notify_one();
  done.Wait();
  return result;
}

void GroupCommitter::Loop() {
  pthread_setname_np(pthread_self(), "sqlite-writer");  // its name in top, perf and /proc
  while (true) {
    std::deque<Task> group;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping with nothing left to do
      while (!queue_.empty() && group.size() < kMaxGroup) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitGroup(group);
  }
}

void GroupCommitter::SetGroupHooks(std::function<void()> on_begin,
                                   std::function<core::Result<void>(SqliteDb&)> before_commit) {
  std::lock_guard lock(mutex_);  // orders the hooks before the writer's next group
  on_begin_ = std::move(on_begin);
  before_commit_ = std::move(before_commit);
}

std::size_t GroupCommitter::Queued() {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void GroupCommitter::Defer(std::function<core::Result<void>(SqliteDb&)> work) {
  deferred_.push_back(std::move(work));
}

namespace {

// Runs one write or one piece of deferred work, turning an exception into an error.
core::Result<void> Guarded(const std::function<core::Result<void>(SqliteDb&)>& body, SqliteDb& db) {
  try {
    return body(db);
  } catch (const std::exception& error) {
    return core::Fail(core::ErrorCode::kInvalid, std::string("write failed: ") + error.what());
  }
}

}  // namespace

void GroupCommitter::CommitGroup(std::deque<Task>& group) {
  // Most writes succeed, and most that fail do so before changing anything (a stale event
  // count, a missing case), so the group first runs without savepoints, which cost a statement
  // journal copy of every page a write touches. Only when a write fails after changing rows
  // is the transaction rolled back and the group run again, each write in its own savepoint.
  auto outcome = RunGroup(group, /*savepoints=*/false);
  if (!outcome) outcome = RunGroup(group, /*savepoints=*/true);
  for (std::size_t i = 0; i < group.size(); ++i) {
    *group[i].result = std::move((*outcome)[i]);
    group[i].done->Set();  // the caller may return at once: its task is not touched after this
  }
}

std::optional<std::vector<core::Result<void>>> GroupCommitter::RunGroup(std::deque<Task>& group,
                                                                        bool savepoints) {
  std::vector<core::Result<void>> results;
  results.reserve(group.size());
  auto fail_all = [&](const core::Error& error) {
    (void)db_->Exec("ROLLBACK");
    results.assign(group.size(), tl::unexpected(error));
    return results;
  };
  deferred_.clear();
  if (auto begun = db_->Exec("BEGIN IMMEDIATE"); !begun) return fail_all(begun.error());
  if (on_begin_) on_begin_();
  for (auto& task : group) {
    if (savepoints) (void)db_->RunCached("SAVEPOINT write");
    const std::size_t deferred_before = deferred_.size();
    const auto changes_before = sqlite3_total_changes64(db_->raw());
    core::Result<void> result = Guarded(task.body, *db_);
    if (!result) {
      deferred_.resize(deferred_before);
      if (savepoints) {
        (void)db_->RunCached("ROLLBACK TO write");
      } else if (sqlite3_total_changes64(db_->raw()) != changes_before) {
        (void)db_->Exec("ROLLBACK");
        return std::nullopt;  // its changes cannot be undone alone: run again with savepoints
      }
    }
    if (savepoints) (void)db_->RunCached("RELEASE write");
    results.push_back(std::move(result));
  }
  core::Result<void> committed;
  for (auto& work : deferred_) {
    committed = Guarded(work, *db_);
    if (!committed) break;
  }
  deferred_.clear();
  if (committed && before_commit_) committed = Guarded(before_commit_, *db_);
  if (committed) committed = db_->Exec("COMMIT");
  if (!committed) return fail_all(committed.error());
  return results;
}

}  // namespace caredesk::store
