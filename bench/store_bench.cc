// Durable case creation through the store (issue 3: at least 20,000 cases/s on SQLite). Each
// iteration is one CreateCase that has committed (synchronous=FULL) when it returns; threads
// model concurrent API workers. Run:
//   build/bench/caredesk_bench --benchmark_filter=CreateCase
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace {

using caredesk::core::Instant;

caredesk::core::NewCase SampleCase(int i) {
  caredesk::core::NewCase new_case;
  auto& r = new_case.record;
  r.kind = caredesk::core::Kind::kComplaint;
  r.channel = caredesk::core::Channel::kEmail;
  r.subject = "Certificate delayed " + std::to_string(i);
  r.policy_version = "bench";
  r.received_at = Instant{std::chrono::seconds{1790000000 + i}};
  r.logged_at = r.received_at;
  r.updated_at = r.received_at;
  r.next_due = r.received_at + std::chrono::hours{48};
  caredesk::core::event::Received payload;
  payload.kind = r.kind;
  payload.channel = r.channel;
  payload.subject = r.subject;
  payload.body = "I passed my exam in October and my certificate has still not arrived.";
  new_case.received = caredesk::core::CaseEvent{r.received_at, {"1", "Bench", "B"}, payload};
  return new_case;
}

struct SqliteFixture {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "caredesk-bench-store";
  caredesk::core::FixedClock clock{Instant{std::chrono::seconds{1790000000}}};
  std::unique_ptr<caredesk::store::SqliteStore> store;

  SqliteFixture() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store = std::move(*caredesk::store::SqliteStore::Open((dir / "bench.db").string(), clock));
    (void)store->InstallPolicy("bench", "# bench", clock.Now());
  }
  ~SqliteFixture() { std::filesystem::remove_all(dir); }
};

// Arg: concurrent writers (API workers). Each iteration has every writer create kEach cases;
// the rate is durable cases per second over all writers.
void BM_CreateCaseSqlite(benchmark::State& state) {
  constexpr int kEach = 200;
  const int writers = static_cast<int>(state.range(0));
  SqliteFixture fixture;
  std::atomic<int> counter{0};
  for (auto _ : state) {
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
      threads.emplace_back([&] {
        for (int i = 0; i < kEach; ++i) {
          auto created = fixture.store->CreateCase(SampleCase(counter++));
          if (!created) std::abort();
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  state.SetItemsProcessed(state.iterations() * writers * kEach);
}
BENCHMARK(BM_CreateCaseSqlite)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
