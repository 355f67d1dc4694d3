// A CaseChange as the compact JSON text a PostgreSQL notification carries between processes
// (NOTIFY payloads are limited to 8000 bytes; a change is about 150).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/case_changes.h"

namespace caredesk::store {

// The name of the channel every caredesk process LISTENs on.
inline constexpr std::string_view kCaseChangesChannel = "caredesk_cases";

std::string CaseChangeJson(const core::CaseChange& change);
// The change in `text`, or nothing when it is not one (a stray NOTIFY on the channel).
std::optional<core::CaseChange> ParseCaseChangeJson(std::string_view text);

}  // namespace caredesk::store
