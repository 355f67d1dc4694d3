// PgServer against the real PostgreSQL 15 binaries: the shared server answers on its URL and
// hands out fresh databases; a private server runs beside it and, once destroyed, leaves no
// process, port or directory behind.
#include "pg_server.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

// Runs `sql` on `url` and returns the first column of the first row, or a message saying what
// went wrong (which no test expects as a value).
std::string QueryValue(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, ConnDeleter> conn(PQconnectdb(url.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    return "connection failed: " + std::string(PQerrorMessage(conn.get()));
  }
  std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn.get(), sql.c_str()));
  if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) return "";
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQntuples(result.get()) < 1) {
    return "query failed: " + std::string(PQerrorMessage(conn.get()));
  }
  return PQgetvalue(result.get(), 0, 0);
}

bool ProcessExists(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

// The real user id of a process, from /proc.
std::optional<uid_t> ProcessUid(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Uid:", 0) == 0) return static_cast<uid_t>(std::stoul(line.substr(4)));
  }
  return std::nullopt;
}

// The processes whose parent is `parent` (the postmaster's checkpointer, walwriter, ...).
std::vector<pid_t> ChildrenOf(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // pid (comm) state ppid ...: comm may contain spaces, so parse after the last ')'.
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    char state = 0;
    long ppid = 0;
    if (std::sscanf(text.c_str() + close + 1, " %c %ld", &state, &ppid) == 2 && ppid == parent) {
      children.push_back(static_cast<pid_t>(std::stol(name)));
    }
  }
  return children;
}

class SharedPgServer : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = PgServer::Shared(error);
    ASSERT_NE(server_, nullptr) << error;
  }

  PgServer* server_ = nullptr;
};

TEST_F(SharedPgServer, IsPostgres15WithFsyncOnAndUtcTime) {
  const std::string version = QueryValue(server_->Url(), "SELECT version()");
  EXPECT_EQ(version.rfind("PostgreSQL 15.", 0), 0u) << version;
  const int number = std::atoi(QueryValue(server_->Url(), "SHOW server_version_num").c_str());
  EXPECT_GE(number, 150000);
  EXPECT_LT(number, 160000);
  EXPECT_EQ(QueryValue(server_->Url(), "SHOW fsync"), "on");
  EXPECT_EQ(QueryValue(server_->Url(), "SHOW TimeZone"), "UTC");
  EXPECT_EQ(QueryValue(server_->Url(), "SELECT current_database()"), "caredesk");
}

TEST_F(SharedPgServer, IsStartedOnceAndAnswersOnItsUnixSocketToo) {
  std::string error;
  EXPECT_EQ(PgServer::Shared(error), server_);
  const std::string socket = "host=" + server_->SocketDir() +
                             " port=" + std::to_string(server_->Port()) +
                             " user=postgres dbname=caredesk";
  EXPECT_EQ(QueryValue(socket, "SELECT 1"), "1");
  EXPECT_EQ(server_->Url("x"),
            "postgresql://postgres@127.0.0.1:" + std::to_string(server_->Port()) + "/x");
}

TEST_F(SharedPgServer, CreatesSeparateDatabasesThatStartEmpty) {
  const std::string alpha = server_->CreateDatabase("contract_alpha");
  const std::string beta = server_->CreateDatabase("contract beta");  // needs quoting
  EXPECT_EQ(QueryValue(alpha, "SELECT current_database()"), "contract_alpha");
  EXPECT_EQ(QueryValue(beta, "SELECT current_database()"), "contract beta");

  EXPECT_EQ(QueryValue(alpha, "CREATE TABLE leftover (id int)"), "");
  EXPECT_EQ(QueryValue(beta, "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'"), "0");
  // Creating it again, even while a connection is open, gives an empty database.
  std::unique_ptr<PGconn, ConnDeleter> open(PQconnectdb(alpha.c_str()));
  ASSERT_EQ(PQstatus(open.get()), CONNECTION_OK);
  EXPECT_EQ(server_->CreateDatabase("contract_alpha"), alpha);
  EXPECT_EQ(QueryValue(alpha, "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'"), "0");
}

TEST(PgServer, PrivateServerRunsBesideSharedAndLeavesNothingBehind) {
  std::string error;
  PgServer* shared = PgServer::Shared(error);
  ASSERT_NE(shared, nullptr) << error;
  auto server = PgServer::Start(error);
  ASSERT_NE(server, nullptr) << error;

  const pid_t pid = server->Pid();
  const fs::path dir = server->Dir();
  const std::string url = server->Url();
  EXPECT_NE(server->Port(), shared->Port());
  EXPECT_NE(dir, shared->Dir());
  EXPECT_EQ(QueryValue(url, "SHOW data_directory"), (dir / "data").string());
  EXPECT_EQ(QueryValue(shared->Url(), "SHOW data_directory"), (shared->Dir() / "data").string());
  ASSERT_TRUE(ProcessExists(pid));
  ASSERT_TRUE(fs::exists(dir / "data" / "PG_VERSION"));
  if (::geteuid() == 0) {  // PostgreSQL refuses root: it runs as an unprivileged user
    EXPECT_NE(ProcessUid(pid).value_or(0), 0u);
    struct stat st {};
    ASSERT_EQ(::stat(dir.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, ProcessUid(pid).value_or(0));
  }
  const std::vector<pid_t> children = ChildrenOf(pid);
  EXPECT_FALSE(children.empty());  // checkpointer, walwriter, ...

  server.reset();
  EXPECT_FALSE(ProcessExists(pid));
  for (pid_t child : children) EXPECT_FALSE(ProcessExists(child)) << "child " << child;
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_EQ(PQping(url.c_str()), PQPING_NO_RESPONSE);
  EXPECT_EQ(QueryValue(shared->Url(), "SELECT 1"), "1");  // the shared one is untouched
}

TEST(PgServer, MissingBinariesAreAnErrorNotACrash) {
  const char* saved = std::getenv("CAREDESK_PG_BINDIR");
  const std::optional<std::string> previous =
      saved ? std::optional<std::string>(saved) : std::nullopt;
  ::setenv("CAREDESK_PG_BINDIR", "/nonexistent/pg/bin", 1);
  std::string error;
  auto server = PgServer::Start(error);
  if (previous) {
    ::setenv("CAREDESK_PG_BINDIR", previous->c_str(), 1);
  } else {
    ::unsetenv("CAREDESK_PG_BINDIR");
  }
  EXPECT_EQ(server, nullptr);
  EXPECT_NE(error.find("not found in /nonexistent/pg/bin"), std::string::npos) << error;
}

}  // namespace
}  // namespace caredesk::testing
