#include "http/access_log.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "http/worker_pool.h"

namespace caredesk::http {
namespace {

TEST(AccessLog, SecretLookingQueryValuesAreRedacted) {
  EXPECT_EQ(RedactTarget("/api/v1/portal/cases/CD-1?secret=abc&lang=es&access_token=xyz"),
            "/api/v1/portal/cases/CD-1?secret=REDACTED&lang=es&access_token=REDACTED");
  EXPECT_EQ(RedactTarget("/p?Password=hunter2"), "/p?Password=REDACTED");
  EXPECT_EQ(RedactTarget("/healthz"), "/healthz");
  EXPECT_EQ(RedactTarget("/a?q=refund"), "/a?q=refund");
}

TEST(AccessLog, LineIsOneJsonObjectWithTheRequestFields) {
  AccessRecord record;
  record.time = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  record.remote = "192.0.2.1";
  record.method = "GET";
  record.route = "/api/v1/cases/{reference}";
  record.target = "/api/v1/cases/CD-2026-000001?token=t0k";
  record.status = 200;
  record.bytes = 42;
  record.duration_ms = 1.23456;
  record.request_id = "abc-1";
  const std::string line = FormatAccessLine(record);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find("t0k"), std::string::npos);
  auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["time"], "2027-01-15T08:00:00.000Z");
  EXPECT_EQ(json["route"], "/api/v1/cases/{reference}");
  EXPECT_EQ(json["status"], 200);
  EXPECT_EQ(json["bytes"], 42);
  EXPECT_EQ(json["request_id"], "abc-1");
  EXPECT_EQ(json["path"], "/api/v1/cases/CD-2026-000001?token=REDACTED");
}

TEST(WorkerPool, FullQueueRefusesInsteadOfGrowing) {
  WorkerPool pool(1, 1);
  std::mutex mutex;
  std::condition_variable cv;
  bool started = false;
  bool release = false;
  ASSERT_TRUE(pool.Submit([&] {
    std::unique_lock lock(mutex);
    started = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  }));
  {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return started; });
  }
  int ran = 0;
  EXPECT_TRUE(pool.Submit([&] { ++ran; }));   // waits in the queue
  EXPECT_FALSE(pool.Submit([&] { ++ran; }));  // queue full
  EXPECT_EQ(pool.QueueLength(), 1u);
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  cv.notify_all();
  pool.Stop();  // runs what was queued
  EXPECT_EQ(ran, 1);
  EXPECT_FALSE(pool.Submit([] {}));
}

TEST(WorkerPool, HandsATaskToTheWorkerThatWentIdleLast) {
  // Tasks one at a time, with a pause for the worker to go idle again after each: the same
  // (hot) worker runs them all, however many others wait.
  WorkerPool pool(4, 16);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // every worker waiting
  std::set<std::thread::id> ran_on;
  for (int i = 0; i < 10; ++i) {
    std::promise<std::thread::id> done;
    ASSERT_TRUE(pool.Submit([&] { done.set_value(std::this_thread::get_id()); }));
    ran_on.insert(done.get_future().get());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(ran_on.size(), 1u);
}

}  // namespace
}  // namespace caredesk::http
