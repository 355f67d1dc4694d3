// The server's Prometheus metrics: requests and latency by route pattern and status, the worker
// pool's queue length, and the case gauges (open cases, deadlines due today, breached) that the
// /metrics handler fills at scrape time. prometheus-cpp stays inside metrics.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace caredesk::http {

struct CaseCounts {
  std::int64_t open_cases = 0;
  std::int64_t deadlines_due_today = 0;
  std::int64_t deadlines_breached = 0;
};

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one answered request. `route` is the pattern ("/api/v1/cases/{reference}"), never
  // the raw path, so the number of series stays bounded.
  void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);
  // Where the queue-length gauge reads from at scrape time (the server sets it).
  void SetQueueLengthProbe(std::function<std::size_t()> probe);
  void SetCaseCounts(const CaseCounts& counts);
  // Everything in the Prometheus text exposition format.
  std::string Serialize();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caredesk::http
