// The HTTP/1.1 server (Boost.Beast, hidden in server.cc): keep-alive, one I/O thread per core,
// handlers on a bounded worker pool, and the edge limits — body size answered with 413 from the
// declared Content-Length (honouring Expect: 100-continue), header size (431), header-read and
// idle timeouts — before any handler runs. Stop() drains in-flight requests. A handler may
// answer with a stream (response_stream.h: Server-Sent Events), written until it ends, the
// client goes or the server stops.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "http/router.h"

namespace caredesk::http {

class AccessLog;
class Metrics;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port; port() reports the one bound
  std::size_t io_threads = 0;  // 0: one per core
  // Handlers run on two worker pools. Requests that may change something (every method but
  // GET and HEAD) mostly wait: a write waits for the group commit that makes it durable, and
  // every write waiting when a commit begins joins it, so the more wait together, the fewer
  // commits (and fsyncs) they need. With 8 workers on 2 cores the server logged about 5,000
  // contacts a second; with 64, about 10,000. Reads do not wait, and more threads than cores
  // only make them take turns: they have a smaller pool, so a burst of writes never holds up
  // the reads, nor the reads the writes.
  //
  // When writes wait in this process (SQLite's group commit: store/sqlite/sqlite_group_commit.h),
  // requests that may write run as fibers (fiber/fiber_pool.h) on `worker_threads` threads: a
  // fiber waiting for its commit is suspended, not its thread, and a thread sleeps only when
  // nothing is ready. As threads, the same load cost two kernel context switches a request, and
  // about 12,700 contacts a second as fibers against 10,100 as threads. With the writes on
  // fibers, 3 read threads a core served GET /cases/{reference} at about 39,000/s against
  // 31,000/s with 8 (docs/performance.md).
  bool fiber_writes = false;
  // 0: 32 per core, or 2 with fiber_writes; for requests that may write.
  std::size_t worker_threads = 0;
  std::size_t read_threads = 0;          // 0: 3 per core, for GET and HEAD
  std::size_t queue_capacity = 1024;     // requests waiting for a worker (each pool); then 503
  std::size_t header_limit = 16 * 1024;  // bytes of request line and headers; beyond it, 431
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};  // to read the headers
  std::chrono::milliseconds body_timeout{std::chrono::seconds(60)};    // to read the body
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(60)};    // between requests
  std::chrono::milliseconds drain_timeout{std::chrono::seconds(30)};   // Stop() waits this long
  std::chrono::seconds busy_retry_after{1};  // Retry-After of the 503 for a full queue
  std::size_t max_streams = 256;  // open event streams (response_stream.h); beyond it, 503
};

class Server {
 public:
  // `router`, `metrics` and `log` (either may be null) must outlive the server.
  Server(const Router& router, ServerOptions options, Metrics* metrics = nullptr,
         AccessLog* log = nullptr);
  ~Server();  // Stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the I/O and worker threads. kInvalid for a bad host,
  // kUnavailable when the address cannot be bound.
  core::Result<void> Start();
  // The port bound (useful with port 0), once started.
  unsigned short port() const;
  // "http://HOST:PORT".
  std::string url() const;
  // Requests waiting for a worker.
  std::size_t QueueLength() const;

  // Stops accepting, lets requests already being read or handled finish (up to drain_timeout)
  // with `Connection: close`, then closes idle connections and joins every thread. Idempotent.
  void Stop();
  // Catches SIGTERM and SIGINT, calls `on_ready` (so a "listening" line is printed only once a
  // signal can no longer kill the process mid-request), blocks until one arrives, then Stop()s.
  void RunUntilSignalled(const std::function<void()>& on_ready = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caredesk::http
