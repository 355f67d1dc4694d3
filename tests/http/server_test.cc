// The server against real sockets: routing and keep-alive, the operational endpoints, and the
// edge limits. Each bad input is followed by a check that the server still serves.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "http_client.h"
#include "server_fixture.h"

namespace caredesk::http {
namespace {

using namespace std::chrono_literals;
using testing::HttpClient;

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(ServerTest, HealthzAnswersOkOverOneKeptAliveConnection) {
  HttpClient client(port());
  for (int i = 0; i < 3; ++i) {
    auto reply = client.Get("/healthz");
    EXPECT_EQ(reply.status, 200);
    EXPECT_EQ(reply.body, R"({"status":"ok"})");
    EXPECT_EQ(reply.Header("content-type"), "application/json");
    EXPECT_FALSE(reply.Header("x-request-id").empty());
  }
  EXPECT_EQ(client.connections_opened(), 1);
}

TEST_F(ServerTest, ReadyzReportsTheStoreReadyAtTheCurrentSchema) {
  HttpClient client(port());
  auto reply = client.Get("/readyz");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["status"], "ready");
  EXPECT_EQ(body["schema_version"], store::LatestVersion(store::SqliteMigrations()));
}

TEST_F(ServerTest, RootIsTheEmbeddedWebUiWithItsSecurityHeaders) {
  HttpClient client(port());
  auto reply = client.Get("/");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(reply.body.find("<div id=\"app\">"), std::string::npos) << reply.body;
  EXPECT_NE(reply.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(reply.Header("cache-control"), "no-cache");
  EXPECT_EQ(reply.Header("x-frame-options"), "DENY");
}

TEST_F(ServerTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  HttpClient client(port());
  auto missing = client.Get("/nowhere");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "not_found");
  auto wrong = client.Send("DELETE", "/healthz");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET");
  EXPECT_EQ(client.Get("/healthz").status, 200);  // same connection still in step
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePatternAndStatus) {
  HttpClient client(port());
  ASSERT_EQ(client.Get("/healthz").status, 200);
  ASSERT_EQ(client.Get("/nowhere/at/all").status, 404);
  auto reply = client.Get("/metrics");
  ASSERT_EQ(reply.status, 200);
  const std::string& text = reply.body;
  EXPECT_NE(
      text.find(R"(caredesk_http_requests_total{method="GET",route="/healthz",status="200"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(route="unmatched",status="404")"), std::string::npos);
  EXPECT_EQ(text.find("/nowhere/at/all"), std::string::npos);  // never the raw path
  EXPECT_NE(text.find("caredesk_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(text.find("caredesk_worker_queue_length 0"), std::string::npos);
  EXPECT_NE(text.find("caredesk_open_cases 0"), std::string::npos);
  EXPECT_NE(text.find("caredesk_deadlines_due_today 0"), std::string::npos);
  EXPECT_NE(text.find("caredesk_deadlines_breached 0"), std::string::npos);
}

TEST_F(ServerTest, AccessLogHasOneJsonLinePerRequestAndNoSecrets) {
  {
    HttpClient client(port());
    auto reply = client.Get(
        "/healthz?token=query-sekrit&lang=es",
        {{"Authorization", "Bearer bearer-sekrit"}, {"Cookie", "caredesk_session=cookie-sekrit"}});
    ASSERT_EQ(reply.status, 200);
  }
  server_->Stop();  // flushes the log
  const std::string log = Slurp(dir_ / "access.log");
  EXPECT_EQ(log.find("bearer-sekrit"), std::string::npos) << log;
  EXPECT_EQ(log.find("cookie-sekrit"), std::string::npos) << log;
  EXPECT_EQ(log.find("query-sekrit"), std::string::npos) << log;
  auto line = nlohmann::json::parse(log.substr(0, log.find('\n')));
  EXPECT_EQ(line["route"], "/healthz");
  EXPECT_EQ(line["path"], "/healthz?token=REDACTED&lang=es");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_TRUE(line.contains("duration_ms"));
  EXPECT_TRUE(line.contains("request_id"));
}

TEST_F(ServerTest, JsonRouteAcceptsAnObject) {
  HttpClient client(port());
  auto reply = client.PostJson("/test/json", R"({"a":1,"b":2})");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"keys":2})");
}

TEST_F(ServerTest, MalformedJsonIs400NamingThePosition) {
  HttpClient client(port());
  auto reply = client.PostJson("/test/json", R"({"a": })");
  EXPECT_EQ(reply.status, 400);
  auto error = nlohmann::json::parse(reply.body)["error"];
  EXPECT_EQ(error["code"], "malformed");
  EXPECT_EQ(error["message"], "malformed JSON at line 1, column 7");
  ExpectStillServing();
}

TEST_F(ServerTest, InvalidUtf8DeepNestingAndHugeNumbersAre400) {
  HttpClient client(port());
  EXPECT_EQ(client.PostJson("/test/json", "{\"a\":\"\xff\xfe\"}").status, 400);
  EXPECT_EQ(client.PostJson("/test/json", std::string(100000, '[')).status, 400);
  EXPECT_EQ(client.PostJson("/test/json", R"({"amount":1e999999})").status, 400);
  ExpectStillServing();
}

TEST_F(ServerTest, JsonRouteRefusesAnotherContentTypeWith415) {
  HttpClient client(port());
  auto reply = client.Send("POST", "/test/json", {{"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["field"], "content-type");
}

TEST_F(ServerTest, GigabyteContentLengthIs413AtOnceWithoutReadingTheBody) {
  HttpClient client(port());
  client.WriteRaw(
      "POST /test/json HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 1073741824\r\n\r\n{");
  auto reply = client.ReadReply(2s);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["code"], "too_large");
  EXPECT_FALSE(reply.keep_alive);
  ExpectStillServing();
}

TEST_F(ServerTest, ExpectContinueTooLargeGets413InsteadOf100) {
  HttpClient client(port());
  client.WriteRaw(
      "POST /test/json HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 1073741824\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.ReadReply(2s).status, 413);
  ExpectStillServing();
}

TEST_F(ServerTest, ExpectContinueWithinTheLimitGets100ThenTheAnswer) {
  HttpClient client(port());
  client.WriteRaw(
      "POST /test/json HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 7\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.ReadReply(2s).status, 100);
  client.WriteRaw(R"({"a":1})");
  auto reply = client.ReadReply(2s);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"keys":1})");
}

TEST_F(ServerTest, RouteBodyLimitAppliesToDeclaredAndChunkedBodies) {
  HttpClient client(port());
  EXPECT_EQ(client.Send("POST", "/test/upload", {}, std::string(kTestUploadLimit, 'x')).status,
            200);
  EXPECT_EQ(client.Send("POST", "/test/upload", {}, std::string(kTestUploadLimit + 1, 'x')).status,
            413);
  HttpClient chunked(port());
  std::string request =
      "POST /test/upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(16 * 1024, 'y');
  for (int i = 0; i < 5; ++i) request += "4000\r\n" + chunk + "\r\n";
  request += "0\r\n\r\n";
  chunked.WriteRaw(request);
  EXPECT_EQ(chunked.ReadReply(2s).status, 413);
  ExpectStillServing();
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  HttpClient client(port());
  testing::HeaderList padding;
  for (int i = 0; i < 64; ++i)
    padding.emplace_back("X-Padding-" + std::to_string(i), std::string(1000, 'a'));
  auto reply = client.Get("/healthz", padding);
  EXPECT_EQ(reply.status, 431);
  ExpectStillServing();
}

TEST_F(ServerTest, MalformedRequestLineIs400AndClosed) {
  HttpClient client(port());
  client.WriteRaw("GARBAGE\r\n\r\n");
  auto reply = client.ReadReply(2s);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(nlohmann::json::parse(reply.body)["error"]["code"], "malformed");
  EXPECT_TRUE(client.WaitForClose(2s));
  HttpClient bad_target(port());
  bad_target.WriteRaw("GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(bad_target.ReadReply(2s).status, 400);
  ExpectStillServing();
}

TEST_F(ServerTest, SlowHeadersAreCutOffAfterTheHeaderTimeout) {
  HttpClient client(port());
  const auto start = std::chrono::steady_clock::now();
  client.WriteRaw("GET /healthz HTTP/1.1\r\nHost: t\r\n");  // and never the blank line
  std::string received;
  EXPECT_TRUE(client.WaitForClose(5s, &received));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);
  EXPECT_TRUE(received.empty()) << received;
  ExpectStillServing();
}

TEST_F(ServerTest, HeadersTrickledByteByByteAreCutOffAtTheSameDeadline) {
  HttpClient client(port());
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n";
  const auto start = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  // A slowloris client: a byte every 100 ms keeps each read busy but never finishes in time.
  while (sent < request.size() && std::chrono::steady_clock::now() - start < 5s) {
    client.WriteRaw(request.substr(sent++, 1));
    if (client.WaitForClose(100ms)) break;
  }
  EXPECT_LT(sent, request.size());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  ExpectStillServing();
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  HttpClient client(port());
  ASSERT_EQ(client.Get("/healthz").status, 200);
  EXPECT_TRUE(client.WaitForClose(5s));
}

TEST_F(ServerTest, FullWorkerQueueAnswers503WithRetryAfterAndHealthzStillAnswers) {
  HttpClient first(port());
  HttpClient second(port());
  first.WriteRaw("GET /test/gate HTTP/1.1\r\nHost: t\r\n\r\n");
  gate_.WaitForInside(1);  // the one worker is held
  second.WriteRaw("GET /test/gate HTTP/1.1\r\nHost: t\r\n\r\n");
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (server_->QueueLength() < 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  ASSERT_EQ(server_->QueueLength(), 1u);
  HttpClient third(port());
  auto refused = third.Get("/readyz");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.Header("retry-after"), "1");
  EXPECT_EQ(third.Get("/healthz").status, 200);  // answered on the I/O thread
  gate_.Open();
  EXPECT_EQ(first.ReadReply(5s).status, 200);
  EXPECT_EQ(second.ReadReply(5s).status, 200);
}

TEST_F(ServerTest, AWriteIsServedWhileEveryReadWorkerIsHeld) {
  // GET and HEAD run on the read pool, every other method on the write pool: reads that take
  // long never hold up writes (nor writes waiting for their commit the reads).
  HttpClient reader(port());
  reader.WriteRaw("GET /test/gate HTTP/1.1\r\nHost: t\r\n\r\n");
  gate_.WaitForInside(1);  // the one read worker is held
  HttpClient writer(port());
  EXPECT_EQ(writer.PostJson("/test/json", R"({"a":1})").status, 200);
  gate_.Open();
  EXPECT_EQ(reader.ReadReply(5s).status, 200);
}

}  // namespace
}  // namespace caredesk::http
