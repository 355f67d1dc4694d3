#include "http/access_log.h"

#include <date/date.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <cmath>
#include <nlohmann/json.hpp>

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
  const nlohmann::json line = {
      {"time", date::format("%FT%TZ", date::floor<std::chrono::milliseconds>(record.time))},
      {"remote", record.remote},
      {"method", record.method},
      {"route", record.route},
      {"path", RedactTarget(record.target)},
      {"status", record.status},
      {"bytes", record.bytes},
      {"duration_ms", std::round(record.duration_ms * 1000.0) / 1000.0},
      {"request_id", record.request_id},
  };
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
