#include "core/instant.h"

#include <date/tz.h>
#include <gtest/gtest.h>

namespace caredesk::core {
namespace {

TEST(Instant, FormatsInTheZoneWithItsOffsetAndInUtc) {
  const Instant winter = *ParseInstant("2026-01-15T09:05:07Z");
  const Instant summer = *ParseInstant("2026-07-01T23:30:00Z");
  EXPECT_EQ(FormatInstant(winter, *date::locate_zone("Europe/London")),
            "2026-01-15T09:05:07+00:00");
  EXPECT_EQ(FormatInstant(summer, *date::locate_zone("Europe/London")),
            "2026-07-02T00:30:00+01:00");
  EXPECT_EQ(FormatInstant(winter, *date::locate_zone("America/New_York")),
            "2026-01-15T04:05:07-05:00");
  EXPECT_EQ(FormatInstant(winter, *date::locate_zone("Asia/Kolkata")), "2026-01-15T14:35:07+05:30");
  EXPECT_EQ(FormatUtc(summer), "2026-07-01T23:30:00Z");
  EXPECT_EQ(ParseInstant(FormatInstant(summer, *date::locate_zone("America/New_York"))), summer);
}

}  // namespace
}  // namespace caredesk::core
