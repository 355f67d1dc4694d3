// Running the `caredesk` binary as a real process from a test: stdout, stderr and exit status.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace caredesk::testing {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs caredesk with `args` (already shell-quoted), capturing stdout and stderr.
inline Run Caredesk(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto err_path = dir / ("caredesk-cli-test-" + std::to_string(::getpid()) + ".err");
  const std::string command = std::string(CAREDESK_BINARY) + " " + args + " 2>" + err_path.string();
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.out.append(buffer.data(), n);
  }
  const int raw = ::pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.err = Slurp(err_path);
  std::filesystem::remove(err_path);
  return run;
}

}  // namespace caredesk::testing
