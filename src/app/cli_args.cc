#include "app/cli_args.h"

#include <fmt/format.h>

#include <iostream>

#include "app/system_clock.h"

namespace caredesk::app {
namespace {

void Complain(const std::string& flag, const std::string& reason) {
  std::cerr << fmt::format("caredesk: {}: {}\n", flag, reason);
}

}  // namespace

std::optional<core::Instant> InstantArg(const std::string& flag, const std::string& text) {
  auto instant = core::ParseInstant(text);
  if (!instant) {
    Complain(flag, instant.error().message);
    return std::nullopt;
  }
  return *instant;
}

std::optional<core::Duration> DurationArg(const std::string& flag, const std::string& text) {
  auto duration = core::ParseDuration(text);
  if (!duration) {
    Complain(flag, duration.error().message);
    return std::nullopt;
  }
  return *duration;
}

std::optional<core::Kind> KindArg(const std::string& flag, const std::string& text) {
  auto kind = core::ParseKind(text);
  if (!kind) {
    Complain(flag, fmt::format("unknown kind \"{}\" (use question, comment, compliment, complaint, "
                               "service_request, suggestion or adjustment_request)",
                               text));
  }
  return kind;
}

std::optional<core::Channel> ChannelArg(const std::string& flag, const std::string& text) {
  auto channel = core::ParseChannel(text);
  if (!channel) {
    Complain(flag, fmt::format("unknown channel \"{}\" (use phone, email, post, fax, in_person, "
                               "web, social or forum)",
                               text));
  }
  return channel;
}

std::optional<core::Instant> NowArg(const std::string& text) {
  if (text.empty()) return SystemClock().Now();
  return InstantArg("--now", text);
}

}  // namespace caredesk::app
