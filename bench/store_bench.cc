// Durable case creation through the store (issue 3: at least 20,000 cases/s on SQLite, 5,000
// cases/s on a local PostgreSQL). Each CreateCase has committed (SQLite synchronous=FULL,
// PostgreSQL's default synchronous_commit=on) when it returns; threads model concurrent API
// workers. Run:
//   build/bench/caredesk_bench --benchmark_filter=CreateCase
// The PostgreSQL benchmark needs a server's URL in CAREDESK_BENCH_PG, e.g. a throwaway one from
// scripts/with-postgres.sh (the exact command is in docs/performance.md).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "store/sqlite/sqlite_store.h"
#ifdef CAREDESK_HAVE_POSTGRES_STORE
#include "store/postgres/pg_store.h"
#endif

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

// CPU seconds (user + system) the SQLite writer thread has used so far, from /proc: what one
// case costs the single writer, whatever else shares the machine's cores.
double WriterCpuSeconds() {
  const long ticks = sysconf(_SC_CLK_TCK);
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    std::getline(comm, name);
    if (name != "sqlite-writer") continue;
    std::ifstream stat(task.path() / "stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    double utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {  // fields 14 and 15 are utime and stime
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    return (utime + stime) / static_cast<double>(ticks);
  }
  return 0;
}

// Each iteration has every one of `writers` threads create `each` cases in `store`; the rate is
// durable cases per second over all writers.
void CreateCases(benchmark::State& state, caredesk::core::Store& store, int writers, int each) {
  std::atomic<int> counter{0};
  std::atomic<bool> failed{false};
  std::string failure;
  for (auto _ : state) {
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
      threads.emplace_back([&] {
        for (int i = 0; i < each && !failed; ++i) {
          auto created = store.CreateCase(SampleCase(counter++));
          if (!created && !failed.exchange(true)) failure = created.error().message;
        }
      });
    }
    for (auto& t : threads) t.join();
    if (failed) return state.SkipWithError(failure.c_str());
  }
  state.SetItemsProcessed(state.iterations() * writers * each);
}

// Arg: concurrent writers (API workers).
void BM_CreateCaseSqlite(benchmark::State& state) {
  SqliteFixture fixture;
  const double cpu_before = WriterCpuSeconds();
  CreateCases(state, *fixture.store, static_cast<int>(state.range(0)), 200);
  // The single writer's CPU per case bounds the rate on a machine with a core to spare for it.
  state.counters["writer_us_per_case"] =
      (WriterCpuSeconds() - cpu_before) * 1e6 / double(state.items_processed());
}
BENCHMARK(BM_CreateCaseSqlite)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->Arg(256)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

#ifdef CAREDESK_HAVE_POSTGRES_STORE
// Arg: concurrent writers (API workers), each with its own connection (pool size = writers), on
// the database at $CAREDESK_BENCH_PG. The cases stay there: use a throwaway database.
void BM_CreateCasePostgres(benchmark::State& state) {
  const char* url = std::getenv("CAREDESK_BENCH_PG");
  if (!url) return state.SkipWithError("set CAREDESK_BENCH_PG to a postgresql:// URL");
  const int writers = static_cast<int>(state.range(0));
  caredesk::core::FixedClock clock{Instant{std::chrono::seconds{1790000000}}};
  auto store = caredesk::store::PgStore::Open(url, clock, writers);
  if (!store) return state.SkipWithError(store.error().message.c_str());
  (void)(*store)->InstallPolicy("bench", "# bench", clock.Now());
  CreateCases(state, **store, writers, 200);
}
BENCHMARK(BM_CreateCasePostgres)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
#endif

}  // namespace
