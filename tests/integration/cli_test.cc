// The `caredesk` binary run as a real process: its JSON on stdout, its messages on stderr and
// its exit statuses (0 ok, 1 a failed check, 2 bad arguments).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace {

using caredesk::testing::Caredesk;

std::string Policy(const std::string& name) {
  return std::string(CAREDESK_SOURCE_DIR) + "/policies/" + name;
}

TEST(CliDeadlines, WithinGivesTheDueInstantInThePolicyZone) {
  auto run = Caredesk("deadlines --policy " + Policy("default.toml") +
                      " --within '1 working_days' --received 2026-12-24T10:00:00Z");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "{\"due\":\"2026-12-29T17:30:00+00:00\"}\n");
}

TEST(CliDeadlines, SummerDeadlinesCarryTheBritishSummerTimeOffset) {
  auto run = Caredesk("deadlines --within '2 working_hours' --received 2026-06-01T16:00:00+01:00");
  ASSERT_EQ(run.status, 0) << run.err;
  // 1.5 h on Monday until 17:30, then half an hour on Tuesday.
  EXPECT_EQ(nlohmann::json::parse(run.out)["due"], "2026-06-02T09:30:00+01:00");
}

TEST(CliDeadlines, KindAndChannelListEveryApplicableStandard) {
  auto run = Caredesk("deadlines --policy " + Policy("default.toml") +
                      " --kind complaint --channel email --received 2026-11-23T10:00:00Z"
                      " --now 2026-11-23T11:00:00Z");
  ASSERT_EQ(run.status, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["policy"], "Example Organisation Ltd");
  ASSERT_TRUE(json["deadlines"].is_array());
  ASSERT_FALSE(json["deadlines"].empty());
  bool saw_stage2 = false;
  for (const auto& deadline : json["deadlines"]) {
    EXPECT_TRUE(deadline.contains("standard"));
    EXPECT_TRUE(deadline.contains("event"));
    EXPECT_TRUE(deadline.contains("tiers"));
    if (deadline["standard"] == "stage2-ack" || deadline["standard"] == "stage2-reply") {
      saw_stage2 = true;
      EXPECT_TRUE(deadline["due"].is_null()) << "no due instant before escalation";
    } else {
      EXPECT_TRUE(deadline["due"].is_string()) << deadline.dump();
    }
  }
  EXPECT_TRUE(saw_stage2);
}

TEST(CliDeadlines, EscalationStartsTheStageTwoClock) {
  auto run = Caredesk(
      "deadlines --kind complaint --channel post --received 2026-11-02T10:00:00Z"
      " --acknowledged 2026-11-03T10:00:00Z --escalated 2026-11-23T10:00:00Z"
      " --now 2026-11-23T10:00:00Z");
  ASSERT_EQ(run.status, 0) << run.err;
  for (const auto& deadline : nlohmann::json::parse(run.out)["deadlines"]) {
    if (deadline["standard"] == "stage2-ack") {
      EXPECT_EQ(deadline["due"], "2026-11-30T17:30:00+00:00");  // 5 working days
    }
  }
}

TEST(CliDeadlines, BadArgumentsExitTwoNamingTheField) {
  struct Case {
    std::string args;
    std::string mentions;
  };
  const Case cases[] = {
      {"deadlines --within '5 wrking_days' --received 2026-11-23T10:00:00Z", "--within"},
      {"deadlines --within '5 working_days' --received 23/11/2026", "--received"},
      {"deadlines --within '-1 hours' --received 2026-11-23T10:00:00Z", "negative"},
      {"deadlines --kind complain --channel email --received 2026-11-23T10:00:00Z", "--kind"},
      {"deadlines --kind complaint --channel pigeon --received 2026-11-23T10:00:00Z", "--channel"},
      {"deadlines --kind complaint --received 2026-11-23T10:00:00Z", "--channel"},
      {"deadlines --within '1 hours'", "--received"},
      {"deadlines --within '1 hours' --kind complaint --channel email --received "
       "2026-11-23T10:00:00Z",
       "either"},
      {"deadlines --policy /nonexistent.toml --within '1 hours' --received 2026-11-23T10:00:00Z",
       "/nonexistent.toml"},
      {"calendar holidays --year 1066", "--year"},
      {"no-such-command", "subcommand"},
  };
  for (const auto& c : cases) {
    auto run = Caredesk(c.args);
    EXPECT_EQ(run.status, 2) << c.args << "\n" << run.err;
    EXPECT_NE(run.err.find(c.mentions), std::string::npos) << c.args << "\n" << run.err;
    EXPECT_TRUE(run.out.empty()) << c.args;
  }
}

TEST(CliCalendar, HolidaysAreSortedJsonForThePolicysCalendar) {
  auto run = Caredesk("calendar holidays --policy " + Policy("default.toml") + " --year 2027");
  ASSERT_EQ(run.status, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  std::vector<std::string> dates;
  for (const auto& holiday : json) {
    dates.push_back(holiday["date"]);
    EXPECT_FALSE(holiday["name"].get<std::string>().empty());
  }
  const std::vector<std::string> expected = {"2027-01-01", "2027-03-26", "2027-03-29",
                                             "2027-05-03", "2027-05-31", "2027-08-30",
                                             "2027-12-27", "2027-12-28"};
  EXPECT_EQ(dates, expected);
}

class CliPolicyCheck : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("caredesk-policy-" + std::to_string(::getpid()));
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
};

TEST_F(CliPolicyCheck, ShippedPoliciesAreGood) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CAREDESK_SOURCE_DIR) + "/policies")) {
    auto run = Caredesk("policy check " + entry.path().string());
    EXPECT_EQ(run.status, 0) << entry.path() << "\n" << run.err;
    EXPECT_NE(run.out.find("ok"), std::string::npos);
  }
}

TEST_F(CliPolicyCheck, ABadPolicyExitsOneWithEveryProblemAndItsLine) {
  const auto file = Write("bad.toml",
                          "[organisation]\n"
                          "name = \"Bad Ltd\"\n"
                          "time_zone = \"Europe/Lndon\"\n"
                          "[calendar]\n"
                          "hours = { mon-fri = \"09:00-17:30\" }\n"
                          "[[standard]]\n"
                          "id = \"ack\"\n"
                          "applies = { kind = [\"complain\"] }\n"
                          "event = \"acknowledged\"\n"
                          "within = \"5 wrking_days\"\n");
  auto run = Caredesk("policy check " + file);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(file + ":3: unknown time zone \"Europe/Lndon\""), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(file + ":8: unknown kind \"complain\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(file + ":10: \"5 wrking_days\" is not a duration"), std::string::npos)
      << run.err;
}

TEST_F(CliPolicyCheck, AMissingFileIsABadArgument) {
  auto run = Caredesk("policy check " + (dir_ / "missing.toml").string());
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("missing.toml"), std::string::npos);
}

TEST(CliDemo, RunsOnTheBuiltInDefaultPolicy) {
  auto run = Caredesk("demo --now 2026-11-23T10:00:00Z");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Example Organisation Ltd"), std::string::npos);
  EXPECT_NE(run.out.find("2026-12-25"), std::string::npos);  // Christmas among closed dates
  EXPECT_NE(run.out.find("complaint-ack"), std::string::npos);
}

}  // namespace
