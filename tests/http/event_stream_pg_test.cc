// Live updates across processes (issue 5): two `caredesk serve` processes on one real
// PostgreSQL. A case created through process A reaches a staff member's event stream on
// process B — the write NOTIFYs in its transaction, B LISTENs — and so does an event appended
// through B to a stream on A.
#ifdef CAREDESK_HAVE_POSTGRES_STORE

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "auth/token.h"
#include "http_client.h"
#include "pg_server.h"
#include "serve_process.h"
#include "sse_client.h"

namespace caredesk::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A manager on the database at `url` with an API token; the token.
std::string SeedManager(const std::string& url) {
  app::SystemClock clock;
  auth::SodiumTokenSource random;
  auto store = app::OpenStore(url, clock);
  if (!store) throw std::runtime_error(store.error().message);
  auto staff = (*store)->SaveStaff(
      {0, "mo@example.org", "Mo Manager", "MM", core::Role::kManager, std::nullopt, true});
  if (!staff) throw std::runtime_error(staff.error().message);
  const std::string token = auth::NewToken(random, auth::TokenKind::kApiToken);
  auto saved = (*store)->SaveApiToken(
      {0, staff->id, auth::TokenHash(token), "tests", clock.Now(), std::nullopt, std::nullopt});
  if (!saved) throw std::runtime_error(saved.error().message);
  return token;
}

TEST(EventStreamAcrossProcesses, ACaseCreatedOnOneProcessReachesAStreamOnTheOther) {
  std::string why;
  PgServer* pg = PgServer::Shared(why);
  ASSERT_NE(pg, nullptr) << "cannot start PostgreSQL: " << why;
  const std::string url = pg->CreateDatabase("events_two_processes");
  const fs::path dir =
      fs::temp_directory_path() / ("caredesk-events-pg-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string policy = std::string(CAREDESK_SOURCE_DIR) + "/policies/plato-training.toml";

  ServeProcess a({"--db", url, "--listen", "127.0.0.1:0", "--policy", policy},
                 (dir / "a.err").string());
  const unsigned short port_a = a.WaitForPort();
  ASSERT_NE(port_a, 0) << Slurp(dir / "a.err");
  ServeProcess b({"--db", url, "--listen", "127.0.0.1:0"}, (dir / "b.err").string());
  const unsigned short port_b = b.WaitForPort();
  ASSERT_NE(port_b, 0) << Slurp(dir / "b.err");
  const HeaderList bearer = {{"Authorization", "Bearer " + SeedManager(url)}};

  // Once B's stream has answered, B is LISTENing: what commits from now on reaches it.
  SseClient on_b(port_b, "/api/v1/events", bearer);
  ASSERT_EQ(on_b.status(), 200) << Slurp(dir / "b.err");
  SseClient on_a(port_a, "/api/v1/events", bearer);
  ASSERT_EQ(on_a.status(), 200) << Slurp(dir / "a.err");

  HttpClient client_a(port_a);
  auto created = client_a.PostJson(
      "/api/v1/contacts", R"({"kind": "complaint", "channel": "phone", "subject": "Two rooms"})",
      bearer);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string reference = Json::parse(created.body).value("reference", "");
  auto heard = on_b.NextEvent(1s);
  ASSERT_TRUE(heard) << "process B heard nothing: " << on_b.received();
  EXPECT_EQ(heard->event, "case");
  const Json change = Json::parse(heard->data);
  EXPECT_EQ(change["reference"], reference);
  EXPECT_EQ(change["event"], "received");
  // A's own stream hears its own write the same way.
  auto own = on_a.NextEvent(1s);
  ASSERT_TRUE(own);
  EXPECT_EQ(Json::parse(own->data)["reference"], reference);

  HttpClient client_b(port_b);
  auto noted = client_b.PostJson("/api/v1/cases/" + reference + "/events",
                                 R"({"type": "note", "text": "Called back"})", bearer);
  ASSERT_EQ(noted.status, 201) << noted.body;
  auto on_a_note = on_a.NextEvent(1s);
  ASSERT_TRUE(on_a_note) << "process A heard nothing: " << on_a.received();
  EXPECT_EQ(Json::parse(on_a_note->data)["event"], "note");

  // SIGTERM with streams open: both exit at once.
  const auto before = std::chrono::steady_clock::now();
  a.Signal(SIGTERM);
  b.Signal(SIGTERM);
  EXPECT_EQ(a.Wait(5s), 0) << Slurp(dir / "a.err");
  EXPECT_EQ(b.Wait(5s), 0) << Slurp(dir / "b.err");
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3s);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::testing

#endif  // CAREDESK_HAVE_POSTGRES_STORE
