// Query latency on a generated dataset (issue 3: on 1 million cases, the work queue's first
// page p95 < 5 ms, full-text search p95 < 50 ms, a customer's cases p95 < 2 ms). Make the
// dataset first, then point the benchmark at it:
//   build/bench/caredesk_dataset --db /tmp/bench.db --cases 1000000
//   CAREDESK_BENCH_DB=/tmp/bench.db build/bench/caredesk_bench --benchmark_filter=Query
// Both also take a postgresql:// URL (the PostgreSQL commands are in docs/performance.md).
// Each query is timed on its own; the p50_ms and p95_ms counters are over all of them.
#include <benchmark/benchmark.h>

#include <random>

#include "bench_store.h"

namespace {

using caredesk::bench::BenchStore;
using caredesk::bench::Percentiles;

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
