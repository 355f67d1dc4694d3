// Reading a JSON request body strictly, at the edge: the media type must be application/json
// (UTF-8), the text well-formed UTF-8 JSON no deeper than kMaxJsonDepth, numbers in range.
// Every refusal names the reason (and, for syntax errors, the line and column).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "http/errors.h"
#include "http/message.h"

namespace caredesk::http {

inline constexpr int kMaxJsonDepth = 64;

// The request's JSON body; 415 for another Content-Type, 400 for anything malformed.
HttpResult<nlohmann::json> ParseJsonBody(const Request& request);

// The JSON in `text`; 400 when malformed, not UTF-8, too deep, or a number out of range.
HttpResult<nlohmann::json> ParseJsonText(std::string_view text);

}  // namespace caredesk::http
