#include "fiber/event.h"

#include "fiber/fiber_internal.h"

namespace caredesk::fiber {
namespace {

thread_local int no_suspend = 0;

}  // namespace

namespace detail {
bool SuspendAllowed() { return no_suspend == 0; }
}  // namespace detail

void EnterNoSuspend() { ++no_suspend; }
void LeaveNoSuspend() { --no_suspend; }
NoSuspend::NoSuspend() { EnterNoSuspend(); }
NoSuspend::~NoSuspend() { LeaveNoSuspend(); }

Event::~Event() = default;

void Event::Wait() {
  std::unique_lock lock(mutex_);
  if (set_) return;
  Parked* self = detail::SuspendableFiber();
  if (self == nullptr) {
    set_cv_.wait(lock, [this] { return set_; });
    return;
  }
  // The lock passes to `park`, which records the fiber and unlocks once the fiber has left its
  // stack: a Set on another thread cannot resume it before then.
  lock.release();
  detail::Suspend(self, [this](Parked* parked) {
    parked_ = parked;
    mutex_.unlock();
  });
}

void Event::Set() {
  std::unique_lock lock(mutex_);
  set_ = true;
  Parked* parked = parked_;
  parked_ = nullptr;
  if (parked == nullptr) {
    set_cv_.notify_all();
    return;
  }
  lock.unlock();
  detail::MakeReady(parked);
}

}  // namespace caredesk::fiber
