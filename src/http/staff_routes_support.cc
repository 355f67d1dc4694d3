#include "http/staff_routes_support.h"

#include <charconv>

namespace caredesk::http {

std::optional<core::Id> PathId(const RouteParams& params, std::string_view name) {
  const std::string_view text = params.Get(name);
  core::Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || id < 1) {
    return std::nullopt;
  }
  return id;
}

Response LookupFailed(const core::Error& error, std::string_view what) {
  if (error.code != core::ErrorCode::kNotFound) return ErrorResponse(error);
  return NotFound("no such " + std::string(what));
}

}  // namespace caredesk::http
