// Durable case creation through the store (issue 3: at least 20,000 cases/s on SQLite). Each
// iteration is one CreateCase that has committed (synchronous=FULL) when it returns; threads
// model concurrent API workers. Run:
//   build/bench/caredesk_bench --benchmark_filter=CreateCase
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// Arg: concurrent writers (API workers). Each iteration has every writer create kEach cases;
// the rate is durable cases per second over all writers.
void BM_CreateCaseSqlite(benchmark::State& state) {
  constexpr int kEach = 200;
  const int writers = static_cast<int>(state.range(0));
  SqliteFixture fixture;
  std::atomic<int> counter{0};
  const double cpu_before = WriterCpuSeconds();
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
  const auto cases = state.iterations() * writers * kEach;
  state.SetItemsProcessed(cases);
  // The single writer's CPU per case bounds the rate on a machine with a core to spare for it.
  state.counters["writer_us_per_case"] = (WriterCpuSeconds() - cpu_before) * 1e6 / double(cases);
}
BENCHMARK(BM_CreateCaseSqlite)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->Arg(256)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
