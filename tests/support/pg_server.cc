// How PgServer runs PostgreSQL: fork/exec with privileges dropped in the child, a port found by
// binding to port 0 (retried if the server loses the race for it), readiness by PQping on the
// private Unix socket, and shutdown by the signals pg_ctl sends (SIGINT = "fast").
#include "pg_server.h"

#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr char kPrefix[] = "caredesk-pg-";
constexpr char kSuperuser[] = "postgres";
constexpr char kVersionBinDir[] = "/usr/lib/postgresql/15/bin";
constexpr auto kInitdbTimeout = seconds(60);
constexpr auto kReadyTimeout = seconds(30);
constexpr int kPortAttempts = 5;
// A Unix socket path holds at most 107 bytes; ours is base + ~35.
constexpr std::size_t kMaxBaseLength = 70;

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

// Who the server binaries run as.
struct Identity {
  bool drop = false;  // switch to uid/gid in the child (we are root)
  uid_t uid = 0;
  gid_t gid = 0;
};

std::string Errno() { return std::strerror(errno); }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The last few lines of a log, for error messages.
std::string Tail(const fs::path& path, std::size_t max = 3000) {
  std::string text = Slurp(path);
  if (text.size() > max) {
    text.erase(0, text.size() - max);
    text.erase(0, text.find('\n') + 1);
  }
  if (text.empty()) text.append("(").append(path.string()).append(" is empty)");
  return text;
}

std::string Describe(int status) {
  if (status == -1) return "no longer a child of this process";
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "wait status " + std::to_string(status);
}

bool HasServer(const fs::path& dir) {
  return ::access((dir / "postgres").c_str(), X_OK) == 0 &&
         ::access((dir / "initdb").c_str(), X_OK) == 0;
}

// `pg_config --bindir`, or empty if pg_config is not on the PATH.
std::string PgConfigBinDir() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::execlp("pg_config", "pg_config", "--bindir", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string out;
  char buffer[512];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) != 0;) {
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n));
    if (n < 0 && errno != EINTR) break;
  }
  ::close(fds[0]);
  while (pid > 0 && ::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

// The first directory holding initdb and postgres; `looked` lists the ones tried.
fs::path FindBinDir(std::string& looked) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("CAREDESK_PG_BINDIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  } else {
    candidates.emplace_back(kVersionBinDir);
    if (std::string dir = PgConfigBinDir(); !dir.empty()) candidates.emplace_back(dir);
  }
  for (const auto& dir : candidates) {
    if (HasServer(dir)) return dir;
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  return {};
}

bool ChooseIdentity(Identity& who, std::string& error) {
  if (::geteuid() != 0) {
    who = {false, ::geteuid(), ::getegid()};
    return true;
  }
  for (const char* name : {"postgres", "nobody"}) {
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwnam_r(name, &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
      who = {true, entry.pw_uid, entry.pw_gid};
      return true;
    }
  }
  error = "running as root, but there is neither a postgres nor a nobody user to run it as";
  return false;
}

// Whether `who` may search `dir` and every directory above it (owner and other bits only).
bool Reachable(fs::path dir, const Identity& who) {
  for (dir = fs::absolute(dir);; dir = dir.parent_path()) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return false;
    const mode_t bit = st.st_uid == who.uid ? S_IXUSR : st.st_gid == who.gid ? S_IXGRP : S_IXOTH;
    if ((st.st_mode & bit) == 0) return false;
    if (dir == dir.root_path()) return true;
  }
}

// $TMPDIR (or /tmp), unless the server's user cannot reach it or the socket path would be too
// long.
fs::path TempBase(const Identity& who) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec || base.string().size() > kMaxBaseLength || (who.drop && !Reachable(base, who))) {
    return "/tmp";
  }
  return base;
}

std::optional<pid_t> ReadPid(const fs::path& file) {
  std::ifstream in(file);
  long pid = 0;
  if (in >> pid && pid > 0) return static_cast<pid_t>(pid);
  return std::nullopt;
}

bool Alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// Removes directories left by processes that died without stopping their server (SIGKILL, a
// crash): the owner is gone and so is its postmaster. An unreadable owner counts as alive.
void RemoveStale(const fs::path& base) {
  std::error_code ec;
  for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& dir = it->path();
    if (dir.filename().string().rfind(kPrefix, 0) != 0) continue;
    const auto owner = ReadPid(dir / "owner.pid");
    if (!owner || Alive(*owner)) continue;
    if (const auto postmaster = ReadPid(dir / "data" / "postmaster.pid");
        postmaster && Alive(*postmaster)) {
      continue;
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
}

// Forks and execs args[0] as `who`, with a clean environment, stdin from /dev/null and
// stdout/stderr appended to `log`. If called from the main thread, the child gets
// `death_signal` when this process dies, so a killed test binary leaves no server behind.
// Returns the child's pid, or -1 with errno set.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& log, const fs::path& cwd,
            const Identity& who, int death_signal) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  static const char* const kEnv[] = {"PATH=/usr/bin:/bin", "LANG=C", "LC_ALL=C", "TZ=UTC", nullptr};
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log_fd < 0) return -1;
  const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t parent = ::getpid();
  const bool main_thread = ::gettid() == parent;
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Only async-signal-safe calls until exec: other threads of the parent may hold locks.
    auto fail = [](const char* what) {
      const char* reason = "PgServer: child setup failed: ";
      (void)!::write(STDERR_FILENO, reason, std::strlen(reason));
      (void)!::write(STDERR_FILENO, what, std::strlen(what));
      (void)!::write(STDERR_FILENO, "\n", 1);
      ::_exit(127);
    };
    if (::dup2(null_fd, STDIN_FILENO) < 0 || ::dup2(log_fd, STDOUT_FILENO) < 0 ||
        ::dup2(log_fd, STDERR_FILENO) < 0) {
      ::_exit(127);
    }
    if (who.drop &&
        (::setgroups(0, nullptr) != 0 || ::setgid(who.gid) != 0 || ::setuid(who.uid) != 0)) {
      fail("cannot drop privileges");
    }
    // After setuid, which clears the death signal.
    if (main_thread && (::prctl(PR_SET_PDEATHSIG, death_signal) != 0 || ::getppid() != parent)) {
      fail("parent gone");
    }
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);
    if (::close_range(3, ~0U, 0) != 0) {
      for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    }
    if (::chdir(cwd.c_str()) != 0) fail("cannot enter the server directory");
    ::umask(077);
    ::execve(argv[0], argv.data(), const_cast<char* const*>(kEnv));
    fail(argv[0]);
  }
  const int saved = errno;
  ::close(log_fd);
  if (null_fd >= 0) ::close(null_fd);
  errno = saved;
  return pid;
}

// Waits up to `timeout` for child `pid` to exit, checking at short, growing intervals. Returns
// its wait status (-1 if it is not our child), or nullopt if it is still running.
std::optional<int> WaitForExit(pid_t pid, Clock::duration timeout) {
  const auto deadline = Clock::now() + timeout;
  Clock::duration step = milliseconds(1);
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return -1;
    const auto now = Clock::now();
    if (now >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::min(step, deadline - now));
    step = std::min<Clock::duration>(step * 2, milliseconds(50));
  }
}

// A port the kernel just handed out on 127.0.0.1 (ephemeral range), or 0.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

std::string QuoteIdentifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string PercentEncode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<PgServer> PgServer::Start(std::string& error) {
  std::unique_ptr<PgServer> server(new PgServer());
  server->owner_pid_ = ::getpid();
  std::string looked;
  server->bin_dir_ = FindBinDir(looked);
  if (server->bin_dir_.empty()) {
    error = "PgServer: PostgreSQL server binaries (initdb, postgres) not found in " + looked +
            "; install postgresql-15 or set CAREDESK_PG_BINDIR";
    return nullptr;
  }
  Identity who;
  if (!ChooseIdentity(who, error)) return nullptr;
  server->drop_ = who.drop;
  server->uid_ = who.uid;
  server->gid_ = who.gid;

  const fs::path base = TempBase(who);
  RemoveStale(base);
  std::string dir = (base / (std::string(kPrefix) + "XXXXXX")).string();
  if (::mkdtemp(dir.data()) == nullptr) {
    error = "PgServer: cannot create a directory in " + base.string() + ": " + Errno();
    return nullptr;
  }
  server->dir_ = dir;
  std::ofstream(server->dir_ / "owner.pid") << server->owner_pid_ << '\n';
  if (who.drop && ::chown(dir.c_str(), who.uid, who.gid) != 0) {
    error = "PgServer: cannot give " + dir + " to the server's user: " + Errno();
    return nullptr;
  }

  // --no-sync only skips flushing initdb's own files; the server runs with fsync on.
  const fs::path log = server->dir_ / "initdb.log";
  const pid_t initdb = Spawn({(server->bin_dir_ / "initdb").string(), "-D",
                              (server->dir_ / "data").string(), "-U", kSuperuser, "--auth=trust",
                              "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"},
                             log, server->dir_, who, SIGKILL);
  if (initdb < 0) {
    error = "PgServer: cannot run initdb: " + Errno();
    return nullptr;
  }
  const auto status = WaitForExit(initdb, kInitdbTimeout);
  if (!status) {
    ::kill(initdb, SIGKILL);
    WaitForExit(initdb, seconds(5));
    error = "PgServer: initdb took over 60 s; its log:\n" + Tail(log);
    return nullptr;
  }
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    error = "PgServer: initdb failed (" + Describe(*status) + "); its log:\n" + Tail(log);
    return nullptr;
  }
  if (!server->Launch(error)) return nullptr;
  if (!server->Execute({"CREATE DATABASE caredesk"}, error)) {
    error = "PgServer: cannot create database caredesk: " + error;
    return nullptr;
  }
  return server;
}

bool PgServer::Launch(std::string& error) {
  const Identity who{drop_, uid_, gid_};
  const fs::path log = dir_ / "server.log";
  for (int attempt = 1;; ++attempt) {
    port_ = FreePort();
    if (port_ == 0) {
      error = "PgServer: cannot find a free port on 127.0.0.1: " + Errno();
      return false;
    }
    std::error_code ec;
    const auto log_start = fs::exists(log) ? fs::file_size(log, ec) : 0;
    pid_ = Spawn({(bin_dir_ / "postgres").string(), "-D", (dir_ / "data").string(), "-p",
                  std::to_string(port_), "-c", "listen_addresses=127.0.0.1", "-c",
                  "unix_socket_directories=" + dir_.string(), "-c", "fsync=on"},
                 log, dir_, who, SIGQUIT);
    if (pid_ < 0) {
      error = "PgServer: cannot run postgres: " + Errno();
      return false;
    }
    // Ping the private socket: a stranger who took our port cannot answer there, and postgres
    // opens its TCP socket before the Unix one (or exits).
    const std::string ping = "host=" + dir_.string() + " port=" + std::to_string(port_) +
                             " user=" + kSuperuser + " dbname=postgres connect_timeout=5";
    const auto deadline = Clock::now() + kReadyTimeout;
    Clock::duration step = milliseconds(2);
    for (;;) {
      if (PQping(ping.c_str()) == PQPING_OK) return true;
      if (const auto status = WaitForExit(pid_, step)) {
        pid_ = -1;
        const std::string written = Slurp(log).substr(std::min(log_start, fs::file_size(log, ec)));
        if (written.find("could not create any TCP/IP sockets") != std::string::npos &&
            attempt < kPortAttempts) {
          break;  // another process took the port between FreePort and postgres: try another
        }
        error = "PgServer: postgres exited during start-up (" + Describe(*status) +
                "); its log:\n" + Tail(log);
        return false;
      }
      if (Clock::now() >= deadline) {
        error = "PgServer: postgres did not accept connections within 30 s; its log:\n" + Tail(log);
        return false;  // the destructor stops it
      }
      step = std::min<Clock::duration>(step * 2, milliseconds(50));
    }
  }
}

bool PgServer::Execute(const std::vector<std::string>& statements, std::string& error) const {
  std::unique_ptr<PGconn, ConnDeleter> conn(PQconnectdb(Url("postgres").c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    error = PQerrorMessage(conn.get());
    return false;
  }
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
  for (const auto& sql : statements) {
    std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn.get(), sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      error = sql + ": " + PQerrorMessage(conn.get());
      return false;
    }
  }
  return true;
}

void PgServer::Stop() {
  if (pid_ <= 0) return;
  // What pg_ctl stop sends for -m fast, then -m immediate, then no more asking.
  const std::pair<int, Clock::duration> steps[] = {
      {SIGINT, seconds(30)}, {SIGQUIT, seconds(5)}, {SIGKILL, seconds(5)}};
  for (const auto& [signal, patience] : steps) {
    ::kill(pid_, signal);
    if (WaitForExit(pid_, patience)) break;
  }
  pid_ = -1;
}

PgServer::~PgServer() {
  if (::getpid() != owner_pid_) return;
  Stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
}

std::string PgServer::Url(const std::string& database) const {
  return "postgresql://" + std::string(kSuperuser) + "@127.0.0.1:" + std::to_string(port_) + "/" +
         PercentEncode(database);
}

std::string PgServer::CreateDatabase(const std::string& name) {
  std::string error;
  const std::string quoted = QuoteIdentifier(name);
  if (!Execute({"DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)", "CREATE DATABASE " + quoted},
               error)) {
    throw std::runtime_error("PgServer::CreateDatabase(" + name + "): " + error);
  }
  return Url(name);
}

PgServer* PgServer::Shared(std::string& error) {
  static std::mutex mutex;
  static std::unique_ptr<PgServer> server;
  static std::string start_error;
  static bool tried = false;
  std::lock_guard lock(mutex);
  if (!tried) {
    tried = true;
    server = Start(start_error);
  }
  if (!server) error = start_error;
  return server.get();
}

}  // namespace caredesk::testing
