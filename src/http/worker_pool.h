// The bounded pool that runs blocking work (database, password hashing) off the I/O threads.
// Its queue has a fixed capacity: when full, Submit refuses at once and the server answers 503,
// so overload sheds load instead of growing memory and latency without bound.
//
// A task goes to the worker that went idle last. The pool is large because writes wait for
// their group commit (server.h), but reads are quick: handed to the most recently idle workers,
// they keep a few threads (and their SQLite readers) hot rather than cycling through all of
// them, each wake-up then finding cold caches.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "fiber/task_pool.h"

namespace caredesk::http {

class WorkerPool final : public fiber::TaskPool {
 public:
  WorkerPool(std::size_t threads, std::size_t queue_capacity);
  ~WorkerPool() override;  // Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (task not run) when the queue is full or the pool is stopping.
  bool Submit(std::function<void()> task) override;
  // Tasks waiting for a worker (not those running): the queue-length metric.
  std::size_t QueueLength() const override;
  // Runs every task already queued, then joins the workers. Idempotent.
  void Stop() override;

 private:
  // A worker waiting for a task: Submit hands it one directly and wakes it alone.
  struct Idle {
    std::condition_variable wake;
    std::function<void()> task;
  };
  void Work();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<Idle*> idle_;                  // most recently idle last
  std::deque<std::function<void()>> queue_;  // tasks waiting while every worker is busy
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace caredesk::http
