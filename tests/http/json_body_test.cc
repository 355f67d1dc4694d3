#include "http/json_body.h"

#include <gtest/gtest.h>

namespace caredesk::http {
namespace {

Request JsonRequest(std::string body, std::string content_type = "application/json") {
  Request request;
  request.method = "POST";
  if (!content_type.empty()) request.headers.emplace_back("content-type", content_type);
  request.body = std::move(body);
  return request;
}

std::string MessageOf(const Response& response) {
  return nlohmann::json::parse(response.body)["error"]["message"];
}

TEST(JsonBody, ParsesAnObject) {
  auto body = ParseJsonBody(JsonRequest(R"({"kind":"complaint","n":[1,2]})"));
  ASSERT_TRUE(body);
  EXPECT_EQ((*body)["kind"], "complaint");
}

TEST(JsonBody, AcceptsUtf8CharsetParameterInAnyCase) {
  EXPECT_TRUE(ParseJsonBody(JsonRequest("{}", "Application/JSON; charset=UTF-8")));
}

TEST(JsonBody, OtherOrMissingContentTypeIs415) {
  EXPECT_EQ(ParseJsonBody(JsonRequest("{}", "text/plain")).error().status, 415);
  EXPECT_EQ(ParseJsonBody(JsonRequest("{}", "")).error().status, 415);
  EXPECT_EQ(ParseJsonBody(JsonRequest("{}", "application/json; charset=latin1")).error().status,
            415);
  EXPECT_EQ(ParseJsonBody(JsonRequest("{}", "application/jsonx")).error().status, 415);
}

TEST(JsonBody, MalformedJsonIs400NamingLineAndColumn) {
  auto body = ParseJsonBody(JsonRequest("{\n  \"a\": tru\n}"));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().status, 400);
  EXPECT_EQ(MessageOf(body.error()), "malformed JSON at line 2, column 11");
}

TEST(JsonBody, EmptyBodyIs400) {
  auto body = ParseJsonBody(JsonRequest(""));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().status, 400);
}

TEST(JsonBody, InvalidUtf8Is400EvenInsideAString) {
  auto body = ParseJsonBody(JsonRequest("{\"subject\":\"caf\xc3\"}"));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().status, 400);
  EXPECT_EQ(MessageOf(body.error()), "the request body is not valid UTF-8");
}

TEST(JsonBody, NestingDeeperThanTheLimitIs400) {
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseJsonText(ok));
  const std::string deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  auto body = ParseJsonText(deep);
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().status, 400);
  // A million levels are refused just as fast, without recursion.
  EXPECT_FALSE(ParseJsonText(std::string(1'000'000, '[')));
}

TEST(JsonBody, BracketsInsideStringsDoNotCountAsNesting) {
  const std::string text = R"({"note":")" + std::string(200, '[') + R"(\"{"})";
  EXPECT_TRUE(ParseJsonText(text));
}

TEST(JsonBody, HugeNumbersNeverCrash) {
  auto overflow = ParseJsonText(R"({"amount": 1e400})");
  ASSERT_FALSE(overflow);
  EXPECT_EQ(overflow.error().status, 400);
  // An integer too long for 64 bits is read as a (lossy) floating number: the handler's type
  // checks judge it; one past the double range is refused like 1e400.
  EXPECT_TRUE(ParseJsonText(R"({"amount": )" + std::string(30, '9') + "}"));
  EXPECT_FALSE(ParseJsonText(R"({"amount": )" + std::string(400, '9') + "}"));
}

TEST(JsonBody, TrailingGarbageIs400) {
  EXPECT_FALSE(ParseJsonText("{} {}"));
  EXPECT_FALSE(ParseJsonText("{\"a\":1,}"));
}

}  // namespace
}  // namespace caredesk::http
