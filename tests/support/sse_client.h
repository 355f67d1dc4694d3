// A Server-Sent Events client for tests against a real caredesk server: sends one GET, reads the
// status line and headers, then the events as they come. Every read has a timeout, so a server
// that sends nothing fails the test instead of hanging it.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "http_client.h"

namespace caredesk::testing {

struct SseEvent {
  std::string event;  // the `event:` field ("message" when none)
  std::string data;   // the `data:` lines, joined with '\n'
};

class SseClient {
 public:
  // Connects to 127.0.0.1:`port`, sends GET `target` with `headers` and reads the answer's
  // status and headers (status 0 when none came within `timeout`).
  SseClient(unsigned short port, const std::string& target, const HeaderList& headers = {},
            std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~SseClient();
  SseClient(const SseClient&) = delete;
  SseClient& operator=(const SseClient&) = delete;

  int status() const { return status_; }
  // The value of header `name` (lower-case), or "".
  std::string Header(std::string_view name) const;

  // The next event within `timeout` (comments and `retry:` lines are skipped), or none.
  std::optional<SseEvent> NextEvent(std::chrono::milliseconds timeout);
  // True when the server closes the connection within `timeout` (events before it are read
  // and dropped).
  bool WaitForClose(std::chrono::milliseconds timeout);
  // Everything read after the headers so far, comments included.
  const std::string& received() const { return received_; }

 private:
  // Reads what is there within `timeout` into buffer_; false on timeout or close.
  bool ReadMore(std::chrono::milliseconds timeout);

  int fd_ = -1;
  int status_ = 0;
  bool closed_ = false;
  HeaderList headers_;
  std::string buffer_;    // read, not yet parsed
  std::string received_;  // the body so far
};

}  // namespace caredesk::testing
