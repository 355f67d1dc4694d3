// The one place that turns errors into HTTP answers: core::ErrorCode → status, and the JSON
// error body every endpoint uses, {"error": {"code", "message", "field"}}.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "core/error.h"
#include "http/message.h"

namespace caredesk::http {

// A value or the HTTP answer that explains why there is none; handlers return `.error()`.
template <class T>
using HttpResult = tl::expected<T, Response>;

// kInvalid and kOutOfRange → 422, kNotFound → 404, kConflict → 409, kUnavailable → 503.
int HttpStatus(core::ErrorCode code);

// The error code string of the body: "invalid", "not_found", "conflict", "out_of_range",
// "unavailable".
std::string_view ErrorCodeName(core::ErrorCode code);

// A JSON error answer. `code` is a stable machine-readable word; `field` names the input at
// fault ("" when none).
Response ErrorResponse(int status, std::string_view code, std::string_view message,
                       std::string_view field = {});

// The answer for a core error (503 answers carry Retry-After).
Response ErrorResponse(const core::Error& error);

// The usual refusals, so every endpoint words them alike.
Response Malformed(std::string_view message, std::string_view field = {});         // 400
Response Unauthenticated(std::string_view message = "sign-in required");           // 401
Response Forbidden(std::string_view message = "not allowed for your role");        // 403
Response NotFound(std::string_view message = "no such resource");                  // 404
Response TooLarge(std::size_t limit);                                              // 413
Response UnsupportedMediaType(std::string_view expected);                          // 415
Response TooManyRequests(std::chrono::seconds retry_after);                        // 429
Response Unavailable(std::string_view message, std::chrono::seconds retry_after);  // 503

// A JSON answer with `body` serialised.
Response JsonResponse(int status, const nlohmann::json& body);
// The same for JSON text already written (json_writer.h).
Response JsonTextResponse(int status, std::string json);

}  // namespace caredesk::http
