// GET /api/v1/events against a real server (issue 5, live updates): a staff member's stream
// carries each case created or acted on through the API within a second, only the cases they
// may see (the queue's department rules), customers are refused, and a server with open
// streams still stops at once. The same over PostgreSQL across two processes is in
// event_stream_pg_test.cc.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "core/case_changes.h"
#include "http/case_event_stream.h"
#include "sse_client.h"

namespace caredesk::http {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
using testing::HeaderList;
using testing::SseClient;

HeaderList Bearer(const ApiServer& server, const std::string& who) {
  return {{"Authorization", "Bearer " + server.Token(who)}};
}

// Logs a phone call to `department` as `who`; its reference.
std::string LogCall(ApiServer& server, const std::string& who, const std::string& department,
                    const std::string& subject) {
  testing::HttpClient client(server.port());
  const Json body = {{"kind", "question"},
                     {"channel", "phone"},
                     {"subject", subject},
                     {"department_id", server.DepartmentId(department)}};
  auto reply = client.PostJson("/api/v1/contacts", body.dump(), Bearer(server, who));
  EXPECT_EQ(reply.status, 201) << reply.body;
  return Json::parse(reply.body, nullptr, false).value("reference", "");
}

// The data of the next `case` event, within a second.
Json NextCase(SseClient& stream) {
  auto event = stream.NextEvent(1s);
  if (!event) return nullptr;
  EXPECT_EQ(event->event, "case");
  return Json::parse(event->data, nullptr, false);
}

TEST(EventStream, StaffSeeACaseCreatedAndActedOnWithinASecond) {
  ApiServer server("events-staff");
  SseClient stream(server.port(), "/api/v1/events", Bearer(server, "agent"));
  ASSERT_EQ(stream.status(), 200);
  EXPECT_EQ(stream.Header("content-type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(stream.Header("cache-control"), "no-store");

  const std::string reference = LogCall(server, "agent", "Certificates", "A call");
  const Json created = NextCase(stream);
  ASSERT_TRUE(created.is_object()) << stream.received();
  EXPECT_EQ(created["reference"], reference);
  EXPECT_EQ(created["event"], "received");
  EXPECT_EQ(created["status"], "open");
  EXPECT_EQ(created["department_id"], server.DepartmentId("Certificates"));
  EXPECT_TRUE(created["assignee_id"].is_null());
  EXPECT_TRUE(created.contains("next_due")) << created;

  testing::HttpClient client(server.port());
  auto acknowledged = client.PostJson("/api/v1/cases/" + reference + "/events",
                                      R"({"type": "acknowledged"})", Bearer(server, "agent"));
  ASSERT_EQ(acknowledged.status, 201) << acknowledged.body;
  const Json acted = NextCase(stream);
  ASSERT_TRUE(acted.is_object()) << stream.received();
  EXPECT_EQ(acted["reference"], reference);
  EXPECT_EQ(acted["event"], "acknowledged");
}

TEST(EventStream, AnAgentHearsNothingOfAnotherDepartmentsCase) {
  ApiServer server("events-departments");
  SseClient billing(server.port(), "/api/v1/events", Bearer(server, "agent_billing"));
  SseClient auditor(server.port(), "/api/v1/events", Bearer(server, "auditor"));
  ASSERT_EQ(billing.status(), 200);
  ASSERT_EQ(auditor.status(), 200);
  const std::string certificates = LogCall(server, "agent", "Certificates", "Certificates call");
  const std::string bills = LogCall(server, "agent_billing", "Billing", "Billing call");
  // Events arrive in commit order: the billing agent's first is the second case.
  const Json first = NextCase(billing);
  ASSERT_TRUE(first.is_object()) << billing.received();
  EXPECT_EQ(first["reference"], bills);
  EXPECT_EQ(billing.received().find(certificates), std::string::npos) << billing.received();
  // The auditor reads every case, so hears both.
  EXPECT_EQ(NextCase(auditor)["reference"], certificates);
  EXPECT_EQ(NextCase(auditor)["reference"], bills);
}

TEST(EventStream, CustomersAndStrangersAreRefused) {
  ApiServer server("events-refused");
  testing::HttpClient client(server.port());
  auto portal = client.PostJson("/api/v1/portal/contacts", R"({"kind": "complaint",
      "subject": "Late reply", "body": "No answer yet", "customer": {"name": "Ann Able", "email": "ann@example.com"}})");
  ASSERT_EQ(portal.status, 201) << portal.body;
  server.SetCustomerPassword("ann@example.com", "Ann's long portal password");
  auto signed_in = client.PostJson("/api/v1/portal/sessions",
                                   R"({"email": "ann@example.com",
                                       "password": "Ann's long portal password"})");
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie");

  SseClient customer(server.port(), "/api/v1/events",
                     {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  EXPECT_EQ(customer.status(), 403);
  const Json holder_reply = Json::parse(portal.body);
  SseClient holder(server.port(), "/api/v1/events",
                   {{"X-Tracking-Secret", holder_reply.value("tracking_secret", "")}});
  EXPECT_EQ(holder.status(), 401);
  SseClient stranger(server.port(), "/api/v1/events");
  EXPECT_EQ(stranger.status(), 401);
}

TEST(EventStream, TheServerStopsAtOnceWithStreamsOpen) {
  auto server = std::make_unique<ApiServer>("events-stop");
  SseClient stream(server->port(), "/api/v1/events", Bearer(*server, "manager"));
  ASSERT_EQ(stream.status(), 200);
  const auto before = std::chrono::steady_clock::now();
  server.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 2s);
  EXPECT_TRUE(stream.WaitForClose(1s));
}

// The stream itself, without a server: what a change looks like, and a reader that falls
// behind is dropped instead of buffered without bound.
TEST(CaseEventStream, WritesEachVisibleChangeAsOneEventLine) {
  core::CaseChangeHub hub;
  core::StaffRecord agent{7, "a@example.org", "A", "A", core::Role::kAgent, 2, true};
  CaseEventStream stream(hub, core::Principal::Staff(agent), {});
  core::CaseChange mine{"CD-2026-000001",
                        core::CaseStatus::kOpen,
                        core::Instant{std::chrono::seconds{1780000000}},
                        2,
                        std::nullopt,
                        core::EventType::kReceived};
  core::CaseChange theirs = mine;
  theirs.reference = "CD-2026-000002";
  theirs.department_id = 3;
  hub.Publish(mine);
  hub.Publish(theirs);
  const auto chunk = stream.Take();
  EXPECT_FALSE(chunk.ended);
  EXPECT_EQ(chunk.data,
            "event: case\ndata: {\"assignee_id\":null,\"department_id\":2,\"event\":\"received\","
            "\"next_due\":\"2026-05-28T20:26:40Z\",\"reference\":\"CD-2026-000001\","
            "\"status\":\"open\"}\n\n");
}

TEST(CaseEventStream, AReaderTooFarBehindIsDropped) {
  core::CaseChangeHub hub;
  core::StaffRecord auditor{8, "b@example.org", "B", "B", core::Role::kAuditor, std::nullopt, true};
  CaseEventStream::Options options;
  options.max_pending_bytes = 1000;
  CaseEventStream stream(hub, core::Principal::Staff(auditor), options);
  int wakes = 0;
  stream.Attach([&wakes] { ++wakes; });
  for (int i = 0; i < 20; ++i) {
    hub.Publish({"CD-2026-00000" + std::to_string(i), core::CaseStatus::kOpen, std::nullopt,
                 std::nullopt, std::nullopt, core::EventType::kNote});
  }
  EXPECT_GT(wakes, 0);
  const auto chunk = stream.Take();
  EXPECT_TRUE(chunk.ended);
  EXPECT_TRUE(chunk.data.empty());
  stream.Attach({});
  EXPECT_EQ(hub.SubscriberCount(), 1u);
}

TEST(CaseEventStream, EndsItsSubscriptionWhenDestroyed) {
  core::CaseChangeHub hub;
  {
    CaseEventStream stream(hub, core::Principal::Anonymous(), {});
    EXPECT_EQ(hub.SubscriberCount(), 1u);
  }
  EXPECT_EQ(hub.SubscriberCount(), 0u);
}

}  // namespace
}  // namespace caredesk::http
