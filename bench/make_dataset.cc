// Fills a store with the deterministic benchmark dataset:
//   build/bench/caredesk_dataset --db bench.db --cases 1000000 --seed 1
// Customers are saved from many threads (group commit), cases imported in batches.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "dataset.h"

int main(int argc, char** argv) {
  CLI::App app{"Fill a store with the caredesk benchmark dataset"};
  std::string db;
  caredesk::bench::DatasetOptions options;
  app.add_option("--db", db, "SQLite file or postgresql:// URL")->required();
  app.add_option("--cases", options.cases, "How many cases");
  app.add_option("--seed", options.seed, "Random seed");
  CLI11_PARSE(app, argc, argv);

  caredesk::app::SystemClock clock;
  auto store = caredesk::app::OpenStore(db, clock);
  if (!store) {
    std::cerr << store.error().message << "\n";
    return 1;
  }
  if (!(*store)->InstallPolicy(options.policy_version, "# benchmark dataset", clock.Now())) {
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  const std::int64_t customers = caredesk::bench::CustomerCount(options.cases);
  std::atomic<std::int64_t> next{1};
  std::vector<std::thread> savers;
  for (int t = 0; t < 64; ++t) {
    savers.emplace_back([&] {
      for (std::int64_t i; (i = next++) <= customers;) {
        caredesk::core::CustomerRecord customer;
        customer.name = fmt::format("Customer {}", i);
        customer.email = fmt::format("customer{}@example.org", i);
        customer.language = i % 7 == 0 ? "es" : "en";
        if (!(*store)->SaveCustomer(customer)) std::abort();
      }
    });
  }
  for (auto& t : savers) t.join();
  constexpr std::int64_t kBatch = 2000;
  for (std::int64_t first = 0; first < options.cases; first += kBatch) {
    const auto batch = caredesk::bench::GenerateCases(
        options, first, std::min(kBatch, options.cases - first), customers);
    if (auto done = (*store)->ImportCases(batch); !done) {
      std::cerr << done.error().message << "\n";
      return 1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("{} cases, {} customers in {:.1f} s\n", options.cases, customers,
                           seconds);
  return 0;
}
