// `caredesk report` and `caredesk report annual` run as real processes on a real SQLite file: the
// year's figures as text and JSON, the annual audit report as a PDF whose text (pdftotext) names
// every standard of the policy with its figures, and as HTML; bad flags are refused naming them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"

namespace {

using caredesk::testing::Caredesk;
using caredesk::testing::Slurp;

class ReportCli : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("caredesk-report-cli-" + std::to_string(::getpid()));
  std::string db_ = (dir_ / "care.db").string();
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    for (const char* received : {"2026-01-05T10:00:00Z", "2026-02-02T10:00:00Z"}) {
      auto added = Caredesk("contact add --db " + db_ +
                            " --kind complaint --channel email --subject 'Late refund' --body "
                            "'Still waiting' --customer-email ann@example.org --received " +
                            received);
      ASSERT_EQ(added.status, 0) << added.err;
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
};

TEST_F(ReportCli, PrintsTheYearsFiguresAsTextAndJson) {
  auto text = Caredesk("report --db " + db_ + " --year 2026");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("Contacts: 2 (2 complaints, 0 compliments)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("We acknowledge complaints within 5 working days"), std::string::npos);
  EXPECT_NE(text.out.find("0.0% met of 2 settled"), std::string::npos) << text.out;
  auto json = Caredesk("report --db " + db_ + " --year 2026 --kind complaint --format json");
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_NE(json.out.find("\"contacts\": 2"), std::string::npos);
  EXPECT_NE(json.out.find("\"month\": \"2026-02\""), std::string::npos);
}

TEST_F(ReportCli, WritesTheAnnualReportAsPdfAndHtml) {
  const auto pdf = dir_ / "annual.pdf";
  auto written = Caredesk("report annual --db " + db_ + " --year 2026 --out " + pdf.string());
  ASSERT_EQ(written.status, 0) << written.err;
  ASSERT_TRUE(std::filesystem::exists(pdf));
  EXPECT_EQ(Slurp(pdf).substr(0, 5), "%PDF-");
  const auto text = dir_ / "annual.txt";
  ASSERT_EQ(std::system(("pdftotext -layout " + pdf.string() + " " + text.string()).c_str()), 0);
  const std::string words = Slurp(text);
  for (const char* standard :
       {"We acknowledge complaints within 5 working days",
        "We reply fully to complaints within 10 working days",
        "We decide on requests for reasonable adjustments within 3 working days"}) {
    EXPECT_NE(words.find(standard), std::string::npos) << standard;
  }
  const auto html = dir_ / "annual.html";
  auto page =
      Caredesk("report annual --db " + db_ + " --year 2026 --format html --out " + html.string());
  ASSERT_EQ(page.status, 0) << page.err;
  EXPECT_NE(Slurp(html).find("<caption"), std::string::npos);
}

TEST_F(ReportCli, RefusesBadFlagsNamingThem) {
  auto year = Caredesk("report --db " + db_ + " --year twenty");
  EXPECT_EQ(year.status, 2);
  EXPECT_NE(year.err.find("--year"), std::string::npos) << year.err;
  auto both = Caredesk("report --db " + db_ + " --year 2026 --from 2026-01-01");
  EXPECT_EQ(both.status, 2);
  auto kind = Caredesk("report --db " + db_ + " --kind moan");
  EXPECT_EQ(kind.status, 2);
  EXPECT_NE(kind.err.find("--kind"), std::string::npos) << kind.err;
  auto format = Caredesk("report annual --db " + db_ + " --out x.pdf --format docx");
  EXPECT_EQ(format.status, 2);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
}

}  // namespace
