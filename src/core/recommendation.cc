#include "core/recommendation.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace caredesk::core {
namespace {

// CD-YYYY-NNNNNN: "CD-", four digits, "-", six or more digits.
bool LooksLikeReference(std::string_view text) {
  if (text.size() < 14 || text.size() > 20 || text.substr(0, 3) != "CD-" || text[7] != '-') {
    return false;
  }
  for (std::size_t i = 3; i < text.size(); ++i) {
    if (i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

Result<void> CheckRecommendation(const Recommendation& r) {
  if (r.year < 1970 || r.year > 2200) {
    return Fail(ErrorCode::kInvalid, "year must be from 1970 to 2200", "year");
  }
  if (r.text.empty()) return Fail(ErrorCode::kInvalid, "text is required", "text");
  if (r.text.size() > kMaxRecommendationText || !IsValidUtf8(r.text)) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("text must be UTF-8 of at most {} bytes", kMaxRecommendationText),
                "text");
  }
  if (r.figures.size() > kMaxRecommendationLinks) {
    return Fail(ErrorCode::kInvalid, "figures lists too many figures", "figures");
  }
  for (std::size_t i = 0; i < r.figures.size(); ++i) {
    const auto& figure = r.figures[i];
    if (figure.empty() || figure.size() > 200 || !IsValidUtf8(figure)) {
      return Fail(ErrorCode::kInvalid, "each figure is UTF-8 text of 1 to 200 bytes",
                  fmt::format("figures[{}]", i));
    }
  }
  if (r.case_references.size() > kMaxRecommendationLinks) {
    return Fail(ErrorCode::kInvalid, "cases lists too many cases", "cases");
  }
  for (std::size_t i = 0; i < r.case_references.size(); ++i) {
    if (!LooksLikeReference(r.case_references[i])) {
      return Fail(ErrorCode::kInvalid, "each case is a reference like CD-2026-000123",
                  fmt::format("cases[{}]", i));
    }
  }
  return {};
}

}  // namespace caredesk::core
