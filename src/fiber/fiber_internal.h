// The fiber pool's private parts that Event needs (fiber_pool.cc, event.cc).
#pragma once

#include <functional>

namespace caredesk::fiber {

struct Parked;

namespace detail {

// Whether no NoSuspend lives on this thread (event.cc).
bool SuspendAllowed();
// The pool fiber running on this thread, when one is and it may suspend (SuspendAllowed).
Parked* SuspendableFiber();
// Suspends fiber `self` (the running one): once it has left its stack, `park(self)` runs on its
// thread's scheduler, which then runs other fibers. Returns when MakeReady(self) resumes it.
void Suspend(Parked* self, const std::function<void(Parked*)>& park);
// Queues a suspended fiber to run again on its thread; from any thread.
void MakeReady(Parked* parked);

}  // namespace detail
}  // namespace caredesk::fiber
