// Case references as customers see them: CD-2026-000123 — the year the contact was received
// and a number that increases within the year. At least six digits; more after 999,999.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caredesk::store {

std::string FormatReference(int year, std::int64_t number);

struct ReferenceParts {
  int year = 0;
  std::int64_t number = 0;
};
std::optional<ReferenceParts> ParseReference(std::string_view reference);

}  // namespace caredesk::store
