// A case created over HTTP survives `kill -9` of the server the instant after its 201: the
// answer is sent only once the write is on disk (group commit, synchronous=FULL).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "http_client.h"
#include "serve_process.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;

TEST(KillAfterCreated, EveryCaseAnswered201IsThereAfterSigkill) {
  const fs::path dir = fs::temp_directory_path() / ("caredesk-kill9-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "caredesk.db").string();
  std::vector<std::string> references;
  {
    ServeProcess serve({"--db", db, "--listen", "127.0.0.1:0"}, (dir / "serve.err").string());
    const unsigned short port = serve.WaitForPort();
    ASSERT_NE(port, 0) << serve.listening_line();
    HttpClient client(port);
    for (int i = 0; i < 20; ++i) {
      auto reply = client.PostJson("/api/v1/portal/contacts",
                                   nlohmann::json{{"kind", "complaint"},
                                                  {"subject", "Lost parcel " + std::to_string(i)},
                                                  {"body", "It never came."},
                                                  {"anonymous", true}}
                                       .dump());
      ASSERT_EQ(reply.status, 201) << reply.body;
      references.push_back(nlohmann::json::parse(reply.body).at("reference"));
    }
    serve.Signal(SIGKILL);  // the instant after the last 201
    EXPECT_EQ(serve.Wait(), -1);
  }
  app::SystemClock clock;
  auto store = app::OpenStore(db, clock);
  ASSERT_TRUE(store) << store.error().message;
  for (const auto& reference : references) {
    auto found = (*store)->FindCase(reference);
    ASSERT_TRUE(found) << reference << ": " << found.error().message;
    EXPECT_EQ((*store)->Events(found->id)->size(), 1u);
  }
  auto verified = (*store)->VerifyChain();
  ASSERT_TRUE(verified);
  EXPECT_EQ(*verified, std::nullopt);
  store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::testing
