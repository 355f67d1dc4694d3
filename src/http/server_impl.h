// The server's private parts, shared by its files: server.cc (set-up, accepting, a connection's
// requests) and server_stream.cc (streamed answers, lingering close).
#pragma once

#include "http/server.h"

// <utility> first: Boost 1.74's awaitable.hpp uses std::exchange without including it.
#include <utility>
// clang-format off
#include <boost/asio/awaitable.hpp>
// clang-format on
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "fiber/task_pool.h"
#include "http/access_log.h"
#include "http/worker_pool.h"

namespace caredesk::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Server::Impl {
  Impl(const Router& r, ServerOptions o, Metrics* m, AccessLog* l);

  // The connections are spread over the I/O threads in turn; each connection lives on one
  // thread's context, so its handlers need no strand.
  asio::io_context& NextContext() { return *contexts[next_context++ % contexts.size()]; }

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(tcp::socket socket);
  // Writes `response` and records it; false when the connection must close.
  asio::awaitable<bool> Send(beast::tcp_stream& stream, Response response, AccessRecord record,
                             unsigned version, bool keep_alive, Clock::time_point start);
  Response Handle(const RouteMatch& match, const Request& request);
  asio::awaitable<void> Linger(beast::tcp_stream& stream);
  // Writes a streamed response (response_stream.h) until it ends, the client goes or the server
  // stops; the connection then closes. The metrics see it when its headers are out, the access
  // log when it ends (with its whole length and duration).
  asio::awaitable<void> Stream(beast::tcp_stream& stream, Response response, AccessRecord record,
                               unsigned version, Clock::time_point start);
  // Writes `bytes` within the body timeout; adds them to `written`.
  asio::awaitable<void> WriteChunk(beast::tcp_stream& stream, std::string_view bytes,
                                   std::size_t& written, beast::error_code& ec);

  void EnterRequest() { ++in_flight; }
  void LeaveRequest() {
    if (--in_flight == 0 && stopping) {
      std::lock_guard lock(drain_mutex);  // so that Stop cannot miss the wake-up
      drained.notify_all();
    }
  }

  const Router& router;
  ServerOptions options;
  Metrics* metrics;
  AccessLog* log;
  WorkerPool reads;                         // GET and HEAD
  std::unique_ptr<fiber::TaskPool> writes;  // the rest (ServerOptions::worker_threads)
  std::string id_prefix;
  std::atomic<std::uint64_t> next_id{0};
  std::atomic<bool> stopping{false};
  std::mutex drain_mutex;
  std::condition_variable drained;
  std::atomic<int> in_flight{0};
  std::atomic<std::size_t> open_streams{0};
  std::mutex streams_mutex;
  std::map<std::uint64_t, std::function<void()>> stream_wakers;  // Stop() ends each stream
  std::uint64_t next_stream = 0;                                 // under streams_mutex
  unsigned short bound_port = 0;
  std::vector<std::thread> threads;
  bool started = false;
  bool stopped = false;
  std::atomic<std::size_t> next_context{0};
  // Last, so that they are destroyed first: pending sessions die while what they use still
  // lives (the acceptor before the context it runs on).
  std::vector<std::unique_ptr<asio::io_context>> contexts;  // one per I/O thread
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> idle_guards;
  std::optional<tcp::acceptor> acceptor;
};

}  // namespace caredesk::http
