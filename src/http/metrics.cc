#include "http/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace caredesk::http {

struct Metrics::Impl {
  prometheus::Registry registry;
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter()
          .Name("caredesk_http_requests_total")
          .Help("HTTP requests answered, by route pattern, method and status")
          .Register(registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram()
          .Name("caredesk_http_request_duration_seconds")
          .Help("Time from the request's headers to the end of its answer")
          .Register(registry);
  prometheus::Gauge& queue_length = prometheus::BuildGauge()
                                        .Name("caredesk_worker_queue_length")
                                        .Help("Requests waiting for a worker thread")
                                        .Register(registry)
                                        .Add({});
  prometheus::Gauge& open_cases = MakeGauge("caredesk_open_cases", "Cases open or paused");
  prometheus::Gauge& due_today = MakeGauge("caredesk_deadlines_due_today",
                                           "Open cases whose next deadline falls due today (UTC)");
  prometheus::Gauge& breached =
      MakeGauge("caredesk_deadlines_breached", "Open cases whose next deadline has passed unmet");

  prometheus::Gauge& MakeGauge(const std::string& name, const std::string& help) {
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add({});
  }

  std::mutex probe_mutex;
  std::function<std::size_t()> queue_probe;

  // The series of each (route, method, status) seen, found without building a label map:
  // prometheus-cpp's Family::Add hashes a std::map under a mutex, too slow for every request.
  struct Series {
    prometheus::Counter* requests;
    prometheus::Histogram* latency;
  };
  std::shared_mutex series_mutex;
  std::unordered_map<std::string, Series> series;
};

namespace {

const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return buckets;
}

}  // namespace

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status,
                             double seconds) {
  thread_local std::string key;  // reused: no allocation once it has grown
  key.assign(route).append(1, '\n').append(method).append(1, '\n').append(std::to_string(status));
  Impl::Series found{};
  {
    std::shared_lock lock(impl_->series_mutex);
    if (auto it = impl_->series.find(key); it != impl_->series.end()) found = it->second;
  }
  if (found.requests == nullptr) {
    const std::map<std::string, std::string> labels = {{"route", std::string(route)},
                                                       {"method", std::string(method)},
                                                       {"status", std::to_string(status)}};
    found = {&impl_->requests.Add(labels), &impl_->latency.Add(labels, LatencyBuckets())};
    std::unique_lock lock(impl_->series_mutex);
    impl_->series.emplace(key, found);
  }
  found.requests->Increment();
  found.latency->Observe(seconds);
}

void Metrics::SetQueueLengthProbe(std::function<std::size_t()> probe) {
  std::lock_guard lock(impl_->probe_mutex);
  impl_->queue_probe = std::move(probe);
}

void Metrics::SetCaseCounts(const CaseCounts& counts) {
  impl_->open_cases.Set(static_cast<double>(counts.open_cases));
  impl_->due_today.Set(static_cast<double>(counts.deadlines_due_today));
  impl_->breached.Set(static_cast<double>(counts.deadlines_breached));
}

std::string Metrics::Serialize() {
  {
    std::lock_guard lock(impl_->probe_mutex);
    if (impl_->queue_probe) impl_->queue_length.Set(static_cast<double>(impl_->queue_probe()));
  }
  return prometheus::TextSerializer().Serialize(impl_->registry.Collect());
}

}  // namespace caredesk::http
