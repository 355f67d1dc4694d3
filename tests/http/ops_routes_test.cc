// The operational handlers called directly, as a handler test needs no server.
#include "http/ops_routes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/store_url.h"
#include "store/common/migrations.h"

namespace caredesk::http {
namespace {

class OpsRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("caredesk-ops-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto store = app::OpenStore(path_.string(), clock_);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::filesystem::path path_;
  core::FixedClock clock_{*core::ParseInstant("2026-11-23T12:00:00Z")};
  std::unique_ptr<core::Store> store_;
};

TEST_F(OpsRoutesTest, ReadyWhenTheSchemaIsTheNewestThisBuildKnows) {
  const int newest = store::LatestVersion(store::SqliteMigrations());
  auto response = ReadinessPage(*store_, newest);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(nlohmann::json::parse(response.body)["status"], "ready");
}

TEST_F(OpsRoutesTest, NotReadyWhenTheSchemaLagsNamingBothVersions) {
  const int newest = store::LatestVersion(store::SqliteMigrations());
  auto response = ReadinessPage(*store_, newest + 1);
  EXPECT_EQ(response.status, 503);
  const std::string reason = nlohmann::json::parse(response.body)["reason"];
  EXPECT_NE(reason.find(std::to_string(newest + 1)), std::string::npos) << reason;
}

TEST_F(OpsRoutesTest, RoutesAreRegisteredWithTheirPatterns) {
  Metrics metrics;
  CachedCaseCounts counts(*store_, clock_);
  Router router;
  AddOpsRoutes(router, {*store_, clock_, metrics, counts, 1});
  for (const char* path : {"/healthz", "/readyz", "/metrics"}) {
    auto match = router.Match("GET", path);
    ASSERT_TRUE(match.route) << path;
    EXPECT_EQ(match.pattern, path);
  }
  EXPECT_TRUE(router.Match("GET", "/healthz").route->options.on_io_thread);
  EXPECT_FALSE(router.Match("GET", "/readyz").route->options.on_io_thread);
}

}  // namespace
}  // namespace caredesk::http
