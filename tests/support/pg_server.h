// A throwaway PostgreSQL server for tests and benchmarks that need a real one (store contract
// tests, crash tests, bench/). Each PgServer owns a fresh temp directory (data directory, log,
// Unix socket) and a free loopback port, so several test binaries can run side by side
// (ctest -j). PostgreSQL refuses to run as root, so under root (CI) the server binaries run as
// the `postgres` system user (or `nobody`); otherwise as the current user. fsync stays on:
// crash tests rely on committed writes being durable.
//
// Binaries come from $CAREDESK_PG_BINDIR, else /usr/lib/postgresql/15/bin, else
// `pg_config --bindir`. Servers get TZ=UTC, UTF8 and the C locale, trust authentication on
// loopback, and the superuser role `postgres`.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace caredesk::testing {

class PgServer {
 public:
  // Starts a server and creates the database `caredesk`; blocks until it accepts connections
  // (at most ~30 s). Returns nullptr with the reason (and the server log's tail) in `error`
  // when the binaries are missing or the server does not come up.
  static std::unique_ptr<PgServer> Start(std::string& error);

  // One server for the whole process, started on first use and stopped at exit. A failed
  // start is not retried: later calls return nullptr with the same error.
  static PgServer* Shared(std::string& error);

  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Stops the server (fast shutdown, then immediate, then SIGKILL) and removes the directory.
  // Does nothing in a forked child of the process that started it.
  ~PgServer();

  // postgresql://postgres@127.0.0.1:PORT/database, for PQconnectdb or the store's settings.
  std::string Url(const std::string& database = "caredesk") const;

  // Drops `name` if it exists, creates it empty and returns its URL: a fresh database per
  // test suite. Throws std::runtime_error with the server's message if that fails.
  std::string CreateDatabase(const std::string& name);

  int Port() const { return port_; }
  // The postmaster's process id (for crash tests and for checking it is gone).
  pid_t Pid() const { return pid_; }
  // The temp directory holding data/, the logs and the Unix socket.
  const std::filesystem::path& Dir() const { return dir_; }
  // The Unix socket's directory (libpq `host=`).
  std::string SocketDir() const { return dir_.string(); }

 private:
  PgServer() = default;
  bool Launch(std::string& error);
  // Runs `statements` one by one on the `postgres` database (not in a transaction).
  bool Execute(const std::vector<std::string>& statements, std::string& error) const;
  void Stop();

  std::filesystem::path dir_;
  std::filesystem::path bin_dir_;
  uid_t uid_ = 0;  // who the server runs as
  gid_t gid_ = 0;
  bool drop_ = false;    // whether to switch to uid_/gid_ (we are root)
  pid_t owner_pid_ = 0;  // the process that started it; only it stops it
  pid_t pid_ = -1;       // the postmaster, a child of owner_pid_
  int port_ = 0;
};

}  // namespace caredesk::testing
