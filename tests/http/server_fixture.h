// An in-process caredesk HTTP server on 127.0.0.1 port 0 over a temporary SQLite file, with the
// operational routes and a few test routes of its own (a JSON route, a small-upload route and a
// route that blocks until released, to fill the worker pool).
#pragma once

#include <gtest/gtest.h>

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "http/access_log.h"
#include "http/case_counts.h"
#include "http/json_body.h"
#include "http/metrics.h"
#include "http/ops_routes.h"
#include "http/server.h"
#include "http/web_routes.h"
#include "http_client.h"
#include "store/common/migrations.h"

namespace caredesk::http {

// Lets a test hold handlers inside the worker pool and release them.
class Gate {
 public:
  void Enter() {
    std::unique_lock lock(mutex_);
    ++inside_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
  }
  void WaitForInside(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return inside_ >= n; });
  }
  void Open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int inside_ = 0;
  bool open_ = false;
};

inline constexpr std::size_t kTestUploadLimit = 64 * 1024;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caredesk-http-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = app::OpenStore((dir_ / "caredesk.db").string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    counts_ = std::make_unique<CachedCaseCounts>(*store_, clock_);
    AddOpsRoutes(router_, {*store_, clock_, metrics_, *counts_,
                           store::LatestVersion(store::SqliteMigrations())});
    AddWebRoutes(router_);
    router_.Add("POST", "/test/json", [](const Request& request, const RouteParams&) {
      auto body = ParseJsonBody(request);
      if (!body) return body.error();
      return JsonResponse(200, {{"keys", body->size()}});
    });
    router_.Add(
        "POST", "/test/upload",
        [](const Request& request, const RouteParams&) {
          return JsonResponse(200, {{"bytes", request.body.size()}});
        },
        RouteOptions().WithBodyLimit(kTestUploadLimit));
    router_.Add("GET", "/test/gate", [this](const Request&, const RouteParams&) {
      gate_.Enter();
      return TextResponse(200, "through");
    });
    access_log_ = std::make_unique<AccessLog>((dir_ / "access.log").string());
    ServerOptions options;
    options.port = 0;
    options.io_threads = 2;
    options.worker_threads = 1;
    options.read_threads = 1;
    options.queue_capacity = 1;
    options.header_timeout = std::chrono::seconds(1);
    options.idle_timeout = std::chrono::seconds(2);
    server_ = std::make_unique<Server>(router_, options, &metrics_, access_log_.get());
    auto started = server_->Start();
    ASSERT_TRUE(started) << started.error().message;
  }

  void TearDown() override {
    gate_.Open();
    server_.reset();
    access_log_.reset();
    std::filesystem::remove_all(dir_);
  }

  unsigned short port() const { return server_->port(); }

  // A fresh connection still gets /healthz answered.
  void ExpectStillServing() {
    testing::HttpClient client(port());
    auto reply = client.Get("/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, R"({"status":"ok"})");
  }

  std::filesystem::path dir_;
  app::SystemClock clock_;
  std::unique_ptr<core::Store> store_;
  Metrics metrics_;
  std::unique_ptr<CachedCaseCounts> counts_;
  Router router_;
  Gate gate_;
  std::unique_ptr<AccessLog> access_log_;
  std::unique_ptr<Server> server_;
};

}  // namespace caredesk::http
