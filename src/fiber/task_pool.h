// What runs a server's blocking work: a pool of threads (http/worker_pool.h) or of fibers
// (fiber_pool.h). A bounded queue: when it is full, Submit refuses at once, so overload sheds
// load instead of growing memory and latency without bound.
#pragma once

#include <cstddef>
#include <functional>

namespace caredesk::fiber {

class TaskPool {
 public:
  virtual ~TaskPool() = default;
  // Queues `task`; false (task not run) when the queue is full or the pool is stopping.
  virtual bool Submit(std::function<void()> task) = 0;
  // Tasks waiting to start (not those running or suspended): the queue-length metric.
  virtual std::size_t QueueLength() const = 0;
  // Runs every task already queued and lets every started one finish, then joins the threads.
  // Idempotent.
  virtual void Stop() = 0;
};

}  // namespace caredesk::fiber
