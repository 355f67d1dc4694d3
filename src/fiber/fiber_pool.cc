#include "fiber/fiber_pool.h"

#include <algorithm>
#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "fiber/fiber_internal.h"

namespace caredesk::fiber {

namespace ctx = boost::context;

struct Thread;

// One fiber of a pool thread; it runs tasks one after another, parked idle between them.
struct Parked {
  ctx::fiber self;       // the fiber's continuation while it is suspended or not yet started
  ctx::fiber scheduler;  // its thread's scheduler's continuation while the fiber runs
  Thread* owner = nullptr;
  std::function<void()> task;  // the next task; none: the fiber ends
};

struct Thread {
  FiberPool::Impl* pool = nullptr;
  std::condition_variable wake;
  std::deque<Parked*> ready;  // resumed fibers (pool mutex)
  bool sleeping = false;      // (pool mutex)
  // Owned by the thread alone:
  std::vector<std::unique_ptr<Parked>> fibers;
  std::vector<Parked*> idle;
  std::size_t waiting = 0;  // fibers suspended on an Event (pool mutex)
};

struct FiberPool::Impl {
  std::size_t capacity;
  std::size_t stack_bytes;
  std::size_t max_live;  // started fibers a thread may have (fiber_pool.h)
  mutable std::mutex mutex;
  std::deque<std::function<void()>> queue;
  std::vector<std::unique_ptr<Thread>> threads;
  std::vector<Thread*> sleepers;  // most recently asleep last (mutex)
  std::size_t awake = 0;          // (mutex)
  bool stopping = false;          // (mutex)
  std::vector<std::thread> joins;

  void Loop(Thread& thread);
  Parked* IdleFiber(Thread& thread);
  void WakeOne();  // mutex held
};

namespace {

constexpr std::size_t kIdleKept = 64;  // idle fibers a thread keeps (their stacks) for reuse

thread_local Parked* running = nullptr;

// Parks the running fiber `self` idle on its thread until it is given another task.
void ParkIdle(Parked* self) {
  self->scheduler = std::move(self->scheduler).resume_with([self](ctx::fiber&& me) {
    self->self = std::move(me);
    self->owner->idle.push_back(self);
    return ctx::fiber{};
  });
}

// Runs `parked` until it suspends, parks idle or ends; an ended fiber is freed.
void Run(Parked* parked) {
  running = parked;
  ctx::fiber next = std::move(parked->self);
  std::move(next).resume();
  running = nullptr;
  if (parked->self) return;  // suspended or idle: it resumes later
  auto& fibers = parked->owner->fibers;
  std::erase_if(fibers, [parked](const auto& owned) { return owned.get() == parked; });
}

}  // namespace

namespace detail {

Parked* SuspendableFiber() { return SuspendAllowed() ? running : nullptr; }

void Suspend(Parked* self, const std::function<void(Parked*)>& park) {
  self->scheduler = std::move(self->scheduler).resume_with([self, &park](ctx::fiber&& me) {
    self->self = std::move(me);
    {
      std::lock_guard lock(self->owner->pool->mutex);
      ++self->owner->waiting;
    }
    park(self);
    return ctx::fiber{};
  });
}

void MakeReady(Parked* parked) {
  Thread* thread = parked->owner;
  std::lock_guard lock(thread->pool->mutex);
  thread->ready.push_back(parked);
  if (thread->sleeping) {
    thread->sleeping = false;
    ++thread->pool->awake;
    std::erase(thread->pool->sleepers, thread);
    thread->wake.notify_one();
  }
}

}  // namespace detail

Parked* FiberPool::Impl::IdleFiber(Thread& thread) {
  if (!thread.idle.empty()) {
    Parked* parked = thread.idle.back();
    thread.idle.pop_back();
    return parked;
  }
  auto owned = std::make_unique<Parked>();
  Parked* parked = owned.get();
  parked->owner = &thread;
  try {
    parked->self = ctx::fiber(std::allocator_arg, ctx::protected_fixedsize_stack(stack_bytes),
                              [parked](ctx::fiber&& scheduler) {
                                parked->scheduler = std::move(scheduler);
                                while (parked->task) {
                                  {  // the task and what it holds end with it
                                    auto task = std::move(parked->task);
                                    parked->task = nullptr;
                                    task();
                                  }
                                  // After a burst, the fibers beyond those kept end.
                                  if (parked->owner->idle.size() >= kIdleKept) break;
                                  ParkIdle(parked);
                                }
                                return std::move(parked->scheduler);
                              });
  } catch (const std::exception&) {
    return nullptr;  // no memory for a stack (or no mapping left)
  }
  thread.fibers.push_back(std::move(owned));
  return parked;
}

void FiberPool::Impl::WakeOne() {
  if (sleepers.empty()) return;
  Thread* thread = sleepers.back();
  sleepers.pop_back();
  thread->sleeping = false;
  ++awake;
  thread->wake.notify_one();
}

void FiberPool::Impl::Loop(Thread& thread) {
  std::unique_lock lock(mutex);
  while (true) {
    if (!thread.ready.empty()) {
      Parked* parked = thread.ready.front();
      thread.ready.pop_front();
      --thread.waiting;
      lock.unlock();
      Run(parked);
      lock.lock();
    } else if (!queue.empty() && thread.fibers.size() - thread.idle.size() < max_live) {
      auto task = std::move(queue.front());
      queue.pop_front();
      lock.unlock();
      if (Parked* parked = IdleFiber(thread)) {
        parked->task = std::move(task);
        Run(parked);
      } else {
        task();  // on the thread's own stack: its waits block the thread
      }
      lock.lock();
    } else if (stopping && thread.waiting == 0) {
      break;
    } else {
      thread.sleeping = true;
      --awake;
      sleepers.push_back(&thread);
      thread.wake.wait(lock, [&] { return !thread.sleeping || (stopping && thread.waiting == 0); });
      if (thread.sleeping) {  // stopping: awake again to finish
        thread.sleeping = false;
        ++awake;
        std::erase(sleepers, &thread);
      }
    }
  }
  lock.unlock();
  for (Parked* parked : thread.idle) Run(parked);  // no task: each fiber returns
  thread.idle.clear();
}

FiberPool::FiberPool(std::size_t threads, std::size_t queue_capacity, std::size_t stack_bytes,
                     std::size_t max_fibers_per_thread)
    : impl_(std::make_unique<Impl>()) {
  impl_->max_live = std::max<std::size_t>(max_fibers_per_thread, 1);
  impl_->capacity = std::max<std::size_t>(queue_capacity, 1);
  impl_->stack_bytes = stack_bytes;
  threads = std::max<std::size_t>(threads, 1);
  impl_->awake = threads;
  for (std::size_t i = 0; i < threads; ++i) {
    impl_->threads.push_back(std::make_unique<Thread>());
    impl_->threads.back()->pool = impl_.get();
  }
  for (auto& thread : impl_->threads) {
    impl_->joins.emplace_back([this, t = thread.get()] { impl_->Loop(*t); });
  }
}

FiberPool::~FiberPool() { Stop(); }

bool FiberPool::Submit(std::function<void()> task) {
  std::lock_guard lock(impl_->mutex);
  if (impl_->stopping || impl_->queue.size() >= impl_->capacity) return false;
  impl_->queue.push_back(std::move(task));
  if (impl_->queue.size() > impl_->awake) impl_->WakeOne();
  return true;
}

std::size_t FiberPool::QueueLength() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->queue.size();
}

void FiberPool::Stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping && impl_->joins.empty()) return;
    impl_->stopping = true;
    for (auto& thread : impl_->threads) thread->wake.notify_one();
  }
  for (auto& thread : impl_->joins) {
    if (thread.joinable()) thread.join();
  }
  impl_->joins.clear();
}

}  // namespace caredesk::fiber
