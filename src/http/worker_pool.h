// The bounded pool that runs blocking work (database, password hashing) off the I/O threads.
// Its queue has a fixed capacity: when full, Submit refuses at once and the server answers 503,
// so overload sheds load instead of growing memory and latency without bound.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace caredesk::http {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t queue_capacity);
  ~WorkerPool();  // Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (task not run) when the queue is full or the pool is stopping.
  bool Submit(std::function<void()> task);
  // Tasks waiting for a worker (not those running): the queue-length metric.
  std::size_t QueueLength() const;
  // Runs every task already queued, then joins the workers. Idempotent.
  void Stop();

 private:
  void Work();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace caredesk::http
