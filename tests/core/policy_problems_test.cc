// Policy files as data: every malformed policy in tests/policies/bad is refused with the problem
// its header names (`# expect-line: N`, `# expect-reason: SUBSTRING`), and every policy shipped
// in policies/ parses without a problem. The test reads the files; the core never does.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/policy.h"

namespace caredesk::core {
namespace {

namespace fs = std::filesystem;

const fs::path kBadDir = fs::path(CAREDESK_SOURCE_DIR) / "tests" / "policies" / "bad";
const fs::path kShippedDir = fs::path(CAREDESK_SOURCE_DIR) / "policies";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The .toml files of a directory, sorted so test names and order are stable.
std::vector<fs::path> TomlFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "unknown-kind.toml" -> "unknown_kind": GoogleTest names allow only letters, digits and '_'.
std::string TestName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

// What a bad file's two header lines promise.
struct Expectation {
  int line = 0;
  std::string reason;
};

bool ReadExpectation(const std::string& text, Expectation& out) {
  std::istringstream in(text);
  std::string first;
  std::string second;
  if (!std::getline(in, first) || !std::getline(in, second)) return false;
  const std::string line_prefix = "# expect-line: ";
  const std::string reason_prefix = "# expect-reason: ";
  if (first.rfind(line_prefix, 0) != 0 || second.rfind(reason_prefix, 0) != 0) return false;
  out.line = std::stoi(first.substr(line_prefix.size()));
  out.reason = second.substr(reason_prefix.size());
  return out.line > 0 && !out.reason.empty();
}

std::string Describe(const std::vector<PolicyProblem>& problems) {
  std::string all;
  for (const auto& problem : problems) {
    all += "  " + std::to_string(problem.line) + ": " + problem.reason + "\n";
  }
  return all;
}

class PolicyBadFile : public testing::TestWithParam<fs::path> {};

TEST_P(PolicyBadFile, IsRefusedWithTheExpectedLineAndReason) {
  const std::string text = ReadFile(GetParam());
  Expectation expected;
  ASSERT_TRUE(ReadExpectation(text, expected))
      << GetParam() << " must begin with '# expect-line: N' and '# expect-reason: SUBSTRING'";

  const PolicyResult result = ParsePolicy(text);
  ASSERT_FALSE(result.has_value()) << GetParam() << " parsed, but should have been refused";
  const std::vector<PolicyProblem>& problems = result.error();
  // One problem per file, so the expected line is unambiguous.
  EXPECT_EQ(problems.size(), 1u) << Describe(problems);
  const bool found = std::any_of(problems.begin(), problems.end(), [&](const auto& problem) {
    return problem.line == expected.line &&
           problem.reason.find(expected.reason) != std::string::npos;
  });
  EXPECT_TRUE(found) << "expected line " << expected.line << " with a reason containing \""
                     << expected.reason << "\"; got\n"
                     << Describe(problems);
}

INSTANTIATE_TEST_SUITE_P(PolicyFiles, PolicyBadFile, testing::ValuesIn(TomlFiles(kBadDir)),
                         TestName);

TEST(PolicyBadFiles, CoverAtLeastTwelveProblems) { EXPECT_GE(TomlFiles(kBadDir).size(), 12u); }

class PolicyShippedFile : public testing::TestWithParam<fs::path> {};

TEST_P(PolicyShippedFile, ParsesWithoutProblems) {
  const PolicyResult result = ParsePolicy(ReadFile(GetParam()));
  ASSERT_TRUE(result.has_value()) << GetParam() << ":\n" << Describe(result.error());
  const Policy& policy = *result;
  EXPECT_FALSE(policy.name.empty());
  EXPECT_NE(policy.calendar, nullptr);
  EXPECT_FALSE(policy.standards.empty());
  EXPECT_FALSE(policy.published.standards.empty());
  EXPECT_FALSE(policy.published.how_to_complain.empty());
  EXPECT_FALSE(policy.published.escalation.empty());
  for (const auto& standard : policy.standards) {
    EXPECT_FALSE(standard.name.empty()) << standard.id << " has no published wording";
    EXPECT_GT(standard.line, 0) << standard.id;
  }
}

INSTANTIATE_TEST_SUITE_P(PolicyFiles, PolicyShippedFile, testing::ValuesIn(TomlFiles(kShippedDir)),
                         TestName);

TEST(PolicyPublishedText, TheDefaultPolicyPublishesEveryTextInSpanishToo) {
  const PolicyResult result = ParsePolicy(ReadFile(kShippedDir / "default.toml"));
  ASSERT_TRUE(result.has_value()) << Describe(result.error());
  const PublishedText& spanish = result->PublishedIn("es");
  EXPECT_NE(spanish.standards.find("Nuestros compromisos"), std::string::npos);
  EXPECT_NE(spanish.how_to_complain.find("Cómo presentar una queja"), std::string::npos);
  EXPECT_NE(spanish.escalation.find("Si no está satisfecho"), std::string::npos);
  EXPECT_EQ(&result->PublishedIn("en"), &result->published);
  EXPECT_EQ(&result->PublishedIn("fr"), &result->published);  // no translation: the original
}

TEST(PolicyShippedFiles, IncludeTheDefaultAndOnePerSeed) {
  for (const char* name :
       {"default.toml", "learning-machine.toml", "plato-training.toml", "point-progress.toml",
        "cooperative-assistance-network.toml", "template-company.toml"}) {
    EXPECT_TRUE(fs::is_regular_file(kShippedDir / name)) << name;
  }
}

// The policy `text` parses to; a test failure naming `what` (and an empty policy) when it does
// not parse.
Policy Parsed(std::string_view text, std::string_view what) {
  auto result = ParsePolicy(text);
  if (!result) {
    ADD_FAILURE() << what << ":\n" << Describe(result.error());
    return Policy{};
  }
  return *result;
}

Policy ParseShipped(const char* name) { return Parsed(ReadFile(kShippedDir / name), name); }

TEST(PolicyShippedFiles, LearningMachineEmailPromiseIsTwoTiers) {
  const Policy policy = ParseShipped("learning-machine.toml");
  const Standard* email = policy.FindStandard("email-enquiry");
  ASSERT_NE(email, nullptr);
  ASSERT_EQ(email->tiers.size(), 2u);
  EXPECT_EQ(email->tiers[0].within, (Duration{1, Unit::kHours}));
  EXPECT_DOUBLE_EQ(email->tiers[0].share, 0.60);
  EXPECT_EQ(email->tiers[1].within, (Duration{24, Unit::kHours}));
  EXPECT_DOUBLE_EQ(email->tiers[1].share, 1.0);
  // "within 5 days" and "within 15 days" are calendar days, not working days.
  ASSERT_NE(policy.FindStandard("complaint-ack"), nullptr);
  EXPECT_EQ(policy.FindStandard("complaint-ack")->within(), (Duration{5, Unit::kDays}));
  ASSERT_NE(policy.FindStandard("complaint-reply"), nullptr);
  EXPECT_EQ(policy.FindStandard("complaint-reply")->within(), (Duration{15, Unit::kDays}));
}

TEST(PolicyShippedFiles, PlatoUpdateLetterIsAHoldingReply) {
  const Policy policy = ParseShipped("plato-training.toml");
  const Standard* update = policy.FindStandard("update-when-late");
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(update->event, Milestone::kHoldingSent);
  ASSERT_TRUE(update->unless.has_value());
  EXPECT_EQ(*update->unless, Milestone::kReplied);
  ASSERT_TRUE(policy.review_date.has_value());
  EXPECT_EQ(*policy.review_date, LocalDate{date::year{2020} / date::January / 31});
}

TEST(PolicyShippedFiles, DefaultHasStageTwoStandardsCountedFromEscalation) {
  const Policy policy = ParseShipped("default.toml");
  for (const char* id : {"stage2-ack", "stage2-reply"}) {
    const Standard* standard = policy.FindStandard(id);
    ASSERT_NE(standard, nullptr) << id;
    EXPECT_EQ(standard->from, Milestone::kEscalated) << id;
  }
  ASSERT_NE(policy.calendar, nullptr);
  EXPECT_EQ(policy.calendar->spec().deemed_receipt, DeemedReceipt::kNextWorkingDay);
  EXPECT_EQ(policy.languages, (std::vector<std::string>{"en", "es"}));
}

constexpr std::string_view kSmallPolicy = R"(# A small policy.
[organisation]
name = "Version Test Ltd"
time_zone = "Europe/London"

[calendar]
hours = { mon-fri = "09:00-17:30" }
holidays = ["england-and-wales"]

[[standard]]
id = "complaint-ack"
applies = { kind = ["complaint"] }
event = "acknowledged"
within = "5 working_days"
)";

TEST(PolicyVersion, IsStableForTheSameText) {
  const Policy first = Parsed(kSmallPolicy, "the small policy");
  const Policy second = Parsed(std::string(kSmallPolicy), "a copy of the small policy");
  EXPECT_EQ(first.version, second.version);
  EXPECT_EQ(first.version.size(), 16u);
  EXPECT_TRUE(std::all_of(first.version.begin(), first.version.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  })) << first.version;
}

TEST(PolicyVersion, ChangesWhenOneByteChanges) {
  std::string changed(kSmallPolicy);
  changed[2] = 'a';  // "# A small policy." -> "# a small policy.": a comment, same meaning
  const Policy original = Parsed(kSmallPolicy, "the small policy");
  const Policy edited = Parsed(changed, "the edited policy");
  EXPECT_NE(original.version, edited.version);
}

TEST(PolicyProblems, SeveralProblemsAreAllReportedSortedByLine) {
  // The calendar comes before the organisation and the standard after both, so the order in
  // which a parser meets the problems differs from their order in the file.
  constexpr std::string_view kText = R"([calendar]
hours = { mon-fri = "17:30-09:00" }
holidays = ["england"]

[organisation]
name = "Many Problems Ltd"
time_zone = "Mars/Olympus_Mons"

[[standard]]
id = "complaint-ack"
applies = { kind = ["complain"] }
event = "acknowledged"
within = "5 wrking_days"
)";
  auto result = ParsePolicy(kText);
  ASSERT_FALSE(result.has_value());
  std::vector<int> lines;
  for (const auto& problem : result.error()) lines.push_back(problem.line);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 7, 11, 13})) << Describe(result.error());
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
}

TEST(PolicyProblems, AnEmptyTextIsRefused) {
  auto result = ParsePolicy("");
  ASSERT_FALSE(result.has_value());
  EXPECT_FALSE(result.error().empty());
}

}  // namespace
}  // namespace caredesk::core
