// Instants and their text form. Every instant caredesk stores is UTC seconds; text is
// RFC 3339. Output always carries the numeric offset of the policy's zone, never `Z`.
#pragma once

#include <date/tz.h>

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.h"

namespace caredesk::core {

using Instant = std::chrono::sys_seconds;
using LocalDate = date::sys_days;  // a calendar date in the policy's zone (no time of day)

// Parses RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; fractions of a second are dropped.
Result<Instant> ParseInstant(std::string_view text);

// Parses `YYYY-MM-DD`.
Result<LocalDate> ParseDate(std::string_view text);

// `2026-12-29T17:30:00+00:00`: the instant as local time in `zone` with its numeric offset.
std::string FormatInstant(Instant instant, const date::time_zone& zone);

// `2026-12-29T17:30:00Z`, for logs and UTC-only contexts.
std::string FormatUtc(Instant instant);

std::string FormatDate(LocalDate day);

}  // namespace caredesk::core
