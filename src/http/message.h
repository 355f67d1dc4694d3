// The transport-independent HTTP model: what a handler sees (Request) and what it answers
// (Response). The server translates to and from Beast; handlers and their tests never see it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caredesk::http {

// Header names compare case-insensitively (RFC 9110); they are stored lower-cased.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query, e.g. "/api/v1/cases?q=refund"
  std::string path;    // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // percent-decoded query parameters
  Headers headers;                                // names lower-cased
  std::string body;
  std::string remote_address;  // the peer's IP address
  std::string request_id;      // unique per request, echoed as X-Request-Id

  // The first value of header `name` (any case), if present.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The first value of query parameter `name`, if present.
  std::optional<std::string_view> Query(std::string_view name) const;
};

class ResponseStream;  // response_stream.h

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Set for a body written over time (Server-Sent Events): `body` is then its first bytes.
  std::shared_ptr<ResponseStream> stream;

  // Sets header `name`, replacing any earlier value.
  Response& SetHeader(std::string name, std::string value);
  std::optional<std::string_view> Header(std::string_view name) const;
};

// A response with `body` and its Content-Type.
Response TextResponse(int status, std::string body, std::string content_type = "text/plain");

// Splits a request target into its decoded path and query parameters; false when the target is
// not an origin-form path ("/...") or has bad percent-encoding.
bool ParseTarget(std::string_view target, std::string& path,
                 std::multimap<std::string, std::string>& query);

// Lower-cases ASCII letters.
std::string ToLower(std::string_view text);

}  // namespace caredesk::http
