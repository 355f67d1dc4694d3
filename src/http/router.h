// Routing: method + path pattern → handler. Patterns are literal segments and `{name}`
// parameters ("/api/v1/cases/{reference}"). Handlers are plain functions of the request, so they
// are unit-tested without a server; the server only adds transport, limits and the worker pool.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace caredesk::http {

class RateLimiter;

// The request body limit of JSON routes (and of requests to unknown paths).
inline constexpr std::size_t kJsonBodyLimit = 1024 * 1024;
// The default limit of attachment and multipart routes; configurable per route.
inline constexpr std::size_t kAttachmentBodyLimit = 10 * 1024 * 1024;

// The values of a route's `{name}` segments, percent-decoded.
class RouteParams {
 public:
  // The value of parameter `name`; empty when the route has no such parameter.
  std::string_view Get(std::string_view name) const;
  void Set(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

using Handler = std::function<Response(const Request&, const RouteParams&)>;

struct RouteOptions {
  // Larger bodies are refused with 413 as soon as the declared Content-Length shows it.
  std::size_t body_limit = kJsonBodyLimit;
  // When set, each remote address gets this route's share of requests; beyond it, 429.
  std::shared_ptr<RateLimiter> rate_limiter;
  // Run on the I/O thread instead of the worker pool: only for handlers that never block
  // (`/healthz` must answer even when the pool is full).
  bool on_io_thread = false;

  // Chainable setters: `RouteOptions().WithBodyLimit(kAttachmentBodyLimit).WithRateLimit(l)`
  // (designated initializers that skip a member trip -Wmissing-field-initializers).
  RouteOptions& WithBodyLimit(std::size_t bytes) {
    body_limit = bytes;
    return *this;
  }
  RouteOptions& WithRateLimit(std::shared_ptr<RateLimiter> limiter) {
    rate_limiter = std::move(limiter);
    return *this;
  }
  RouteOptions& OnIoThread() {
    on_io_thread = true;
    return *this;
  }
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // the pattern split at '/'
};

// What a request's method and path lead to: a route and its parameters, or the refusal to send
// (404 unknown path, 405 known path with another method, carrying `Allow`).
struct RouteMatch {
  const Route* route = nullptr;
  RouteParams params;
  std::optional<Response> refusal;
  // The pattern for metrics and logs ("unmatched" for an unknown path): never the raw path, so
  // label cardinality stays bounded.
  std::string pattern = "unmatched";
};

class Router {
 public:
  // Adds a route. Throws std::invalid_argument (a start-up bug, not input) for a pattern that
  // does not start with '/', has an empty `{}` or repeats a method and pattern.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  // Where `method` and the decoded `path` lead. Literal segments win over parameters.
  RouteMatch Match(std::string_view method, std::string_view path) const;

  // Runs a request through the router as the server does (match, rate limit, handler), for
  // tests and for the server's I/O-thread routes.
  Response Dispatch(const Request& request) const;

  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
};

// Applies the route's rate limit for the request's remote address; the 429 to send, if any.
std::optional<Response> CheckRateLimit(const Route& route, const Request& request);

// Runs the route's handler, turning an escaping exception into a 500 (a handler bug must not
// take the connection or the process down).
Response RunHandler(const Route& route, const Request& request, const RouteParams& params);

}  // namespace caredesk::http
