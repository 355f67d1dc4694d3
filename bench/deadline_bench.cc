// Deadline throughput: `working_days` and `working_hours` due instants for random receipt
// instants spread over ten years, on the default policy's calendar (Europe/London, Mon–Fri
// 09:00–17:30, England & Wales bank holidays). The target is 5 million deadlines a second on
// one core. Run: build/bench/caredesk_bench --benchmark_filter=Deadline
#include <benchmark/benchmark.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/deadline.h"
#include "core/policy.h"

namespace {

using caredesk::core::Duration;
using caredesk::core::Instant;
using caredesk::core::Unit;

const caredesk::core::Policy& DefaultPolicy() {
  static const caredesk::core::Policy policy = [] {
    std::ifstream in(CAREDESK_SOURCE_DIR "/policies/default.toml");
    std::stringstream text;
    text << in.rdbuf();
    return *caredesk::core::ParsePolicy(text.str());
  }();
  return policy;
}

// Receipt instants uniformly spread over 2020-01-01 … 2029-12-31 (UTC seconds).
std::vector<Instant> RandomReceipts(std::size_t count) {
  std::mt19937_64 random(20261122);
  std::uniform_int_distribution<std::int64_t> seconds(1577836800, 1893455999);
  std::vector<Instant> receipts(count);
  for (auto& r : receipts) r = Instant{std::chrono::seconds{seconds(random)}};
  return receipts;
}

void RunDeadlines(benchmark::State& state, Unit unit, int max_count) {
  const auto& calendar = *DefaultPolicy().calendar;
  const auto receipts = RandomReceipts(1 << 16);
  std::mt19937 random(7);
  std::uniform_int_distribution<int> counts(unit == Unit::kWorkingDays ? 0 : 1, max_count);
  std::vector<Duration> durations(receipts.size());
  for (auto& d : durations) d = Duration{counts(random), unit};
  std::size_t i = 0;
  for (auto _ : state) {
    auto due = caredesk::core::DueAfter(calendar, receipts[i], durations[i]);
    benchmark::DoNotOptimize(due);
    i = (i + 1) & (receipts.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DeadlineWorkingDays(benchmark::State& state) {
  RunDeadlines(state, Unit::kWorkingDays, static_cast<int>(state.range(0)));
}
BENCHMARK(BM_DeadlineWorkingDays)->Arg(20)->Arg(250);

void BM_DeadlineWorkingHours(benchmark::State& state) {
  RunDeadlines(state, Unit::kWorkingHours, static_cast<int>(state.range(0)));
}
BENCHMARK(BM_DeadlineWorkingHours)->Arg(40)->Arg(2000);

// Building a calendar's index (121 years) happens once per policy version.
void BM_CalendarBuild(benchmark::State& state) {
  caredesk::core::CalendarSpec spec = DefaultPolicy().calendar->spec();
  for (auto _ : state) {
    auto calendar = caredesk::core::BusinessCalendar::Create(spec);
    benchmark::DoNotOptimize(calendar);
  }
}
BENCHMARK(BM_CalendarBuild)->Unit(benchmark::kMillisecond);

}  // namespace
