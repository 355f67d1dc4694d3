// Recommendations for the annual audit report (issue 7): written by managers in the app during
// the year, each linked to the figures ("complaint-reply: 71 % met") and the cases
// (CD-2026-000123) that support it. Kept as written; the annual report prints the year's.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/instant.h"
#include "core/store_records.h"

namespace caredesk::core {

inline constexpr std::size_t kMaxRecommendationText = 5'000;  // bytes of UTF-8
inline constexpr std::size_t kMaxRecommendationLinks = 50;    // figures, and cases

struct Recommendation {
  Id id = 0;
  int year = 0;  // the report year it belongs to
  std::string text;
  std::vector<std::string> figures;          // the figures it rests on, as the writer names them
  std::vector<std::string> case_references;  // the cases that show it
  Id author_id = 0;                          // a staff member
  std::string author_name;
  Instant written_at{};

  friend bool operator==(const Recommendation&, const Recommendation&) = default;
};

// kInvalid naming the field: the year out of 1970–2200, the text empty, too long or not UTF-8,
// too many links, a figure empty or over 200 bytes, a case reference not like CD-2026-000123.
Result<void> CheckRecommendation(const Recommendation& recommendation);

}  // namespace caredesk::core
