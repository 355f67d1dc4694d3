// `caredesk serve` as a child process: started with arguments (and extra environment), its
// "listening on" line read from stdout to learn the port, signalled and reaped by the test.
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace caredesk::testing {

class ServeProcess {
 public:
  // Starts CAREDESK_BINARY serve ARGS with stderr to `stderr_path`.
  ServeProcess(const std::vector<std::string>& args, const std::string& stderr_path,
               const std::vector<std::pair<std::string, std::string>>& env = {}) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      if (std::freopen(stderr_path.c_str(), "w", stderr) == nullptr) std::_Exit(127);
      for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
      std::vector<char*> argv;
      std::string binary = CAREDESK_BINARY;
      std::string serve = "serve";
      argv.push_back(binary.data());
      argv.push_back(serve.data());
      std::vector<std::string> copies = args;
      for (auto& arg : copies) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(binary.c_str(), argv.data());
      std::_Exit(127);
    }
    ::close(out[1]);
    stdout_fd_ = out[0];
  }

  ~ServeProcess() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
  }

  // The first stdout line, or "" if none came within `timeout` (or the process ended first).
  std::string ReadLine(std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return "";
      pollfd pfd{stdout_fd_, POLLIN, 0};
      if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return "";
      char c = 0;
      if (::read(stdout_fd_, &c, 1) != 1) return "";
      if (c == '\n') return line;
      line.push_back(c);
    }
  }

  // The port of a "caredesk listening on http://HOST:PORT" line, or 0.
  unsigned short WaitForPort(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    listening_line_ = ReadLine(timeout);
    const auto colon = listening_line_.rfind(':');
    if (listening_line_.rfind("caredesk listening on http://", 0) != 0 ||
        colon == std::string::npos) {
      return 0;
    }
    return static_cast<unsigned short>(std::atoi(listening_line_.c_str() + colon + 1));
  }

  void Signal(int signal) { ::kill(pid_, signal); }

  // The exit status (-1 if killed by a signal or still running after `timeout`).
  int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int raw = 0;
    while (true) {
      const pid_t done = ::waitpid(pid_, &raw, WNOHANG);
      if (done == pid_) break;
      if (std::chrono::steady_clock::now() > deadline) return -1;
      ::usleep(10'000);  // waitpid cannot wait with a timeout
    }
    reaped_ = true;
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

  const std::string& listening_line() const { return listening_line_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  bool reaped_ = false;
  std::string listening_line_;
};

}  // namespace caredesk::testing
