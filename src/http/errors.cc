#include "http/errors.h"

#include <fmt/format.h>

namespace caredesk::http {
namespace {

// How long a client should wait before retrying after a store outage.
constexpr std::chrono::seconds kUnavailableRetryAfter{5};

}  // namespace

int HttpStatus(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalid:
      return 422;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kOutOfRange:
      return 422;
    case core::ErrorCode::kUnavailable:
      return 503;
  }
  return 500;
}

std::string_view ErrorCodeName(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalid:
      return "invalid";
    case core::ErrorCode::kNotFound:
      return "not_found";
    case core::ErrorCode::kConflict:
      return "conflict";
    case core::ErrorCode::kOutOfRange:
      return "out_of_range";
    case core::ErrorCode::kUnavailable:
      return "unavailable";
  }
  return "internal";
}

Response JsonResponse(int status, const nlohmann::json& body) {
  // Replace, never throw, on text that is not UTF-8: an answer must always be sendable.
  return TextResponse(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                      "application/json");
}

Response JsonTextResponse(int status, std::string json) {
  return TextResponse(status, std::move(json), "application/json");
}

Response ErrorResponse(int status, std::string_view code, std::string_view message,
                       std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  error["field"] = field.empty() ? nlohmann::json(nullptr) : nlohmann::json(field);
  return JsonResponse(status, {{"error", std::move(error)}});
}

Response ErrorResponse(const core::Error& error) {
  if (error.code == core::ErrorCode::kUnavailable) {
    auto response = Unavailable(error.message, kUnavailableRetryAfter);
    return response;
  }
  return ErrorResponse(HttpStatus(error.code), ErrorCodeName(error.code), error.message,
                       error.field);
}

Response Malformed(std::string_view message, std::string_view field) {
  return ErrorResponse(400, "malformed", message, field);
}

Response Unauthenticated(std::string_view message) {
  auto response = ErrorResponse(401, "unauthenticated", message);
  response.SetHeader("www-authenticate", "Bearer");
  return response;
}

Response Forbidden(std::string_view message) { return ErrorResponse(403, "forbidden", message); }

Response NotFound(std::string_view message) { return ErrorResponse(404, "not_found", message); }

Response TooLarge(std::size_t limit) {
  return ErrorResponse(413, "too_large",
                       fmt::format("the request body is larger than the {} bytes allowed", limit),
                       "body");
}

Response UnsupportedMediaType(std::string_view expected) {
  return ErrorResponse(415, "unsupported_media_type",
                       fmt::format("the request body must be {}", expected), "content-type");
}

Response TooManyRequests(std::chrono::seconds retry_after) {
  auto response = ErrorResponse(
      429, "rate_limited",
      fmt::format("too many requests from your address; retry in {} s", retry_after.count()));
  response.SetHeader("retry-after", std::to_string(retry_after.count()));
  return response;
}

Response Unavailable(std::string_view message, std::chrono::seconds retry_after) {
  auto response = ErrorResponse(503, "unavailable", message);
  response.SetHeader("retry-after", std::to_string(retry_after.count()));
  return response;
}

}  // namespace caredesk::http
