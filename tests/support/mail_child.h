// Process plumbing shared by the test mail servers (mail_servers.h): a private temp directory,
// a free loopback port, starting a server binary as a child (optionally as another user, with a
// death signal so a killed test binary leaves nothing running), waiting for it to greet, and
// stopping it. The same steps PgServer takes (pg_server.cc), for servers that are not PostgreSQL.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace caredesk::testing::mail_child {

// A system user a server (or one of its parts) runs as.
struct Account {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string group;  // name of gid
};

// The first of `names` that exists, or nullopt.
std::optional<Account> FindAccount(const std::vector<std::string>& names);
// Whoever this process runs as (its effective uid), or nullopt if it has no passwd entry.
std::optional<Account> CurrentAccount();

// A fresh directory /tmp/<prefix>XXXXXX, searchable by everyone (the servers' users must reach
// their files inside), or empty with `error` set. Its owner.pid names this process; directories
// of the same prefix whose owner has died (a killed test) are removed first.
std::filesystem::path MakeTempDir(const std::string& prefix, std::string& error);

// A port the kernel just handed out on 127.0.0.1, or 0. Another process may take it before the
// server binds it; callers retry.
int FreePort();

struct SpawnOptions {
  std::filesystem::path log;  // stdout and stderr are appended here
  std::filesystem::path cwd;
  std::filesystem::path stdin_file;  // empty: /dev/null
  std::optional<Account> run_as;     // switch to this user (we are root); nullopt: stay
  int death_signal = 0;              // sent to the child if this thread's process dies
  bool own_process_group = false;    // lead a new process group (for StopGroup)
};

// Forks and execs args[0] with a minimal environment. Returns the pid, or -1 with errno set.
pid_t Spawn(const std::vector<std::string>& args, const SpawnOptions& options);

// The child's wait status once it exits within `timeout`; -1 if it is not our child; nullopt if
// it is still running.
std::optional<int> WaitForExit(pid_t pid, std::chrono::steady_clock::duration timeout);

// SIGTERM, then SIGKILL after `patience`; always reaps the child.
void Stop(pid_t pid, std::chrono::steady_clock::duration patience);

// For a child spawned with own_process_group: SIGTERM to the whole group (a master and the
// processes it forked stop together), SIGKILL to it after `patience`, reaps the child, and
// SIGKILLs whatever of the group is left.
void StopGroup(pid_t pid, std::chrono::steady_clock::duration patience);

// Whether a TCP server on 127.0.0.1:port sends a first line starting with `greeting` within
// `timeout`.
bool Greets(int port, const std::string& greeting, std::chrono::milliseconds timeout);

std::string Describe(int status);
std::string Slurp(const std::filesystem::path& path);
std::string Tail(const std::filesystem::path& path, std::size_t max = 3000);
bool WriteFile(const std::filesystem::path& path, const std::string& text, int mode);

}  // namespace caredesk::testing::mail_child
