// Fills a store with the deterministic benchmark dataset:
//   build/bench/caredesk_dataset --db bench.db --cases 1000000 --seed 1
//   build/bench/caredesk_dataset --db postgresql://postgres@127.0.0.1:PORT/caredesk --cases 1000000
// Customers are saved from many threads (group commit; on PostgreSQL one connection each), cases
// imported in batches, the next batch generated while the store imports the last.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <future>
#include <iostream>
#include <thread>

#include "app/policy_source.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "dataset.h"
#ifdef CAREDESK_HAVE_POSTGRES_STORE
#include "store/postgres/pg_store.h"
#endif

namespace {

constexpr int kSavers = 64;

// The store at `db`; a PostgreSQL one with a connection per customer-saving thread.
caredesk::core::Result<std::unique_ptr<caredesk::core::Store>> Open(
    const std::string& db, const caredesk::core::Clock& clock) {
#ifdef CAREDESK_HAVE_POSTGRES_STORE
  if (caredesk::app::IsPostgresUrl(db)) {
    auto store = caredesk::store::PgStore::Open(db, clock, kSavers);
    if (!store) return tl::unexpected(store.error());
    return std::unique_ptr<caredesk::core::Store>(std::move(*store));
  }
#endif
  return caredesk::app::OpenStore(db, clock);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fill a store with the caredesk benchmark dataset"};
  std::string db;
  caredesk::bench::DatasetOptions options;
  app.add_option("--db", db, "SQLite file or postgresql:// URL")->required();
  app.add_option("--cases", options.cases, "How many cases");
  app.add_option("--seed", options.seed, "Random seed");
  std::int64_t from = 0;
  std::int64_t until = -1;
  app.add_option("--from", from, "Load only the cases numbered from this one (0: the first)");
  app.add_option("--until", until, "… and before this one (default: all of them)");
  CLI11_PARSE(app, argc, argv);
  if (until < 0 || until > options.cases) until = options.cases;
  if (from < 0 || from >= until) {
    std::cerr << "--from: must be at least 0 and below --until\n";
    return 2;
  }

  caredesk::app::SystemClock clock;
  auto store = Open(db, clock);
  if (!store) {
    std::cerr << store.error().message << "\n";
    return 1;
  }
  // The cases are received under caredesk's built-in default policy.
  const std::string_view policy_text = caredesk::app::BuiltInDefaultPolicy();
  auto policy = caredesk::core::ParsePolicy(policy_text);
  if (!policy) {
    std::cerr << "the built-in policy does not parse\n";
    return 1;
  }
  options.policy = std::make_shared<const caredesk::core::Policy>(std::move(*policy));
  if (!(*store)->InstallPolicy(options.policy->version, std::string(policy_text), clock.Now())) {
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  const std::int64_t customers = caredesk::bench::CustomerCount(options.cases);
  std::atomic<std::int64_t> next{1};
  std::vector<std::thread> savers;
  for (int t = 0; t < kSavers; ++t) {
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
  const double customer_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  constexpr std::int64_t kBatch = 2000;
  auto generate = [&](std::int64_t first) {
    return caredesk::bench::GenerateCases(options, first, std::min(kBatch, until - first),
                                          customers);
  };
  auto next_batch = std::async(std::launch::async, generate, from);
  for (std::int64_t first = from; first < until; first += kBatch) {
    const auto batch = next_batch.get();
    if (first + kBatch < until) {
      next_batch = std::async(std::launch::async, generate, first + kBatch);
    }
    if (auto done = (*store)->ImportCases(batch); !done) {
      std::cerr << done.error().message << "\n";
      return 1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("{} cases, {} customers in {:.1f} s (customers {:.1f} s)\n",
                           until - from, customers, seconds, customer_seconds);
  return 0;
}
