// Turning command-line text into domain values, with errors that name the flag.
#pragma once

#include <optional>
#include <string>

#include "core/domain.h"
#include "core/duration.h"
#include "core/instant.h"

namespace caredesk::app {

// Each prints `caredesk: --FLAG: reason` to stderr and returns nothing on bad input.
std::optional<core::Instant> InstantArg(const std::string& flag, const std::string& text);
std::optional<core::Duration> DurationArg(const std::string& flag, const std::string& text);
std::optional<core::Kind> KindArg(const std::string& flag, const std::string& text);
std::optional<core::Channel> ChannelArg(const std::string& flag, const std::string& text);
// `--now`: the given instant, or the system clock's when the flag was not given.
std::optional<core::Instant> NowArg(const std::string& text);

}  // namespace caredesk::app
