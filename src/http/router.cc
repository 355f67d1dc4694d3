#include "http/router.h"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "http/errors.h"
#include "http/rate_limiter.h"

namespace caredesk::http {
namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool IsParameter(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Whether `path` fits `route`; fills `params` and the specificity (1 for each literal
// segment, in order) used to prefer literal routes over parameter routes.
bool Fits(const Route& route, const std::vector<std::string_view>& path, RouteParams& params,
          std::vector<int>& specificity) {
  if (route.segments.size() != path.size()) return false;
  specificity.clear();
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (IsParameter(segment)) {
      if (path[i].empty()) return false;
      params.Set(segment.substr(1, segment.size() - 2), std::string(path[i]));
      specificity.push_back(0);
    } else if (segment == path[i]) {
      specificity.push_back(1);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view RouteParams::Get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string_view() : std::string_view(it->second);
}

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  auto route = std::make_unique<Route>();
  for (auto segment : Split(pattern)) {
    if (segment == "{}") throw std::invalid_argument("route parameter without a name: " + pattern);
    route->segments.emplace_back(segment);
  }
  // Two patterns that differ only in parameter names would match the same paths.
  auto same_shape = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
      return x == y || (IsParameter(x) && IsParameter(y));
    });
  };
  for (const auto& existing : routes_) {
    if (existing->method == method && same_shape(existing->segments, route->segments)) {
      throw std::invalid_argument("route added twice: " + method + " " + pattern);
    }
  }
  route->method = std::move(method);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->options = std::move(options);
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  const auto segments = Split(path);
  RouteMatch match;
  std::vector<int> best;
  std::vector<int> specificity;
  std::vector<std::string> allowed;
  for (const auto& route : routes_) {
    RouteParams params;
    if (!Fits(*route, segments, params, specificity)) continue;
    if (route->method != method) {
      if (std::find(allowed.begin(), allowed.end(), route->method) == allowed.end()) {
        allowed.push_back(route->method);
      }
      if (match.route == nullptr) match.pattern = route->pattern;
      continue;
    }
    if (match.route == nullptr || specificity > best) {
      match.route = route.get();
      match.params = std::move(params);
      match.pattern = route->pattern;
      best = specificity;
    }
  }
  if (match.route != nullptr) return match;
  if (allowed.empty()) {
    match.refusal = ErrorResponse(404, "not_found", "no such resource");
    return match;
  }
  std::sort(allowed.begin(), allowed.end());
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  match.refusal = ErrorResponse(405, "method_not_allowed",
                                std::string(method) + " is not allowed here; use " + allow);
  match.refusal->SetHeader("allow", allow);
  return match;
}

std::optional<Response> CheckRateLimit(const Route& route, const Request& request) {
  if (!route.options.rate_limiter) return std::nullopt;
  auto retry_after = route.options.rate_limiter->Admit(request.remote_address);
  if (!retry_after) return std::nullopt;
  return TooManyRequests(*retry_after);
}

Response RunHandler(const Route& route, const Request& request, const RouteParams& params) {
  try {
    return route.handler(request, params);
  } catch (const std::exception&) {
    return ErrorResponse(500, "internal", "the server failed to handle this request");
  }
}

Response Router::Dispatch(const Request& request) const {
  auto match = Match(request.method, request.path);
  if (match.refusal) return std::move(*match.refusal);
  if (auto limited = CheckRateLimit(*match.route, request)) return std::move(*limited);
  return RunHandler(*match.route, request, match.params);
}

}  // namespace caredesk::http
