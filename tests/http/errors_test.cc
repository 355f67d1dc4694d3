#include "http/errors.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace caredesk::http {
namespace {

TEST(ErrorMapping, EachCoreCodeHasOneStatus) {
  EXPECT_EQ(HttpStatus(core::ErrorCode::kInvalid), 422);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kOutOfRange), 422);
  EXPECT_EQ(HttpStatus(core::ErrorCode::kUnavailable), 503);
}

TEST(ErrorMapping, CoreErrorBecomesTheJsonErrorBodyNamingTheField) {
  auto response = ErrorResponse(core::Error{core::ErrorCode::kInvalid, "must be a kind", "kind"});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.Header("content-type"), "application/json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body, nlohmann::json::parse(
                      R"({"error":{"code":"invalid","message":"must be a kind","field":"kind"}})"));
}

TEST(ErrorMapping, ErrorWithoutFieldHasNullField) {
  auto body = nlohmann::json::parse(
      ErrorResponse(core::Error{core::ErrorCode::kConflict, "closed", ""}).body);
  EXPECT_EQ(body["error"]["code"], "conflict");
  EXPECT_TRUE(body["error"]["field"].is_null());
}

TEST(ErrorMapping, UnavailableStoreAsksTheClientToRetryLater) {
  auto response = ErrorResponse(core::Error{core::ErrorCode::kUnavailable, "db down", ""});
  EXPECT_EQ(response.status, 503);
  EXPECT_TRUE(response.Header("retry-after"));
}

TEST(ErrorMapping, RefusalsCarryTheirStatusAndHeaders) {
  EXPECT_EQ(Malformed("x").status, 400);
  EXPECT_EQ(Unauthenticated().status, 401);
  EXPECT_TRUE(Unauthenticated().Header("www-authenticate"));
  EXPECT_EQ(Forbidden().status, 403);
  EXPECT_EQ(NotFound().status, 404);
  EXPECT_EQ(TooLarge(10).status, 413);
  EXPECT_EQ(UnsupportedMediaType("application/json").status, 415);
  auto limited = TooManyRequests(std::chrono::seconds(7));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.Header("retry-after"), "7");
}

TEST(ErrorMapping, MessageThatIsNotUtf8StillSerialises) {
  auto response = ErrorResponse(400, "malformed", "bad \xff byte");
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

}  // namespace
}  // namespace caredesk::http
