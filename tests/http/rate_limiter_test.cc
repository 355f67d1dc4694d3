#include "http/rate_limiter.h"

#include <gtest/gtest.h>

#include "http/router.h"

namespace caredesk::http {
namespace {

using std::chrono::seconds;

core::Instant At(int s) { return core::Instant(seconds(1'800'000'000 + s)); }

TEST(RateLimiter, AdmitsTheLimitThenAsksToRetryAfterOneTokensWorth) {
  core::FixedClock clock(At(0));
  RateLimiter limiter(clock, {10, seconds(60)});
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.Admit("192.0.2.1")) << i;
  auto retry = limiter.Admit("192.0.2.1");
  ASSERT_TRUE(retry);
  EXPECT_EQ(*retry, seconds(6));  // one token every 6 s
}

TEST(RateLimiter, TokensComeBackWithTime) {
  core::FixedClock clock(At(0));
  RateLimiter limiter(clock, {10, seconds(60)});
  for (int i = 0; i < 10; ++i) (void)limiter.Admit("192.0.2.1");
  clock.Advance(seconds(5));
  EXPECT_TRUE(limiter.Admit("192.0.2.1"));  // 5/6 of a token back
  clock.Advance(seconds(1));
  EXPECT_FALSE(limiter.Admit("192.0.2.1"));  // a whole one
  clock.Advance(seconds(3600));              // a full bucket never holds more than the limit
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(limiter.Admit("192.0.2.1")) << i;
  EXPECT_TRUE(limiter.Admit("192.0.2.1"));
}

TEST(RateLimiter, AddressesHaveTheirOwnBuckets) {
  core::FixedClock clock(At(0));
  RateLimiter limiter(clock, {1, seconds(60)});
  EXPECT_FALSE(limiter.Admit("192.0.2.1"));
  EXPECT_TRUE(limiter.Admit("192.0.2.1"));
  EXPECT_FALSE(limiter.Admit("192.0.2.2"));
}

TEST(RateLimiter, DefaultsLetABusyOfficeThrough) {
  core::FixedClock clock(At(0));
  RateLimiter portal(clock, kPortalSubmissionLimit);
  // One submission a second from one office address, for ten minutes.
  for (int i = 0; i < 600; ++i) {
    EXPECT_FALSE(portal.Admit("198.51.100.7")) << i;
    clock.Advance(seconds(1));
  }
}

TEST(RateLimiter, LimitedRouteAnswers429WithRetryAfter) {
  core::FixedClock clock(At(0));
  Router router;
  router.Add(
      "POST", "/api/v1/sign-in",
      [](const Request&, const RouteParams&) { return TextResponse(200, "ok"); },
      RouteOptions().WithRateLimit(
          std::make_shared<RateLimiter>(clock, RateLimit{2, seconds(60)})));
  Request request;
  request.method = "POST";
  request.path = "/api/v1/sign-in";
  request.remote_address = "192.0.2.9";
  EXPECT_EQ(router.Dispatch(request).status, 200);
  EXPECT_EQ(router.Dispatch(request).status, 200);
  auto refused = router.Dispatch(request);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.Header("retry-after"), "30");
}

}  // namespace
}  // namespace caredesk::http
