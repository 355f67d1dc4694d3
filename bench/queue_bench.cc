// Query latency on a generated dataset (issue 3: on 1 million cases, the work queue's first
// page p95 < 5 ms, full-text search p95 < 50 ms, a customer's cases p95 < 2 ms). Make the
// dataset first, then point the benchmark at it:
//   build/bench/caredesk_dataset --db /tmp/bench.db --cases 1000000
//   CAREDESK_BENCH_DB=/tmp/bench.db build/bench/caredesk_bench --benchmark_filter=Query
// Both also take a postgresql:// URL (the PostgreSQL commands are in docs/performance.md).
// Each query is timed on its own; the p50_ms and p95_ms counters are over all of them.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <vector>

#include "app/store_url.h"
#include "core/clock.h"

namespace {

// Times each query on its own and reports the 50th and 95th percentiles as counters (ms).
template <class Query>
void Percentiles(benchmark::State& state, Query query) {
  std::vector<double> ms;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    query();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
}

caredesk::core::Store* BenchStore() {
  static caredesk::core::FixedClock clock(caredesk::core::Instant{std::chrono::seconds{0}});
  static std::unique_ptr<caredesk::core::Store> store =
      []() -> std::unique_ptr<caredesk::core::Store> {
    const char* db = std::getenv("CAREDESK_BENCH_DB");
    if (!db) return nullptr;
    auto opened = caredesk::app::OpenStore(db, clock);
    return opened ? std::move(*opened) : nullptr;
  }();
  return store.get();
}

void BM_QueryQueueFirstPage(benchmark::State& state) {
  auto* store = BenchStore();
  if (!store) return state.SkipWithError("set CAREDESK_BENCH_DB to a dataset");
  std::mt19937 random(1);
  const caredesk::core::CaseStatus statuses[] = {caredesk::core::CaseStatus::kOpen};
  Percentiles(state, [&] {
    caredesk::core::QueueQuery query;
    query.limit = 50;
    if (random() % 2) query.statuses = {statuses[0]};
    auto page = store->Queue(query);
    if (!page) state.SkipWithError(page.error().message.c_str());
    benchmark::DoNotOptimize(page);
  });
}
BENCHMARK(BM_QueryQueueFirstPage)->Unit(benchmark::kMillisecond);

void BM_QuerySearch(benchmark::State& state) {
  auto* store = BenchStore();
  if (!store) return state.SkipWithError("set CAREDESK_BENCH_DB to a dataset");
  const char* terms[] = {"refund delayed", "certificado", "rude assessor", "invoice charged",
                         "waiting"};
  std::size_t i = 0;
  Percentiles(state, [&] {
    auto page = store->Search(terms[i++ % std::size(terms)], "", 50);
    if (!page) state.SkipWithError(page.error().message.c_str());
    benchmark::DoNotOptimize(page);
  });
}
BENCHMARK(BM_QuerySearch)->Unit(benchmark::kMillisecond);

void BM_QueryCustomerCases(benchmark::State& state) {
  auto* store = BenchStore();
  if (!store) return state.SkipWithError("set CAREDESK_BENCH_DB to a dataset");
  std::mt19937 random(2);
  Percentiles(state, [&] {
    auto page = store->CustomerCases(1 + random() % 300000, "", 50);
    if (!page) state.SkipWithError(page.error().message.c_str());
    benchmark::DoNotOptimize(page);
  });
}
BENCHMARK(BM_QueryCustomerCases)->Unit(benchmark::kMillisecond);

}  // namespace
