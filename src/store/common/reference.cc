#include "store/common/reference.h"

#include <fmt/format.h>

namespace caredesk::store {

std::string FormatReference(int year, std::int64_t number) {
  return fmt::format("CD-{:04}-{:06}", year, number);
}

std::optional<ReferenceParts> ParseReference(std::string_view reference) {
  if (reference.size() < 14 || reference.substr(0, 3) != "CD-" || reference[7] != '-') {
    return std::nullopt;
  }
  ReferenceParts parts;
  for (std::size_t i = 3; i < 7; ++i) {
    if (reference[i] < '0' || reference[i] > '9') return std::nullopt;
    parts.year = parts.year * 10 + (reference[i] - '0');
  }
  if (reference.size() > 8 + 18) return std::nullopt;
  for (std::size_t i = 8; i < reference.size(); ++i) {
    if (reference[i] < '0' || reference[i] > '9') return std::nullopt;
    parts.number = parts.number * 10 + (reference[i] - '0');
  }
  return parts;
}

}  // namespace caredesk::store
