// What the benchmarks over a generated dataset share: the store named by CAREDESK_BENCH_DB (a
// SQLite file or postgresql:// URL filled by caredesk_dataset), and timing each operation on its
// own to report its 50th and 95th percentiles.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <vector>

#include "app/store_url.h"
#include "core/clock.h"

namespace caredesk::bench {

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

inline core::Store* BenchStore() {
  static core::FixedClock clock(core::Instant{std::chrono::seconds{0}});
  static std::unique_ptr<core::Store> store = []() -> std::unique_ptr<core::Store> {
    const char* db = std::getenv("CAREDESK_BENCH_DB");
    if (!db) return nullptr;
    auto opened = app::OpenStore(db, clock);
    return opened ? std::move(*opened) : nullptr;
  }();
  return store.get();
}

}  // namespace caredesk::bench
