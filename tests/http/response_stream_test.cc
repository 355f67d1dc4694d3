// Streamed responses (response_stream.h) against a real server with a stream the test drives:
// chunks arrive as soon as the stream wakes the server, heartbeats fill the silence, a limit on
// open streams answers 503 beyond it, and Stop() ends open streams at once.
#include "http/response_stream.h"

#include <gtest/gtest.h>

#include <mutex>

#include "http/server.h"
#include "sse_client.h"

namespace caredesk::http {
namespace {

using namespace std::chrono_literals;
using testing::SseClient;

// A stream whose chunks the test pushes.
class PushedStream final : public ResponseStream {
 public:
  explicit PushedStream(std::chrono::milliseconds heartbeat) : heartbeat_(heartbeat) {}
  void Push(std::string data) {
    std::lock_guard lock(mutex_);
    pending_ += data;
    if (wake_) wake_();
  }
  void End() {
    std::lock_guard lock(mutex_);
    ended_ = true;
    if (wake_) wake_();
  }
  void Attach(std::function<void()> wake) override {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
  }
  Chunk Take() override {
    std::lock_guard lock(mutex_);
    return {std::exchange(pending_, {}), ended_};
  }
  std::string Heartbeat() const override { return ": beat\n\n"; }
  std::chrono::milliseconds HeartbeatInterval() const override { return heartbeat_; }

 private:
  const std::chrono::milliseconds heartbeat_;
  std::mutex mutex_;
  std::string pending_;
  bool ended_ = false;
  std::function<void()> wake_;
};

class StreamingServer : public ::testing::Test {
 protected:
  void Start(std::size_t max_streams, std::chrono::milliseconds heartbeat = 10s) {
    router_.Add("GET", "/stream", [this, heartbeat](const Request&, const RouteParams&) {
      auto stream = std::make_shared<PushedStream>(heartbeat);
      {
        std::lock_guard lock(mutex_);
        streams_.push_back(stream);
      }
      Response response = TextResponse(200, "retry: 1000\n\n", "text/event-stream");
      response.stream = stream;
      return response;
    });
    router_.Add("GET", "/plain",
                [](const Request&, const RouteParams&) { return TextResponse(200, "plain"); });
    ServerOptions options;
    options.port = 0;
    options.io_threads = 1;
    options.worker_threads = 2;
    options.max_streams = max_streams;
    server_ = std::make_unique<Server>(router_, options);
    ASSERT_TRUE(server_->Start());
  }
  std::shared_ptr<PushedStream> Stream(std::size_t i) {
    std::lock_guard lock(mutex_);
    return streams_.at(i);
  }

  Router router_;
  std::unique_ptr<Server> server_;
  std::mutex mutex_;
  std::vector<std::shared_ptr<PushedStream>> streams_;
};

TEST_F(StreamingServer, SendsHeadersTheFirstBytesAndEachChunkWhenWoken) {
  Start(4);
  SseClient client(server_->port(), "/stream");
  ASSERT_EQ(client.status(), 200);
  EXPECT_EQ(client.Header("content-type"), "text/event-stream");
  EXPECT_EQ(client.Header("connection"), "close");
  EXPECT_EQ(client.Header("content-length"), "");
  Stream(0)->Push("event: case\ndata: one\n\n");
  auto first = client.NextEvent(1s);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->event, "case");
  EXPECT_EQ(first->data, "one");
  EXPECT_EQ(client.received().rfind("retry: 1000\n\n", 0), 0u) << client.received();
  Stream(0)->Push("data: two\n\n");
  auto second = client.NextEvent(1s);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->data, "two");
  Stream(0)->End();
  EXPECT_TRUE(client.WaitForClose(1s));
}

TEST_F(StreamingServer, WritesAHeartbeatAfterSilence) {
  Start(4, 50ms);
  SseClient client(server_->port(), "/stream");
  ASSERT_EQ(client.status(), 200);
  EXPECT_FALSE(client.NextEvent(300ms));  // heartbeats are comments, not events
  EXPECT_NE(client.received().find(": beat\n\n"), std::string::npos) << client.received();
}

TEST_F(StreamingServer, RefusesStreamsBeyondTheLimitWith503AndStillServes) {
  Start(1);
  SseClient first(server_->port(), "/stream");
  ASSERT_EQ(first.status(), 200);
  SseClient second(server_->port(), "/stream");
  EXPECT_EQ(second.status(), 503);
  EXPECT_FALSE(second.Header("retry-after").empty());
  SseClient plain(server_->port(), "/plain");
  EXPECT_EQ(plain.status(), 200);
  Stream(0)->End();
  ASSERT_TRUE(first.WaitForClose(1s));
  // The server frees the slot before it closes the connection.
  SseClient again(server_->port(), "/stream");
  EXPECT_EQ(again.status(), 200);
}

TEST_F(StreamingServer, StopEndsOpenStreamsPromptly) {
  Start(4);
  SseClient client(server_->port(), "/stream");
  ASSERT_EQ(client.status(), 200);
  const auto before = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 2s);
  EXPECT_TRUE(client.WaitForClose(1s));
}

}  // namespace
}  // namespace caredesk::http
