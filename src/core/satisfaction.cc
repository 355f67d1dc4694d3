#include "core/satisfaction.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace caredesk::core {
namespace {

// Code points in valid UTF-8: every byte that does not continue a sequence starts one.
std::size_t Characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::int64_t SatisfactionCounts::Total() const {
  std::int64_t total = 0;
  for (const auto count : counts) total += count;
  return total;
}

std::optional<double> SatisfactionCounts::Average() const {
  const std::int64_t total = Total();
  if (total == 0) return std::nullopt;
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    sum += counts[i] * static_cast<std::int64_t>(i + 1);
  }
  return static_cast<double>(sum) / static_cast<double>(total);
}

Result<void> CheckSatisfaction(const SatisfactionResponse& response) {
  if (response.rating < kLowestRating || response.rating > kHighestRating) {
    return Fail(
        ErrorCode::kInvalid,
        fmt::format("rating must be a whole number from {} to {}", kLowestRating, kHighestRating),
        "rating");
  }
  if (!IsValidUtf8(response.comment)) {
    return Fail(ErrorCode::kInvalid, "comment is not valid UTF-8", "comment");
  }
  if (Characters(response.comment) > kMaxSatisfactionComment) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("comment is longer than {} characters", kMaxSatisfactionComment),
                "comment");
  }
  return {};
}

}  // namespace caredesk::core
