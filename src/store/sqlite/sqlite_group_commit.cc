#include "store/sqlite/sqlite_group_commit.h"

namespace caredesk::store {

GroupCommitter::GroupCommitter(std::unique_ptr<SqliteDb> db)
    : db_(std::move(db)), writer_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
}

core::Result<void> GroupCommitter::Run(std::function<core::Result<void>(SqliteDb&)> body) {
  Task task{std::move(body), {}};
  auto done = task.done.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return done.get();
}

void GroupCommitter::Loop() {
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

void GroupCommitter::RunCached(std::string_view sql) {
  if (auto statement = db_->Prepare(sql)) (void)statement->Run();
}

void GroupCommitter::CommitGroup(std::deque<Task>& group) {
  std::vector<core::Result<void>> results;
  results.reserve(group.size());
  auto begun = db_->Exec("BEGIN IMMEDIATE");
  if (!begun) {
    for (auto& task : group) task.done.set_value(tl::unexpected(begun.error()));
    return;
  }
  for (auto& task : group) {
    RunCached("SAVEPOINT write");
    core::Result<void> result;
    try {
      result = task.body(*db_);
    } catch (const std::exception& error) {
      result = core::Fail(core::ErrorCode::kInvalid, std::string("write failed: ") + error.what());
    }
    if (!result) RunCached("ROLLBACK TO write");
    RunCached("RELEASE write");
    results.push_back(std::move(result));
  }
  auto committed = db_->Exec("COMMIT");
  if (!committed) {
    (void)db_->Exec("ROLLBACK");
    for (auto& task : group) task.done.set_value(tl::unexpected(committed.error()));
    return;
  }
  for (std::size_t i = 0; i < group.size(); ++i) group[i].done.set_value(std::move(results[i]));
}

}  // namespace caredesk::store
