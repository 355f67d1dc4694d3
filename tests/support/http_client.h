// A small synchronous HTTP/1.1 client for tests against a real caredesk server: well-formed
// requests over a keep-alive connection, and raw bytes for malformed or slow requests. Every
// read has a timeout, so a server that hangs fails the test instead of hanging it.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caredesk::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;      // 0: no answer (closed or timed out)
  HeaderList headers;  // names lower-cased
  std::string body;
  bool keep_alive = false;

  // The value of header `name` (lower-case), or "".
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(unsigned short port, std::string host = "127.0.0.1",
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends a request (reconnecting if the server closed the connection) and reads the answer.
  HttpReply Send(const std::string& method, const std::string& target,
                 const HeaderList& headers = {}, const std::string& body = {});
  HttpReply Get(const std::string& target, const HeaderList& headers = {});
  // POST with Content-Type: application/json.
  HttpReply PostJson(const std::string& target, const std::string& json,
                     const HeaderList& headers = {});

  // Raw mode: connects if needed and writes `bytes` as they are.
  void WriteRaw(std::string_view bytes);
  // Reads one response (a 100 Continue counts as one); status 0 if none came within `timeout`.
  HttpReply ReadReply(std::chrono::milliseconds timeout);
  // True when the server closes the connection within `timeout`; what it sent goes to
  // `received` if given.
  bool WaitForClose(std::chrono::milliseconds timeout, std::string* received = nullptr);
  // Drops the connection; the next request opens a new one.
  void Close();
  // How many TCP connections this client has opened (to check keep-alive).
  int connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caredesk::testing
