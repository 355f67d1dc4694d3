#include "http/json_body.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace caredesk::http {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// application/json, optionally with charset=utf-8 (any case); nothing else.
bool IsJsonMediaType(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (ToLower(Trim(content_type.substr(0, semicolon))) != "application/json") return false;
  if (semicolon == std::string_view::npos) return true;
  const std::string parameter = ToLower(Trim(content_type.substr(semicolon + 1)));
  return parameter == "charset=utf-8" || parameter == "charset=\"utf-8\"";
}

// The deepest nesting of arrays and objects, counted before parsing so that a hostile body
// cannot make the parser or the destructor work on millions of levels; stops early past `limit`.
int NestingDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Line and column (from 1) of the byte at 1-based offset `byte`.
std::pair<std::size_t, std::size_t> Position(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

HttpResult<nlohmann::json> ParseJsonText(std::string_view text) {
  if (!core::IsValidUtf8(text)) {
    return tl::unexpected(Malformed("the request body is not valid UTF-8", "body"));
  }
  if (NestingDepth(text, kMaxJsonDepth) > kMaxJsonDepth) {
    return tl::unexpected(
        Malformed(fmt::format("the JSON is nested deeper than {} levels", kMaxJsonDepth), "body"));
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const auto [line, column] = Position(text, error.byte);
    return tl::unexpected(
        Malformed(text.empty() ? std::string("the request body is empty; JSON expected")
                               : fmt::format("malformed JSON at line {}, column {}", line, column),
                  "body"));
  } catch (const nlohmann::json::exception&) {
    // Out-of-range numbers (1e400) land here.
    return tl::unexpected(Malformed("the JSON holds a number out of range", "body"));
  }
}

HttpResult<nlohmann::json> ParseJsonBody(const Request& request) {
  const auto content_type = request.Header("content-type");
  if (!content_type || !IsJsonMediaType(*content_type)) {
    return tl::unexpected(UnsupportedMediaType("application/json"));
  }
  return ParseJsonText(request.body);
}

}  // namespace caredesk::http
