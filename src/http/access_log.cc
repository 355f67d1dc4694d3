#include "http/access_log.h"

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/instant.h"
#include "http/message.h"

namespace caredesk::http {
namespace {

bool LooksSecret(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kWords = {
      "secret", "token", "password", "passwd", "key", "auth", "session", "code"};
  const std::string lower = ToLower(name);
  for (auto word : kWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// Appends `text` as a JSON string. Plain printable ASCII (nearly every value) is copied as is;
// anything else is escaped by nlohmann, which replaces bytes that are not UTF-8.
void AppendJsonString(std::string& out, std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (!plain) {
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  out.append(text);
  out += '"';
}

std::string UniqueLoggerName() {
  static std::atomic<int> next{0};
  return "caredesk-access-" + std::to_string(next++);
}

}  // namespace

std::string RedactTarget(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, question + 1));
  std::string_view rest = target.substr(question + 1);
  bool first = true;
  while (true) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto equals = pair.find('=');
    if (!first) out += '&';
    first = false;
    if (equals != std::string_view::npos && LooksSecret(pair.substr(0, equals))) {
      out.append(pair.substr(0, equals)).append("=REDACTED");
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return out;
}

std::string FormatAccessLine(const AccessRecord& record) {
  // Written by hand rather than through a JSON document: it runs once per request.
  std::string line;
  line.reserve(256);
  // The UTC time to the millisecond: FormatUtc's text with ".mmm" before its "Z".
  const auto seconds = std::chrono::floor<std::chrono::seconds>(record.time);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(record.time - seconds).count();
  std::string time = core::FormatUtc(seconds);
  time.pop_back();
  fmt::format_to(std::back_inserter(line), R"({{"time":"{}.{:03}Z","remote":)", time, millis);
  AppendJsonString(line, record.remote);
  line += R"(,"method":)";
  AppendJsonString(line, record.method);
  line += R"(,"route":)";
  AppendJsonString(line, record.route);
  line += R"(,"path":)";
  AppendJsonString(line, RedactTarget(record.target));
  fmt::format_to(std::back_inserter(line), R"(,"status":{},"bytes":{},"duration_ms":{},)",
                 record.status, record.bytes, std::round(record.duration_ms * 1000.0) / 1000.0);
  line += R"("request_id":)";
  AppendJsonString(line, record.request_id);
  line += '}';
  return line;
}

AccessLog::AccessLog(const std::string& path) {
  if (path.empty() || path == "-") {
    logger_ = std::make_shared<spdlog::logger>(UniqueLoggerName(),
                                               std::make_shared<spdlog::sinks::stderr_sink_mt>());
  } else {
    logger_ = std::make_shared<spdlog::logger>(
        UniqueLoggerName(), std::make_shared<spdlog::sinks::basic_file_sink_mt>(path));
  }
  logger_->set_pattern("%v");
  logger_->flush_on(spdlog::level::warn);
}

AccessLog::~AccessLog() { Flush(); }

void AccessLog::Write(const AccessRecord& record) { logger_->info(FormatAccessLine(record)); }

void AccessLog::Flush() { logger_->flush(); }

}  // namespace caredesk::http
