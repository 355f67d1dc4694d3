// The SQLite engine of the store contract suite: a new database file per test.
#include <sqlite3.h>

#include <atomic>
#include <filesystem>

#include "store/sqlite/sqlite_store.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

class SqliteEngine : public StoreEngine {
 public:
  SqliteEngine() {
    dir_ = std::filesystem::temp_directory_path() /
           ("caredesk-store-" + std::to_string(::getpid()) + "-" + std::to_string(Next()));
    std::filesystem::create_directories(dir_);
  }
  ~SqliteEngine() override { std::filesystem::remove_all(dir_); }

  std::string Name() const override { return "sqlite"; }

  core::Result<std::unique_ptr<core::Store>> OpenFresh(const core::Clock& clock) override {
    path_ = (dir_ / ("store-" + std::to_string(Next()) + ".db")).string();
    return Reopen(clock);
  }

  core::Result<std::unique_ptr<core::Store>> Reopen(const core::Clock& clock) override {
    auto store = store::SqliteStore::Open(path_, clock);
    if (!store) return tl::unexpected(store.error());
    return std::unique_ptr<core::Store>(std::move(*store));
  }

  core::Result<void> RawExec(const std::string& sql) override {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    std::string text = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    if (rc != SQLITE_OK) return core::Fail(core::ErrorCode::kInvalid, text);
    return {};
  }

  std::string Url() const override { return path_; }

 private:
  static int Next() {
    static std::atomic<int> counter{0};
    return ++counter;
  }
  std::filesystem::path dir_;
  std::string path_;
};

}  // namespace

std::unique_ptr<StoreEngine> MakeSqliteEngine() { return std::make_unique<SqliteEngine>(); }

}  // namespace caredesk::testing
