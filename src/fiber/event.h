// A one-shot event one waiter waits for. A fiber must not wait while it holds a mutex that
// another fiber of its thread may take: that fiber would block the thread the holder needs to
// resume on (hold a NoSuspend instead, or release the mutex first).
// Waited for on a fiber of a FiberPool, it suspends the
// fiber and its thread runs other fibers meanwhile; on any other thread (or under NoSuspend) it
// blocks the thread. Set may come from any thread, before or after Wait.
#pragma once

#include <condition_variable>
#include <mutex>

namespace caredesk::fiber {

struct Parked;  // a suspended fiber and the thread it belongs to (fiber_pool.cc)

class Event {
 public:
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event();

  void Wait();
  void Set();

 private:
  std::mutex mutex_;
  std::condition_variable set_cv_;
  bool set_ = false;
  Parked* parked_ = nullptr;  // the fiber waiting, when one is
};

// While one lives, the fiber it was made on blocks its thread in Event::Wait instead of
// suspending: for code holding something that is its thread's (a SQLite read snapshot, a
// connection from a bounded pool that a suspended fiber would keep from others). Made and ended
// on the same thread.
class NoSuspend {
 public:
  NoSuspend();
  ~NoSuspend();
  NoSuspend(const NoSuspend&) = delete;
  NoSuspend& operator=(const NoSuspend&) = delete;
};

// A NoSuspend's life for holders that move (a pooled connection's lease): every Enter ended by
// one Leave, on the same thread.
void EnterNoSuspend();
void LeaveNoSuspend();

}  // namespace caredesk::fiber
