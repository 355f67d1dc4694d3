// GET /api/v1/portal/standards: what the organisation publishes, from the active policy, open to
// everyone, in Spanish when the policy has it, and never a script whatever the policy's text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "core/policy.h"

namespace caredesk::http {
namespace {

using testing::HttpClient;

nlohmann::json GetPublished(unsigned short port, const std::string& query = "") {
  HttpClient client(port);
  auto reply = client.Get("/api/v1/portal/standards" + query);
  EXPECT_EQ(reply.status, 200) << reply.body;
  return nlohmann::json::parse(reply.body);
}

TEST(PublishedRoutesTest, AnyoneReadsTheStandardsOfTheActivePolicy) {
  ApiServer server("published-en");
  auto published = GetPublished(server.port());
  EXPECT_EQ(published["organisation"], "Example Organisation Ltd");
  EXPECT_EQ(published["time_zone"], "Europe/London");
  EXPECT_EQ(published["language"], "en");
  EXPECT_EQ(published["languages"], nlohmann::json::array({"en", "es"}));
  const std::string standards = published["standards_html"];
  EXPECT_NE(standards.find("<h2>Our customer care standards</h2>"), std::string::npos);
  EXPECT_NE(standards.find("<strong>acknowledge every complaint"), std::string::npos);
  EXPECT_NE(published["how_to_complain_html"].get<std::string>().find("How to complain"),
            std::string::npos);
  EXPECT_NE(published["escalation_html"].get<std::string>().find("Stage 2"), std::string::npos);
  bool found = false;
  for (const auto& standard : published["standards"]) found |= standard["id"] == "complaint-ack";
  EXPECT_TRUE(found) << published["standards"];
}

TEST(PublishedRoutesTest, SpanishWhenThePolicyHasItAndTheFirstLanguageOtherwise) {
  ApiServer server("published-es");
  auto spanish = GetPublished(server.port(), "?lang=es");
  EXPECT_EQ(spanish["language"], "es");
  EXPECT_NE(spanish["standards_html"].get<std::string>().find("Nuestros compromisos"),
            std::string::npos);
  EXPECT_NE(spanish["escalation_html"].get<std::string>().find("Si no está satisfecho"),
            std::string::npos);
  for (const char* other : {"?lang=fr", "?lang=", "?lang=%3Cscript%3E"}) {
    EXPECT_EQ(GetPublished(server.port(), other)["language"], "en") << other;
  }
}

TEST(PublishedRoutesTest, ThePolicysTextCannotCarryAScript) {
  ApiServer server("published-script");
  const std::string text = R"(
[organisation]
name = "Hostile Text Ltd"
time_zone = "Europe/Madrid"
languages = ["es"]

[calendar]
hours = { mon-fri = "09:00-17:00" }

[published]
standards = """
<script>alert(1)</script>
[click me](javascript:alert(2)) and <img src=x onerror=alert(3)>
"""

[[standard]]
id = "ack"
name = "Acusamos recibo en 5 días laborables"
applies = { kind = ["complaint"] }
event = "acknowledged"
within = "5 working_days"
)";
  auto policy = core::ParsePolicy(text);
  ASSERT_TRUE(policy);
  ASSERT_TRUE(server.store().InstallPolicy(policy->version, text, core::Instant{}));
  auto published = GetPublished(server.port());
  EXPECT_EQ(published["organisation"], "Hostile Text Ltd");
  EXPECT_EQ(published["time_zone"], "Europe/Madrid");
  EXPECT_EQ(published["language"], "es");
  const std::string html = published["standards_html"];
  for (const char* bad : {"<script", "javascript:", "onerror", "<img"}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad << " in " << html;
  }
  EXPECT_NE(html.find("click me"), std::string::npos) << html;
}

}  // namespace
}  // namespace caredesk::http
