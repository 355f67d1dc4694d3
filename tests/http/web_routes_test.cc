// The embedded web UI: every built file is served at its path, gzip only to a browser that takes
// it, hashed assets cached for good and the page itself revalidated.
#include "http/web_routes.h"

#include <gtest/gtest.h>

#include <fstream>

namespace caredesk::http {
namespace {

Response Get(const Router& router, const std::string& path, const std::string& encoding = "") {
  Request request;
  request.method = "GET";
  request.target = request.path = path;
  if (!encoding.empty()) request.headers.emplace_back("accept-encoding", encoding);
  return router.Dispatch(request);
}

class WebRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override { AddWebRoutes(router_); }
  Router router_;
};

TEST_F(WebRoutesTest, TheBuildHasAPageAScriptAndAStyleSheet) {
  int scripts = 0, styles = 0, pages = 0;
  for (const auto& asset : WebAssets()) {
    scripts += asset.path.ends_with(".js");
    styles += asset.path.ends_with(".css");
    pages += asset.path == "/index.html";
    EXPECT_FALSE(asset.bytes.empty()) << asset.path;
  }
  EXPECT_EQ(pages, 1);
  EXPECT_GE(scripts, 1);
  EXPECT_GE(styles, 1);
}

TEST_F(WebRoutesTest, EveryAssetIsServedAtItsPathWithItsType) {
  for (const auto& asset : WebAssets()) {
    auto response = Get(router_, std::string(asset.path));
    ASSERT_EQ(response.status, 200) << asset.path;
    EXPECT_EQ(response.body, asset.bytes) << asset.path;
    EXPECT_EQ(response.Header("content-type"), asset.content_type);
    EXPECT_FALSE(response.Header("content-encoding")) << asset.path;
  }
}

TEST_F(WebRoutesTest, GzipGoesOnlyToABrowserThatAcceptsIt) {
  const WebAsset* script = nullptr;
  for (const auto& asset : WebAssets()) {
    if (asset.path.ends_with(".js") && !asset.gzip.empty()) script = &asset;
  }
  ASSERT_TRUE(script);
  auto zipped = Get(router_, std::string(script->path), "gzip, deflate, br");
  EXPECT_EQ(zipped.Header("content-encoding"), "gzip");
  EXPECT_EQ(zipped.body, script->gzip);
  EXPECT_LT(zipped.body.size(), script->bytes.size());
  EXPECT_EQ(zipped.Header("vary"), "Accept-Encoding");
  auto refused = Get(router_, std::string(script->path), "gzip;q=0, br");
  EXPECT_FALSE(refused.Header("content-encoding"));
  EXPECT_EQ(refused.body, script->bytes);
}

TEST_F(WebRoutesTest, HashedAssetsAreCachedForAYearAndThePageIsRevalidated) {
  for (const auto& asset : WebAssets()) {
    if (!asset.path.starts_with("/assets/")) continue;
    EXPECT_EQ(Get(router_, std::string(asset.path)).Header("cache-control"),
              "public, max-age=31536000, immutable");
  }
  auto page = Get(router_, "/");
  EXPECT_EQ(page.Header("cache-control"), "no-cache");
  EXPECT_EQ(page.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(Get(router_, "/index.html").body, page.body);
}

TEST_F(WebRoutesTest, AnUnknownAssetIs404) {
  EXPECT_EQ(Get(router_, "/assets/nothing-here.js").status, 404);
}

TEST(WebAssetFilesTest, ABuildDirectoryIsServedInPlaceOfTheEmbeddedOne) {
  const auto dir = std::filesystem::temp_directory_path() / "caredesk-web-dir-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<div id=app>dev</div>";
  std::ofstream(dir / "assets" / "main-1.js") << "console.log(1)";
  EXPECT_FALSE(ReadWebAssets(dir / "assets"));  // no index.html there
  auto files = ReadWebAssets(dir);
  ASSERT_TRUE(files);
  Router router;
  AddWebRoutes(router, files->assets);
  EXPECT_EQ(Get(router, "/").body, "<div id=app>dev</div>");
  auto script = Get(router, "/assets/main-1.js", "gzip");
  EXPECT_EQ(script.body, "console.log(1)");
  EXPECT_EQ(script.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_FALSE(script.Header("content-encoding"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace caredesk::http
