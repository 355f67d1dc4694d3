// Every role × every endpoint (issue 4): tests/cases/access/role-matrix.json says, for each
// route of the API, which class of answer each kind of caller gets — allowed, 401, 403 or 404 —
// and this test asks a real server as each of them. It fails when the router has a route with no
// row, so a new endpoint cannot be added without deciding who may call it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "api_story.h"
#include "sse_client.h"

namespace caredesk::http {
namespace {

namespace fs = std::filesystem;

// The principals the runner knows how to be; the matrix's columns must be exactly these.
const std::set<std::string> kPrincipals = {"anonymous",   "customer", "holder",  "agent",
                                           "other_agent", "manager",  "auditor", "admin"};
// The fixture's API token each staff principal uses.
const std::map<std::string, std::string> kStaffTokens = {{"agent", "agent"},
                                                         {"other_agent", "agent_billing"},
                                                         {"manager", "manager"},
                                                         {"auditor", "auditor"},
                                                         {"admin", "admin"}};
const std::set<std::string> kAnswerClasses = {"2xx", "401", "403", "404"};

json LoadMatrix() {
  std::ifstream in(fs::path(CAREDESK_SOURCE_DIR) / "tests/cases/access/role-matrix.json");
  return json::parse(in);
}

std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string MethodOf(const std::string& route) { return route.substr(0, route.find(' ')); }

std::string AnswerClass(int status) {
  return status >= 200 && status < 300 ? "2xx" : std::to_string(status);
}

std::string RowName(const json& row) {
  const std::string why = row.value("why", "");
  return row.at("route").get<std::string>() + (why.empty() ? "" : " (" + why + ")");
}

// Every "METHOD /pattern" the router has.
std::set<std::string> RoutedRoutes(const Router& router) {
  std::set<std::string> routes;
  for (const auto& route : router.routes()) routes.insert(route->method + " " + route->pattern);
  return routes;
}

TEST(RoleMatrix, EveryRouteHasARowAndEveryRowARoute) {
  const json matrix = LoadMatrix();
  ApiServer server("matrix-routes");
  const std::set<std::string> routed = RoutedRoutes(server.router());
  std::set<std::string> covered;
  for (const auto& row : matrix.at("rows")) covered.insert(row.at("route").get<std::string>());
  for (const auto& route : routed) {
    EXPECT_TRUE(covered.contains(route))
        << route << " has no row in tests/cases/access/role-matrix.json: say who may call it";
  }
  for (const auto& route : covered) {
    EXPECT_TRUE(routed.contains(route)) << route << " is in the matrix but not in the router";
  }
}

TEST(RoleMatrix, EveryRowSaysWhatEachPrincipalGets) {
  const json matrix = LoadMatrix();
  const auto columns = Words(matrix.at("columns"));
  EXPECT_EQ(std::set<std::string>(columns.begin(), columns.end()), kPrincipals);
  EXPECT_EQ(columns.size(), kPrincipals.size()) << "a principal named twice";
  for (const auto& name : columns) EXPECT_TRUE(matrix.at("principals").contains(name)) << name;
  for (const auto& row : matrix.at("rows")) {
    const std::string route = row.at("route");
    const auto expect = Words(row.at("expect"));
    ASSERT_EQ(expect.size(), columns.size()) << RowName(row);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& who = columns[i];
      EXPECT_TRUE(kAnswerClasses.contains(expect[i])) << RowName(row) << ": " << expect[i];
      // A write that is not public is refused to the auditor, who changes nothing.
      if (who == "auditor" && MethodOf(route) != "GET" && !row.value("public", false)) {
        EXPECT_NE(expect[i], "2xx") << RowName(row) << ": the auditor may not write";
      }
      // A customer is never told that a case they may not see exists.
      if ((who == "customer" || who == "holder") && route.find("{reference}") != route.npos) {
        EXPECT_NE(expect[i], "403") << RowName(row) << ": " << who << " must get 404, not 403";
      }
    }
    if (row.contains("hidden")) {
      for (const auto& [who, texts] : row["hidden"].items()) {
        EXPECT_TRUE(kPrincipals.contains(who)) << RowName(row) << ": hidden from " << who;
      }
    }
  }
}

// The request headers of each principal; the customer signs in to the portal when they have no
// session (at the start, and again after a row signs them out).
class Principals {
 public:
  Principals(ApiServer& server, testing::HttpClient& client, const json& matrix, const Vars& vars)
      : server_(server),
        client_(client),
        customer_(matrix.at("customer")),
        holder_secret_(Substitute(matrix.at("holder_secret"), vars).get<std::string>()) {}

  testing::HeaderList HeadersOf(const std::string& who) {
    if (who == "customer") return CustomerSession();
    if (who == "holder") return {{"X-Tracking-Secret", holder_secret_}};
    if (auto token = kStaffTokens.find(who); token != kStaffTokens.end()) {
      return {{"Authorization", "Bearer " + server_.Token(token->second)}};
    }
    return {};
  }

  // The customer's session has ended (a sign-out row): the next request signs in again.
  void ForgetCustomerSession() { customer_session_.clear(); }

 private:
  testing::HeaderList CustomerSession() {
    if (customer_session_.empty()) {
      const json sign_in = {
          {"method", "POST"}, {"path", "/api/v1/portal/sessions"}, {"body", customer_}};
      auto reply = SendStep(client_, sign_in, {});
      EXPECT_EQ(reply.status, 201) << "the customer cannot sign in: " << reply.body;
      const std::string cookie = reply.Header("set-cookie");
      customer_session_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                           {"X-CSRF-Token", json::parse(reply.body).value("csrf_token", "")}};
    }
    return customer_session_;
  }

  ApiServer& server_;
  testing::HttpClient& client_;
  json customer_;
  std::string holder_secret_;
  testing::HeaderList customer_session_;
};

// The principal's headers, less any the row sets itself (the row's own value wins).
testing::HeaderList Merge(testing::HeaderList who, const json& row_headers) {
  std::erase_if(who, [&](const auto& header) {
    for (const auto& [name, value] : row_headers.items()) {
      if (ToLower(name) == ToLower(header.first)) return true;
    }
    return false;
  });
  for (const auto& [name, value] : row_headers.items()) {
    who.emplace_back(name, value.get<std::string>());
  }
  return who;
}

TEST(RoleMatrix, EveryPrincipalGetsTheAnswerExpected) {
  const json matrix = LoadMatrix();
  ApiServer server("matrix");
  testing::HttpClient client(server.port());
  Vars vars = FixtureVars(server);
  int number = 0;
  for (const auto& step : matrix.at("setup")) {
    RunStep(server, client, step, vars,
            fmt::format("setup step {} ({})", ++number, step.value("step", "")));
    ASSERT_FALSE(HasFatalFailure());
  }
  server.SetCustomerPassword(matrix.at("customer").at("email"),
                             matrix.at("customer").at("password").get<std::string>());
  Principals principals(server, client, matrix, vars);
  const auto columns = Words(matrix.at("columns"));
  for (const auto& raw : matrix.at("rows")) {
    const json row = Substitute(raw, vars);
    const std::string route = row.at("route");
    json request = {{"method", MethodOf(route)},
                    {"path", row.value("path", route.substr(route.find(' ') + 1))}};
    if (row.contains("body")) request["body"] = row["body"];
    if (row.contains("raw_body")) request["raw_body"] = row["raw_body"];
    const json row_headers = row.value("headers", json::object());
    const auto expect = Words(row.at("expect"));
    ASSERT_EQ(expect.size(), columns.size()) << RowName(row);
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string& who = columns[i];
      const std::string label = fmt::format("{} as {}", RowName(row), who);
      if (row.value("stream", false)) {  // it never ends by itself: only its status counts
        testing::SseClient stream(server.port(), request["path"],
                                  Merge(principals.HeadersOf(who), row_headers));
        EXPECT_EQ(AnswerClass(stream.status()), expect[i]) << label;
        continue;
      }
      auto reply = SendStep(client, request, Merge(principals.HeadersOf(who), row_headers));
      EXPECT_EQ(AnswerClass(reply.status), expect[i]) << label << "\n" << reply.body;
      if (row.contains("hidden") && row["hidden"].contains(who)) {
        ExpectHidden(reply.body, row["hidden"][who], label);
      }
    }
    if (route == "DELETE /api/v1/sessions/current") principals.ForgetCustomerSession();
  }
}

}  // namespace
}  // namespace caredesk::http
