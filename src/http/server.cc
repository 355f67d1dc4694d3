#include "http/server.h"

#include "http/server_impl.h"
// After server_impl.h, which includes Boost's awaitable.hpp the way Boost 1.74 needs.
#include <fmt/format.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <limits>
#include <random>

#include "fiber/fiber_pool.h"
#include "http/errors.h"
#include "http/metrics.h"
#include "http/pool_await.h"

// g++ 12 wrongly reports Asio's coroutine frames as freed by a mismatched operator delete (the
// frame's own operator new and delete are a matching pair); it did so once these coroutines were
// split over two files.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace caredesk::http {
namespace {

std::size_t OrDefault(std::size_t value, std::size_t fallback) {
  return value != 0 ? value : fallback;
}

// Beast 1.74 speaks boost::string_view; the model speaks std::string_view.
std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

std::size_t Cores() { return std::max(1u, std::thread::hardware_concurrency()); }

bool Contains100Continue(std::string_view expect) {
  return ToLower(expect).find("100-continue") != std::string::npos;
}

// The pool for requests that may write: fibers when writes wait in this process (SQLite's group
// commit) and suspend a fiber rather than block a thread; threads otherwise.
std::unique_ptr<fiber::TaskPool> WritePool(const ServerOptions& options) {
  if (options.fiber_writes) {
    return std::make_unique<fiber::FiberPool>(OrDefault(options.worker_threads, 2 * Cores()),
                                              options.queue_capacity);
  }
  return std::make_unique<WorkerPool>(OrDefault(options.worker_threads, 32 * Cores()),
                                      options.queue_capacity);
}

}  // namespace

Server::Impl::Impl(const Router& r, ServerOptions o, Metrics* m, AccessLog* l)
    : router(r),
      options(std::move(o)),
      metrics(m),
      log(l),
      reads(OrDefault(options.read_threads, 3 * Cores()), options.queue_capacity),
      writes(WritePool(options)) {
  std::random_device random;
  id_prefix = fmt::format("{:08x}", random());
  const std::size_t io_threads = OrDefault(options.io_threads, Cores());
  for (std::size_t i = 0; i < io_threads; ++i) {
    contexts.push_back(std::make_unique<asio::io_context>(1));
    // Keeps run() going on a context no connection has reached yet.
    idle_guards.push_back(asio::make_work_guard(*contexts.back()));
  }
  acceptor.emplace(*contexts.front());
}

asio::awaitable<void> Server::Impl::Accept() {
  while (!stopping) {
    beast::error_code ec;
    asio::io_context& context = NextContext();
    tcp::socket socket =
        co_await acceptor->async_accept(context, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor->is_open()) break;
    if (ec) continue;  // e.g. too many open files: keep serving the connections we have
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(context, Serve(std::move(socket)), asio::detached);
  }
}

Response Server::Impl::Handle(const RouteMatch& match, const Request& request) {
  if (match.refusal) return *match.refusal;
  if (auto limited = CheckRateLimit(*match.route, request)) return std::move(*limited);
  return RunHandler(*match.route, request, match.params);
}

asio::awaitable<bool> Server::Impl::Send(beast::tcp_stream& stream, Response response,
                                         AccessRecord record, unsigned version, bool keep_alive,
                                         Clock::time_point start) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
  for (auto& [name, value] : response.headers) out.set(name, value);
  out.set(bhttp::field::server, "caredesk");
  out.set("x-request-id", record.request_id);
  keep_alive = keep_alive && !stopping;
  out.keep_alive(keep_alive);
  out.body() = std::move(response.body);
  out.prepare_payload();
  const std::size_t bytes = out.body().size();
  beast::error_code ec;
  stream.expires_after(options.body_timeout);
  co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  record.status = response.status;
  record.bytes = bytes;
  record.duration_ms = seconds * 1000.0;
  if (metrics) metrics->ObserveRequest(record.route, record.method, record.status, seconds);
  if (log) log->Write(record);
  co_return !ec && keep_alive;
}

asio::awaitable<void> Server::Impl::Serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::error_code ec;
  const auto peer = stream.socket().remote_endpoint(ec);
  const std::string remote = ec ? std::string("-") : peer.address().to_string();
  beast::flat_buffer buffer;
  bool first = true;
  bool linger = false;
  while (!stopping) {
    // Wait for the next request's first bytes: the idle timeout between keep-alive requests.
    if (buffer.size() == 0) {
      stream.expires_after(first ? options.header_timeout : options.idle_timeout);
      const std::size_t n = co_await stream.async_read_some(
          buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      buffer.commit(n);
    }
    first = false;
    const auto start = Clock::now();
    AccessRecord record;
    record.time = std::chrono::system_clock::now();
    record.remote = remote;
    record.method = record.route = record.target = "-";
    record.request_id = fmt::format("{}-{}", id_prefix, next_id++);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // No body limit yet (Beast would refuse a large Content-Length while reading the headers,
    // as if malformed): the route's limit is applied below, once the route is known.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream.expires_after(options.header_timeout);
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream ||
        ec == asio::error::eof || ec == asio::error::connection_reset) {
      break;  // slow or vanished client: nothing to answer
    }
    if (ec == bhttp::error::header_limit) {
      co_await Send(
          stream,
          ErrorResponse(431, "headers_too_large",
                        fmt::format("the request headers exceed {} bytes", options.header_limit)),
          record, 11, false, start);
      linger = true;  // the client may still be sending
      break;
    }
    if (ec) {
      co_await Send(stream, Malformed("malformed HTTP request: " + ec.message()), record, 11, false,
                    start);
      linger = true;  // the client may still be sending
      break;
    }
    EnterRequest();
    struct Leave {
      Impl* impl;
      ~Leave() { impl->LeaveRequest(); }
    } leave{this};

    auto& header = parser.get();
    Request request;
    request.method = std::string(View(header.method_string()));
    request.target = std::string(View(header.target()));
    request.remote_address = remote;
    request.request_id = record.request_id;
    for (const auto& field : header) {
      request.headers.emplace_back(ToLower(View(field.name_string())),
                                   std::string(View(field.value())));
    }
    record.method = request.method;
    record.target = request.target;
    const unsigned version = header.version();
    if (!ParseTarget(request.target, request.path, request.query)) {
      co_await Send(stream, Malformed("the request target is not a valid path", "target"), record,
                    version, false, start);
      linger = true;  // the client may still be sending
      break;
    }
    const RouteMatch match = router.Match(request.method, request.path);
    record.route = match.pattern;
    const std::size_t limit = match.route ? match.route->options.body_limit : kJsonBodyLimit;
    if (const auto length = parser.content_length(); length && *length > limit) {
      // Refuse before reading a byte of the body (and instead of 100 Continue).
      co_await Send(stream, TooLarge(limit), record, version, false, start);
      linger = true;  // the client may still be sending
      break;
    }
    if (const auto expect = request.Header("expect"); expect && Contains100Continue(*expect)) {
      bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
      stream.expires_after(options.body_timeout);
      co_await bhttp::async_write(stream, go_on, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
    }
    parser.body_limit(limit);
    stream.expires_after(options.body_timeout);
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::body_limit) {
      co_await Send(stream, TooLarge(limit), record, version, false, start);
      linger = true;  // the client may still be sending
      break;
    }
    if (ec) break;  // timed out or gone mid-body
    request.body = std::move(parser.get().body());
    const bool keep_alive = parser.get().keep_alive();

    Response response;
    if (match.route && match.route->options.on_io_thread) {
      response = Handle(match, request);
    } else if (match.refusal) {
      response = *match.refusal;
    } else {
      auto [queued, answer] = co_await RunOnPool(
          request.method == "GET" || request.method == "HEAD" ? static_cast<fiber::TaskPool&>(reads)
                                                              : *writes,
          [this, &match, &request] { return Handle(match, request); }, asio::use_awaitable);
      response = queued
                     ? std::move(answer)
                     : Unavailable("the server is busy; retry shortly", options.busy_retry_after);
    }
    if (response.stream) {
      co_await Stream(stream, std::move(response), std::move(record), version, start);
      break;  // the body ends with the connection
    }
    if (!co_await Send(stream, std::move(response), record, version, keep_alive, start)) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (linger) co_await Linger(stream);
}

Server::Server(const Router& router, ServerOptions options, Metrics* metrics, AccessLog* log)
    : impl_(std::make_unique<Impl>(router, std::move(options), metrics, log)) {}

Server::~Server() { Stop(); }

core::Result<void> Server::Start() {
  auto& impl = *impl_;
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl.options.host, ec);
  if (ec) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("'{}' is not an IP address", impl.options.host), "listen");
  }
  const tcp::endpoint endpoint(address, impl.options.port);
  auto& acceptor = *impl.acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      fmt::format("cannot listen on {}:{}: {}", impl.options.host,
                                  impl.options.port, ec.message()),
                      "listen");
  }
  impl.bound_port = acceptor.local_endpoint().port();
  if (impl.metrics) impl.metrics->SetQueueLengthProbe([this] { return QueueLength(); });
  asio::co_spawn(*impl.contexts.front(), impl.Accept(), asio::detached);
  for (auto& context : impl.contexts) {
    impl.threads.emplace_back([&ioc = *context] {
      // A bug that throws out of a session must not take the process down with it.
      while (true) {
        try {
          ioc.run();
          return;
        } catch (const std::exception&) {
        }
      }
    });
  }
  impl.started = true;
  return {};
}

unsigned short Server::port() const { return impl_->bound_port; }

std::string Server::url() const {
  const auto& host = impl_->options.host;
  const bool v6 = host.find(':') != std::string::npos;
  return fmt::format("http://{}{}{}:{}", v6 ? "[" : "", host, v6 ? "]" : "", port());
}

std::size_t Server::QueueLength() const {
  return impl_->reads.QueueLength() + impl_->writes->QueueLength();
}

void Server::Stop() {
  auto& impl = *impl_;
  if (!impl.started || impl.stopped) return;
  impl.stopped = true;
  impl.stopping = true;
  {
    std::lock_guard lock(impl.streams_mutex);
    for (const auto& [id, wake] : impl.stream_wakers) wake();
  }
  asio::post(*impl.contexts.front(), [&impl] {
    beast::error_code ignored;
    impl.acceptor->close(ignored);
  });
  {
    std::unique_lock lock(impl.drain_mutex);
    impl.drained.wait_for(lock, impl.options.drain_timeout,
                          [&impl] { return impl.in_flight == 0; });
  }
  for (auto& context : impl.contexts) context->stop();
  for (auto& thread : impl.threads) thread.join();
  impl.threads.clear();
  impl.reads.Stop();
  impl.writes->Stop();
  if (impl.metrics) impl.metrics->SetQueueLengthProbe({});
  if (impl.log) impl.log->Flush();
}

void Server::RunUntilSignalled(const std::function<void()>& on_ready) {
  asio::io_context signals_context;
  asio::signal_set signals(signals_context, SIGTERM, SIGINT);
  signals.async_wait([](const beast::error_code&, int) {});
  if (on_ready) on_ready();
  signals_context.run();
  Stop();
}

}  // namespace caredesk::http
