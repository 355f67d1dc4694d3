// A pool of fibers on a few threads, for work that mostly waits: each task runs on a fiber, and
// a fiber waiting for an Event (event.h) is suspended while its thread runs other fibers. A
// SQLite write waits a few milliseconds for the group commit that makes it durable; as a thread
// a request, that was two kernel context switches a request (to sleep on the commit, and to
// sleep idle after it), about a fifth of the server's CPU on two cores. As fibers, a thread
// switches between requests in user space and sleeps only when nothing is ready to run.
//
// A fiber stays on the thread that started it. Work that blocks its thread (a slow hash, a
// lock) holds up that thread's other fibers. A sleeping thread is woken when more tasks are
// queued than threads are awake (a thread blocked in such work counts as awake, so a task may
// wait for it until a second one is queued). A thread has a bounded number of fibers started at
// a time; beyond it tasks wait in the queue, and a full queue refuses them (503), as with threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include "fiber/task_pool.h"

namespace caredesk::fiber {

class FiberPool final : public TaskPool {
 public:
  // `stack_bytes`: each fiber's stack, below a guard page (an overflow faults, never corrupts).
  // `max_fibers_per_thread`: started fibers (running or suspended) a thread may have; at the
  // limit it starts no more, and tasks wait in the queue until one of its fibers finishes. It
  // bounds the stacks (address space and two mappings each) when the writer falls behind.
  FiberPool(std::size_t threads, std::size_t queue_capacity, std::size_t stack_bytes = 1024 * 1024,
            std::size_t max_fibers_per_thread = 512);
  ~FiberPool() override;  // Stop()
  FiberPool(const FiberPool&) = delete;
  FiberPool& operator=(const FiberPool&) = delete;

  bool Submit(std::function<void()> task) override;
  std::size_t QueueLength() const override;
  void Stop() override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace caredesk::fiber
