// The standing satisfaction survey: anyone may tell the organisation on the portal how it did,
// at any time and about nothing in particular (the survey after a case is the case's own
// `survey_answered` event). A rating from 1 (very poor) to 5 (very good) and, if they like, a
// comment; managers read the counts per rating and the latest comments.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/instant.h"
#include "core/store_records.h"

namespace caredesk::core {

inline constexpr int kLowestRating = 1;
inline constexpr int kHighestRating = 5;
inline constexpr std::size_t kMaxSatisfactionComment = 2'000;  // characters

struct SatisfactionResponse {
  Id id = 0;
  int rating = kHighestRating;
  std::string comment;            // may be empty
  std::string language;           // the portal's language when it was given
  std::optional<Id> customer_id;  // a signed-in customer; none: anonymous
  Instant received_at{};

  friend bool operator==(const SatisfactionResponse&, const SatisfactionResponse&) = default;
};

// How many responses gave each rating: counts[0] is rating 1, counts[4] rating 5.
struct SatisfactionCounts {
  std::array<std::int64_t, kHighestRating> counts{};

  std::int64_t Total() const;
  // The mean rating; none without responses.
  std::optional<double> Average() const;
};

// kInvalid, naming the field, for a rating outside 1 to 5 or a comment that is not UTF-8 or
// longer than kMaxSatisfactionComment characters.
Result<void> CheckSatisfaction(const SatisfactionResponse& response);

}  // namespace caredesk::core
