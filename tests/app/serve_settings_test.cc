#include "app/serve_settings.h"

#include <gtest/gtest.h>

namespace caredesk::app {
namespace {

EnvLookup Env(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ServeSettings, FlagBeatsEnvironmentBeatsConfigFileBeatsDefault) {
  const std::string config =
      "db = \"file.db\"\nlisten = \"127.0.0.1:1111\"\npolicy = \"file.toml\"\n"
      "queue_capacity = 7\n";
  auto settings = ResolveServeSettings(
      {{"db", "flag.db"}}, Env({{"CAREDESK_DB", "env.db"}, {"CAREDESK_LISTEN", "0.0.0.0:2222"}}),
      config, "caredesk.toml");
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings->db, "flag.db");    // flag over environment and file
  EXPECT_EQ(settings->host, "0.0.0.0");  // environment over file
  EXPECT_EQ(settings->port, 2222);
  EXPECT_EQ(settings->policy, "file.toml");  // file when nothing else says
  EXPECT_EQ(settings->queue_capacity, 7u);
  EXPECT_EQ(settings->header_timeout, std::chrono::seconds(10));  // default
}

TEST(ServeSettings, ListenTakesIpv6InBrackets) {
  auto settings = ResolveServeSettings({{"listen", "[::1]:0"}}, Env({}), "", "");
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->host, "::1");
  EXPECT_EQ(settings->port, 0);
}

TEST(ServeSettings, BadNumberNamesTheSettingAndWhereItCameFrom) {
  auto settings = ResolveServeSettings({}, Env({{"CAREDESK_HEADER_TIMEOUT", "soon"}}), "", "");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().field, "header_timeout");
  EXPECT_NE(settings.error().message.find("CAREDESK_HEADER_TIMEOUT"), std::string::npos);
}

TEST(ServeSettings, UnknownConfigKeyIsRefusedWithItsLine) {
  auto settings = ResolveServeSettings({}, Env({}), "db = \"x\"\nlisten_on = \"y\"\n", "c.toml");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message, "c.toml:2: unknown setting 'listen_on'");
}

TEST(ServeSettings, MalformedConfigFileIsRefusedWithItsLine) {
  auto settings = ResolveServeSettings({}, Env({}), "db = \n", "c.toml");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message.rfind("c.toml:1:", 0), 0u) << settings.error().message;
}

TEST(ServeSettings, PortOutOfRangeIsRefused) {
  EXPECT_FALSE(ResolveServeSettings({{"listen", "127.0.0.1:70000"}}, Env({}), "", ""));
  EXPECT_FALSE(ResolveServeSettings({{"listen", "127.0.0.1:"}}, Env({}), "", ""));
}

}  // namespace
}  // namespace caredesk::app
