#include "http/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/errors.h"

namespace caredesk::http {
namespace {

Response Echo(const Request&, const RouteParams& params) {
  return TextResponse(200, std::string(params.Get("reference")));
}

Request Make(std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  EXPECT_TRUE(ParseTarget(request.target, request.path, request.query));
  request.remote_address = "192.0.2.1";
  return request;
}

TEST(Router, ParameterSegmentIsDecodedAndPassedToTheHandler) {
  Router router;
  router.Add("GET", "/api/v1/cases/{reference}", Echo);
  auto response = router.Dispatch(Make("GET", "/api/v1/cases/CD-2026-%30001?x=1"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "CD-2026-0001");
}

TEST(Router, LiteralSegmentWinsOverParameterWhateverTheOrderAdded) {
  Router router;
  router.Add("GET", "/api/v1/cases/{reference}", Echo);
  router.Add("GET", "/api/v1/cases/export",
             [](const Request&, const RouteParams&) { return TextResponse(200, "export"); });
  EXPECT_EQ(router.Dispatch(Make("GET", "/api/v1/cases/export")).body, "export");
  EXPECT_EQ(router.Match("GET", "/api/v1/cases/export").pattern, "/api/v1/cases/export");
  EXPECT_EQ(router.Match("GET", "/api/v1/cases/CD-1").pattern, "/api/v1/cases/{reference}");
}

TEST(Router, UnknownPathIs404WithTheJsonErrorBody) {
  Router router;
  router.Add("GET", "/healthz", Echo);
  auto response = router.Dispatch(Make("GET", "/nope"));
  EXPECT_EQ(response.status, 404);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(router.Match("GET", "/nope").pattern, "unmatched");
}

TEST(Router, KnownPathWithAnotherMethodIs405NamingTheAllowedOnes) {
  Router router;
  router.Add("GET", "/api/v1/cases/{reference}", Echo);
  router.Add("PATCH", "/api/v1/cases/{reference}", Echo);
  auto match = router.Match("DELETE", "/api/v1/cases/CD-1");
  ASSERT_TRUE(match.refusal);
  EXPECT_EQ(match.refusal->status, 405);
  EXPECT_EQ(match.refusal->Header("allow"), "GET, PATCH");
  EXPECT_EQ(match.pattern, "/api/v1/cases/{reference}");
}

TEST(Router, EmptyParameterAndTrailingSlashDoNotMatch) {
  Router router;
  router.Add("GET", "/api/v1/cases/{reference}", Echo);
  EXPECT_EQ(router.Dispatch(Make("GET", "/api/v1/cases/")).status, 404);
  EXPECT_EQ(router.Dispatch(Make("GET", "/api/v1/cases/CD-1/")).status, 404);
}

TEST(Router, BadOrDuplicatePatternsAreStartUpErrors) {
  Router router;
  EXPECT_THROW(router.Add("GET", "healthz", Echo), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/a/{}", Echo), std::invalid_argument);
  router.Add("GET", "/a/{x}", Echo);
  EXPECT_THROW(router.Add("GET", "/a/{y}", Echo), std::invalid_argument);
}

TEST(Router, HandlerThatThrowsAnswers500AndKeepsTheRouterUsable) {
  Router router;
  router.Add("GET", "/boom", [](const Request&, const RouteParams&) -> Response {
    throw std::runtime_error("bug");
  });
  router.Add("GET", "/ok", Echo);
  EXPECT_EQ(router.Dispatch(Make("GET", "/boom")).status, 500);
  EXPECT_EQ(router.Dispatch(Make("GET", "/ok")).status, 200);
}

TEST(ParseTarget, DecodesQueryParametersAndPlusAsSpace) {
  std::string path;
  std::multimap<std::string, std::string> query;
  ASSERT_TRUE(
      ParseTarget("/api/v1/cases?q=late+refund&status=open&status=paused&flag", path, query));
  EXPECT_EQ(path, "/api/v1/cases");
  EXPECT_EQ(query.find("q")->second, "late refund");
  EXPECT_EQ(query.count("status"), 2u);
  EXPECT_EQ(query.find("flag")->second, "");
}

TEST(ParseTarget, RefusesBadPercentEncodingAndNonPathTargets) {
  std::string path;
  std::multimap<std::string, std::string> query;
  EXPECT_FALSE(ParseTarget("/a%2", path, query));
  EXPECT_FALSE(ParseTarget("/a%zz", path, query));
  EXPECT_FALSE(ParseTarget("/a?x=%", path, query));
  EXPECT_FALSE(ParseTarget("http://example.org/", path, query));
  EXPECT_FALSE(ParseTarget("*", path, query));
}

TEST(RequestHeaders, LookUpIgnoresCase) {
  Request request;
  request.headers = {{"content-type", "application/json"}};
  EXPECT_EQ(request.Header("Content-Type"), "application/json");
  EXPECT_FALSE(request.Header("accept"));
}

}  // namespace
}  // namespace caredesk::http
