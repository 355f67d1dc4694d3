// Streamed answers (response_stream.h) and the lingering close of a connection (server.cc has
// the rest of the server).
#include "http/server_impl.h"
// After server_impl.h, which includes Boost's awaitable.hpp the way Boost 1.74 needs.
#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include "http/errors.h"
#include "http/metrics.h"
#include "http/response_stream.h"

// g++ 12 wrongly reports Asio's coroutine frames as freed by a mismatched operator delete (the
// frame's own operator new and delete are a matching pair); it did so once these coroutines were
// split over two files.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace caredesk::http {
namespace {

constexpr std::chrono::seconds kLingerTime{2};

}  // namespace

asio::awaitable<void> Server::Impl::WriteChunk(beast::tcp_stream& stream, std::string_view bytes,
                                               std::size_t& written, beast::error_code& ec) {
  stream.expires_after(options.body_timeout);  // a client that stops reading is dropped
  written += co_await asio::async_write(stream, asio::buffer(bytes.data(), bytes.size()),
                                        asio::redirect_error(asio::use_awaitable, ec));
}

// What wakes a stream's coroutine: its timer cancelled (on the connection's own thread), and on
// Stop() its socket's pending write too.
struct StreamWaker {
  asio::steady_timer timer;
  beast::tcp_stream* stream;
};

asio::awaitable<void> Server::Impl::Stream(beast::tcp_stream& stream, Response response,
                                           AccessRecord record, unsigned version,
                                           Clock::time_point start) {
  const std::shared_ptr<ResponseStream> body = std::move(response.stream);
  if (open_streams.fetch_add(1) >= options.max_streams) {
    --open_streams;
    co_await Send(
        stream,
        Unavailable("too many event streams are open; retry shortly", options.busy_retry_after),
        std::move(record), version, false, start);
    co_return;
  }
  struct Close {
    Impl* impl;
    ~Close() { --impl->open_streams; }
  } close{this};
  bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(response.status), version};
  for (auto& [name, value] : response.headers) head.set(name, value);
  head.set(bhttp::field::server, "caredesk");
  head.set("x-request-id", record.request_id);
  head.keep_alive(false);
  beast::error_code ec;
  std::size_t bytes = 0;
  stream.expires_after(options.body_timeout);
  co_await bhttp::async_write(stream, head, asio::redirect_error(asio::use_awaitable, ec));
  if (!ec && !response.body.empty()) co_await WriteChunk(stream, response.body, bytes, ec);
  record.status = response.status;
  if (metrics) {
    metrics->ObserveRequest(record.route, record.method, record.status,
                            std::chrono::duration<double>(Clock::now() - start).count());
  }
  const auto executor = co_await asio::this_coro::executor;
  auto waker = std::make_shared<StreamWaker>(StreamWaker{asio::steady_timer(executor), &stream});
  auto wake = [this, executor, weak = std::weak_ptr<StreamWaker>(waker)] {
    asio::post(executor, [this, weak] {
      if (auto alive = weak.lock()) {
        alive->timer.cancel();
        if (stopping) alive->stream->cancel();
      }
    });
  };
  std::uint64_t id = 0;
  {
    std::lock_guard lock(streams_mutex);
    id = next_stream++;
    stream_wakers.emplace(id, wake);
  }
  body->Attach(wake);
  const auto heartbeat = body->HeartbeatInterval();
  auto last_write = Clock::now();
  while (!ec && !stopping) {
    auto chunk = body->Take();
    if (!chunk.data.empty()) {
      co_await WriteChunk(stream, chunk.data, bytes, ec);
      last_write = Clock::now();
    }
    if (ec || chunk.ended || stopping) break;
    if (!chunk.data.empty()) continue;  // a wake-up while writing found no wait to cancel
    waker->timer.expires_at(last_write + heartbeat);
    beast::error_code woken;
    co_await waker->timer.async_wait(asio::redirect_error(asio::use_awaitable, woken));
    if (!stopping && Clock::now() >= last_write + heartbeat) {
      co_await WriteChunk(stream, body->Heartbeat(), bytes, ec);
      last_write = Clock::now();
    }
  }
  body->Attach({});
  {
    std::lock_guard lock(streams_mutex);
    stream_wakers.erase(id);
  }
  record.bytes = bytes;
  record.duration_ms = std::chrono::duration<double>(Clock::now() - start).count() * 1000.0;
  if (log) log->Write(record);
}

asio::awaitable<void> Server::Impl::Linger(beast::tcp_stream& stream) {
  // Closing a socket with unread input makes the kernel send RST, which can destroy the error
  // answer before the client reads it. So read and discard what the client still sends (as
  // nginx's lingering close does), bounded in time and bytes.
  constexpr std::size_t kMaxDiscard = 1024 * 1024;
  std::array<char, 16 * 1024> scratch{};
  std::size_t discarded = 0;
  beast::error_code ec;
  stream.expires_after(kLingerTime);
  while (!ec && discarded < kMaxDiscard) {
    discarded += co_await stream.async_read_some(asio::buffer(scratch),
                                                 asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace caredesk::http
