// The PostgreSQL engine of the store contract suite: one throwaway server per test binary
// (PgServer::Shared) and a new database on it per test, dropped when the test ends.
#include <libpq-fe.h>

#include <atomic>
#include <memory>
#include <stdexcept>

#include "pg_server.h"
#include "store/postgres/pg_store.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};

// Runs `sql` (possibly several statements) on the database at `url`; the error text on failure.
core::Result<void> Run(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, ConnCloser> conn(PQconnectdb(url.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return core::Fail(core::ErrorCode::kInvalid, PQerrorMessage(conn.get()));
  }
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  std::unique_ptr<PGresult, ResultClearer> result(PQexec(conn.get(), sql.c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return core::Fail(core::ErrorCode::kInvalid, PQerrorMessage(conn.get()));
  }
  return {};
}

class PostgresEngine : public StoreEngine {
 public:
  explicit PostgresEngine(PgServer& server) : server_(server) {}
  // The fixture closes the store before the engine, so nothing holds the database any more.
  ~PostgresEngine() override { DropDatabase(); }

  std::string Name() const override { return "postgres"; }

  core::Result<std::unique_ptr<core::Store>> OpenFresh(const core::Clock& clock) override {
    DropDatabase();
    try {
      database_ = "store_" + std::to_string(Next());
      url_ = server_.CreateDatabase(database_);
    } catch (const std::runtime_error& error) {
      database_.clear();
      return core::Fail(core::ErrorCode::kInvalid, error.what());
    }
    return Reopen(clock);
  }

  core::Result<std::unique_ptr<core::Store>> Reopen(const core::Clock& clock) override {
    auto store = store::PgStore::Open(url_, clock);
    if (!store) return tl::unexpected(store.error());
    return std::unique_ptr<core::Store>(std::move(*store));
  }

  // As the server's superuser, so a test may drop the append-only trigger.
  core::Result<void> RawExec(const std::string& sql) override { return Run(url_, sql); }

  std::string Url() const override { return url_; }

 private:
  static int Next() {
    static std::atomic<int> counter{0};
    return ++counter;
  }
  void DropDatabase() {
    if (database_.empty()) return;
    // The name is ours ("store_N"), so it needs no quoting beyond the identifier quotes.
    (void)Run(server_.Url("postgres"),
              "DROP DATABASE IF EXISTS \"" + database_ + "\" WITH (FORCE)");
    database_.clear();
  }

  PgServer& server_;
  std::string database_;
  std::string url_;
};

}  // namespace

std::unique_ptr<StoreEngine> MakePostgresEngine(std::string& why) {
  PgServer* server = PgServer::Shared(why);
  if (!server) return nullptr;
  return std::make_unique<PostgresEngine>(*server);
}

}  // namespace caredesk::testing
