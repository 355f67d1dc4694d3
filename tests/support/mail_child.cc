#include "mail_child.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

namespace caredesk::testing::mail_child {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

std::optional<Account> FromPasswd(const passwd& entry) {
  Account account{entry.pw_name, entry.pw_uid, entry.pw_gid, {}};
  group grp{};
  group* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getgrgid_r(entry.pw_gid, &grp, buffer.data(), buffer.size(), &found) == 0 && found) {
    account.group = grp.gr_name;
  } else {
    account.group = std::to_string(entry.pw_gid);
  }
  return account;
}

}  // namespace

std::optional<Account> FindAccount(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
      return FromPasswd(entry);
    }
  }
  return std::nullopt;
}

std::optional<Account> CurrentAccount() {
  passwd entry{};
  passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (::getpwuid_r(::geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
    return FromPasswd(entry);
  }
  return std::nullopt;
}

namespace {

bool Alive(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

// Removes /tmp/<prefix>* directories whose owner (the test process that made them, per its
// owner.pid) has died without cleaning up: killed, or crashed.
void RemoveStale(const std::string& prefix) {
  std::error_code ec;
  for (fs::directory_iterator it("/tmp", ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& dir = it->path();
    if (dir.filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(dir / "owner.pid");
    long owner = 0;
    if (!(in >> owner) || owner <= 0 || Alive(static_cast<pid_t>(owner))) continue;
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
}

}  // namespace

fs::path MakeTempDir(const std::string& prefix, std::string& error) {
  RemoveStale(prefix);
  std::string dir = "/tmp/" + prefix + "XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) {
    error = "cannot create a directory in /tmp: " + std::string(std::strerror(errno));
    return {};
  }
  if (::chmod(dir.c_str(), 0755) != 0 ||
      !WriteFile(fs::path(dir) / "owner.pid", std::to_string(::getpid()) + "\n", 0644)) {
    error = "cannot prepare " + dir + ": " + std::strerror(errno);
    return {};
  }
  return dir;
}

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

pid_t Spawn(const std::vector<std::string>& args, const SpawnOptions& options) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  static const char* const kEnv[] = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C", "LC_ALL=C",
                                     "TZ=UTC", nullptr};
  const int log_fd = ::open(options.log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) return -1;
  const fs::path in = options.stdin_file.empty() ? fs::path("/dev/null") : options.stdin_file;
  const int in_fd = ::open(in.c_str(), O_RDONLY | O_CLOEXEC);
  if (in_fd < 0) {
    const int saved = errno;
    ::close(log_fd);
    errno = saved;
    return -1;
  }
  const pid_t parent = ::getpid();
  const bool main_thread = ::gettid() == parent;
  const bool drop = options.run_as.has_value();
  const bool group = options.own_process_group;
  const uid_t uid = drop ? options.run_as->uid : 0;
  const gid_t gid = drop ? options.run_as->gid : 0;
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Only async-signal-safe calls until exec.
    auto fail = [](const char* what) {
      const char* reason = "mail test server: child setup failed: ";
      (void)!::write(STDERR_FILENO, reason, std::strlen(reason));
      (void)!::write(STDERR_FILENO, what, std::strlen(what));
      (void)!::write(STDERR_FILENO, "\n", 1);
      ::_exit(127);
    };
    if (::dup2(in_fd, STDIN_FILENO) < 0 || ::dup2(log_fd, STDOUT_FILENO) < 0 ||
        ::dup2(log_fd, STDERR_FILENO) < 0) {
      ::_exit(127);
    }
    if (group && ::setpgid(0, 0) != 0) fail("cannot start a process group");
    if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) {
      fail("cannot drop privileges");
    }
    if (options.death_signal != 0 && main_thread &&
        (::prctl(PR_SET_PDEATHSIG, options.death_signal) != 0 || ::getppid() != parent)) {
      fail("parent gone");
    }
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig) ::signal(sig, SIG_DFL);
    if (::close_range(3, ~0U, 0) != 0) {
      for (int fd = 3; fd < 1024; ++fd) ::close(fd);
    }
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) fail("cannot chdir");
    ::execve(argv[0], argv.data(), const_cast<char* const*>(kEnv));
    fail(argv[0]);
  }
  const int saved = errno;
  ::close(log_fd);
  ::close(in_fd);
  errno = saved;
  return pid;
}

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
    step = std::min<Clock::duration>(step * 2, milliseconds(20));
  }
}

void Stop(pid_t pid, Clock::duration patience) {
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  if (WaitForExit(pid, patience)) return;
  ::kill(pid, SIGKILL);
  WaitForExit(pid, std::chrono::seconds(10));
}

namespace {

// Whether child `pid` has exited within `timeout`, leaving it unreaped (a zombie keeps its pid,
// and so its process group id, from being reused).
bool Exited(pid_t pid, Clock::duration timeout) {
  const auto deadline = Clock::now() + timeout;
  Clock::duration step = milliseconds(1);
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
      if (errno != EINTR) return true;  // not our child (any more)
    } else if (info.si_pid == pid) {
      return true;
    }
    const auto now = Clock::now();
    if (now >= deadline) return false;
    std::this_thread::sleep_for(std::min(step, deadline - now));
    step = std::min<Clock::duration>(step * 2, milliseconds(20));
  }
}

}  // namespace

void StopGroup(pid_t pid, Clock::duration patience) {
  if (pid <= 0) return;
  ::kill(-pid, SIGTERM);
  if (!Exited(pid, patience)) {
    ::kill(-pid, SIGKILL);
    Exited(pid, std::chrono::seconds(10));
  }
  ::kill(-pid, SIGKILL);  // stragglers; the unreaped leader still holds the group id
  WaitForExit(pid, std::chrono::seconds(1));
}

bool Greets(int port, const std::string& greeting, milliseconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    std::string got;
    const auto deadline = Clock::now() + timeout;
    while (got.find('\n') == std::string::npos && Clock::now() < deadline) {
      pollfd poll_fd{fd, POLLIN, 0};
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (::poll(&poll_fd, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) break;
      char buffer[512];
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      got.append(buffer, static_cast<std::size_t>(n));
    }
    ok = got.rfind(greeting, 0) == 0;
  }
  ::close(fd);
  return ok;
}

std::string Describe(int status) {
  if (status == -1) return "no longer a child of this process";
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "wait status " + std::to_string(status);
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string Tail(const fs::path& path, std::size_t max) {
  std::string text = Slurp(path);
  if (text.size() > max) {
    text.erase(0, text.size() - max);
    text.erase(0, text.find('\n') + 1);
  }
  if (text.empty()) text = "(" + path.string() + " is empty)";
  return text;
}

bool WriteFile(const fs::path& path, const std::string& text, int mode) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return false;
  }
  return ::chmod(path.c_str(), static_cast<mode_t>(mode)) == 0;
}

}  // namespace caredesk::testing::mail_child
