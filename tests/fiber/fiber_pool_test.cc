// The fiber pool and its events: a fiber waiting for an event is suspended and its thread runs
// other fibers; a plain thread (or a fiber under NoSuspend) blocks instead; a full queue refuses;
// Stop lets every started fiber finish.
#include "fiber/fiber_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "fiber/event.h"

namespace caredesk::fiber {
namespace {

using namespace std::chrono_literals;

// Waits (on the test's thread) until `done` or 10 s.
bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 1000 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(FiberPool, AWaitingFiberLetsItsOneThreadRunTheFiberThatSetsItsEvent) {
  FiberPool pool(1, 16);
  Event ready;
  std::atomic<int> order{0};
  int waiter_saw = -1;
  std::promise<void> finished;
  ASSERT_TRUE(pool.Submit([&] {
    ready.Wait();  // as a thread, this would hold the pool's one thread for ever
    waiter_saw = order.fetch_add(1);
    finished.set_value();
  }));
  ASSERT_TRUE(pool.Submit([&] {
    order.fetch_add(1);
    ready.Set();
  }));
  ASSERT_EQ(finished.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_EQ(waiter_saw, 1) << "the setter ran while the waiter was suspended";
}

TEST(FiberPool, AnEventSetFromAnotherThreadResumesTheFiberOnItsOwnThread) {
  FiberPool pool(2, 1024);
  constexpr int kFibers = 200;
  std::vector<Event> events(kFibers);
  std::atomic<int> resumed_on_own_thread{0};
  std::atomic<int> done{0};
  for (int i = 0; i < kFibers; ++i) {
    ASSERT_TRUE(pool.Submit([&, i] {
      const auto before = std::this_thread::get_id();
      events[i].Wait();
      if (std::this_thread::get_id() == before) ++resumed_on_own_thread;
      ++done;
    }));
  }
  std::this_thread::sleep_for(50ms);  // most are suspended by now; the rest find theirs set
  for (auto& event : events) event.Set();
  ASSERT_TRUE(Eventually([&] { return done == kFibers; }));
  EXPECT_EQ(resumed_on_own_thread, kFibers);
}

TEST(FiberPool, UnderNoSuspendAFiberBlocksItsThread) {
  FiberPool pool(1, 16);
  Event ready;
  std::atomic<bool> waited{false};
  std::atomic<bool> other_ran_during_wait{false};
  ASSERT_TRUE(pool.Submit([&] {
    NoSuspend hold;
    ready.Wait();
    waited = true;
  }));
  ASSERT_TRUE(pool.Submit([&] { other_ran_during_wait = !waited; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(other_ran_during_wait) << "the one thread is blocked in the wait";
  ready.Set();
  ASSERT_TRUE(Eventually([&] { return waited.load(); }));
  pool.Stop();
  EXPECT_FALSE(other_ran_during_wait);
}

TEST(FiberPool, AnEventOnAPlainThreadBlocksUntilSetAndASetEventDoesNotWait) {
  Event early;
  early.Set();
  early.Wait();
  Event later;
  std::thread setter([&] {
    std::this_thread::sleep_for(20ms);
    later.Set();
  });
  const auto start = std::chrono::steady_clock::now();
  later.Wait();
  EXPECT_GE(std::chrono::steady_clock::now() - start, 15ms);
  setter.join();
}

TEST(FiberPool, AFullQueueRefusesInsteadOfGrowing) {
  FiberPool pool(1, 1);
  Event release;
  std::promise<void> started;
  ASSERT_TRUE(pool.Submit([&] {
    NoSuspend hold;  // keeps the thread, so the next tasks stay queued
    started.set_value();
    release.Wait();
  }));
  started.get_future().wait();
  EXPECT_TRUE(pool.Submit([] {}));
  EXPECT_FALSE(pool.Submit([] {})) << "the queue holds one";
  EXPECT_EQ(pool.QueueLength(), 1u);
  release.Set();
}

TEST(FiberPool, StopRunsWhatIsQueuedAndWaitsForSuspendedFibers) {
  auto pool = std::make_unique<FiberPool>(2, 64);
  Event late;
  std::atomic<int> done{0};
  ASSERT_TRUE(pool->Submit([&] {
    late.Wait();
    ++done;
  }));
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(pool->Submit([&] { ++done; }));
  std::thread setter([&] {
    std::this_thread::sleep_for(50ms);
    late.Set();
  });
  pool->Stop();
  EXPECT_EQ(done, 11);
  EXPECT_FALSE(pool->Submit([] {})) << "stopped";
  setter.join();
}

TEST(FiberPool, AThreadStartsNoMoreFibersThanItsLimitAndTheRestWaitQueued) {
  FiberPool pool(1, 100, 256 * 1024, 4);
  std::vector<Event> events(10);
  std::atomic<int> started{0};
  std::atomic<int> done{0};
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(pool.Submit([&, i] {
      ++started;
      events[i].Wait();
      ++done;
    }));
  }
  ASSERT_TRUE(Eventually([&] { return started == 4; }));
  std::this_thread::sleep_for(30ms);
  EXPECT_EQ(started, 4) << "four suspended fibers: the limit";
  EXPECT_EQ(pool.QueueLength(), 6u);
  for (auto& event : events) event.Set();
  ASSERT_TRUE(Eventually([&] { return done == 10; }));
}

TEST(FiberPool, ManyTasksAcrossThreadsAllFinish) {
  FiberPool pool(3, 100000);
  constexpr int kTasks = 20000;
  std::atomic<int> done{0};
  std::vector<std::unique_ptr<Event>> events;
  for (int i = 0; i < kTasks; ++i) events.push_back(std::make_unique<Event>());
  std::thread setter([&] {
    for (auto& event : events) event->Set();
  });
  for (int i = 0; i < kTasks; ++i) {
    ASSERT_TRUE(pool.Submit([&, i] {
      events[i]->Wait();
      ++done;
    }));
  }
  setter.join();
  ASSERT_TRUE(Eventually([&] { return done == kTasks; }));
}

}  // namespace
}  // namespace caredesk::fiber
