// JSON views of deadlines, shared by the CLI and the API: instants are RFC 3339 in the
// policy's zone with its numeric offset, or null while a trigger has not happened.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "core/policy.h"
#include "http/json_writer.h"

namespace caredesk::http {

nlohmann::ordered_json InstantJson(const std::optional<core::Instant>& instant,
                                   const core::BusinessCalendar& calendar);
// `key` and the instant (or null), written.
JsonWriter& WriteInstant(JsonWriter& out, std::string_view key,
                         const std::optional<core::Instant>& instant,
                         const core::BusinessCalendar& calendar);
// A deadline as staff see it: standard, event, due, status, start, fulfilled_at, extended, tiers.
JsonWriter& WriteDeadline(JsonWriter& out, const core::Deadline& deadline,
                          const core::BusinessCalendar& calendar);
nlohmann::ordered_json DeadlineJson(const core::Deadline& deadline,
                                    const core::BusinessCalendar& calendar);

}  // namespace caredesk::http
