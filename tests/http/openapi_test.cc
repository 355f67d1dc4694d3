// /api/v1/openapi.json describes exactly the routes the server has: every /api/v1 route is in
// it with its method, and it names no route the server lacks.
#include "http/openapi.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "api_fixture.h"
#include "core/clock.h"

namespace caredesk::http {
namespace {

TEST(OpenApi, DescribesExactlyTheApiRoutes) {
  auto doc = nlohmann::json::parse(OpenApiText());
  std::set<std::pair<std::string, std::string>> described;
  for (const auto& [path, operations] : doc.at("paths").items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(c));
      described.emplace(upper, path);
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  ApiServer server("openapi");
  core::FixedClock clock{core::Instant{}};
  Router router;
  auth::SodiumTokenSource random;
  Api api(server.store(), clock, random);
  api.AddRoutes(router);
  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : router.routes()) {
    if (route->pattern.starts_with("/api/v1")) routed.emplace(route->method, route->pattern);
  }
  EXPECT_EQ(described, routed);
}

TEST(OpenApi, IsServedAsJson) {
  ApiServer server("openapi-served");
  testing::HttpClient client(server.port());
  auto reply = client.Get("/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.Header("content-type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(reply.body).at("openapi"), "3.1.0");
}

}  // namespace
}  // namespace caredesk::http
