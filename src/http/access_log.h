// The structured access log: one JSON line per answered request. It records what an operator
// needs (who, what route, how it went, how long) and never a secret: no headers at all (so no
// Authorization or Cookie), and query values whose names look secret are redacted.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace caredesk::http {

struct AccessRecord {
  std::chrono::system_clock::time_point time;
  std::string remote;
  std::string method;
  std::string route;   // the matched pattern, "unmatched" or "-" (request never parsed)
  std::string target;  // as sent; redacted when formatted
  int status = 0;
  std::size_t bytes = 0;  // response body bytes
  double duration_ms = 0;
  std::string request_id;
};

// `target` with the values of secret-looking query parameters (secret, token, password, key,
// auth, session, code) replaced by "REDACTED".
std::string RedactTarget(std::string_view target);

// The record as one line of JSON (no trailing newline).
std::string FormatAccessLine(const AccessRecord& record);

class AccessLog {
 public:
  // Writes to `path`, or to stderr when `path` is empty or "-".
  explicit AccessLog(const std::string& path = "");
  ~AccessLog();
  void Write(const AccessRecord& record);
  void Flush();

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace caredesk::http
