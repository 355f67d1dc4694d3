// `caredesk case file` run as a real process on a real SQLite file: the regulator's copy (the
// default) and the customer's as PDFs whose text (pdftotext) gives the entry's date, time, zone
// and who made it, the HTML copy, and bad flags refused naming them.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_runner.h"

namespace {

using caredesk::testing::Caredesk;
using caredesk::testing::Slurp;

class CaseFileCli : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("caredesk-case-file-cli-" + std::to_string(::getpid()));
  std::string db_ = (dir_ / "care.db").string();
  std::string reference_;

  void SetUp() override {
    std::filesystem::create_directories(dir_);
    auto added = Caredesk("contact add --db " + db_ +
                          " --kind complaint --channel email --subject 'Late refund' --body "
                          "'Still waiting for my refund' --customer-email ann@example.org "
                          "--customer-name 'Ann Able' --nature delays --received "
                          "2026-07-06T10:00:00Z");
    ASSERT_EQ(added.status, 0) << added.err;
    reference_ = added.out.substr(0, added.out.find('\n'));
    ASSERT_TRUE(reference_.starts_with("CD-2026-")) << added.out;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The PDF's text with runs of white space as one space.
  std::string PdfWords(const std::filesystem::path& pdf) {
    const auto text = dir_ / "file.txt";
    EXPECT_EQ(std::system(("pdftotext -enc UTF-8 " + pdf.string() + " " + text.string()).c_str()),
              0);
    std::string words;
    for (const char c : Slurp(text)) {
      const bool space = c == ' ' || c == '\n' || c == '\f';
      if (!(space && (words.empty() || words.back() == ' '))) words += space ? ' ' : c;
    }
    return words;
  }
};

TEST_F(CaseFileCli, WritesTheRegulatorsCopyByDefaultAndTheCustomersOnAsking) {
  const auto pdf = dir_ / "regulator.pdf";
  auto written =
      Caredesk("case file --db " + db_ + " --ref " + reference_ + " --out " + pdf.string());
  ASSERT_EQ(written.status, 0) << written.err;
  EXPECT_NE(written.out.find("the case file of " + reference_ + " for a regulator"),
            std::string::npos)
      << written.out;
  EXPECT_EQ(Slurp(pdf).substr(0, 5), "%PDF-");
  const std::string regulator = PdfWords(pdf);
  // Received at 10:00 UTC, 11:00 in London's summer time; put on file from the command line.
  EXPECT_NE(regulator.find("2026-07-06 11:00 BST · CLI (caredesk command line) · Contact received"),
            std::string::npos)
      << regulator;
  for (const char* expected :
       {"Case file", "regulator's copy", "Still waiting for my refund", "Nature delays",
        "ann@example.org", "unbroken hash chain", "Europe/London", "page 1 of"}) {
    EXPECT_NE(regulator.find(expected), std::string::npos) << expected;
  }

  const auto copy = dir_ / "customer.pdf";
  auto customer = Caredesk("case file --db " + db_ + " --ref " + reference_ + " --for customer" +
                           " --out " + copy.string());
  ASSERT_EQ(customer.status, 0) << customer.err;
  const std::string words = PdfWords(copy);
  EXPECT_NE(words.find("customer's copy"), std::string::npos) << words;
  EXPECT_NE(words.find("2026-07-06 11:00 BST"), std::string::npos) << words;
  EXPECT_EQ(words.find("delays"), std::string::npos) << "the nature is for staff only";
  EXPECT_EQ(words.find("hash chain"), std::string::npos);
}

TEST_F(CaseFileCli, WritesAnHtmlPage) {
  const auto html = dir_ / "file.html";
  auto page = Caredesk("case file --db " + db_ + " --ref " + reference_ + " --format html --out " +
                       html.string());
  ASSERT_EQ(page.status, 0) << page.err;
  const std::string text = Slurp(html);
  EXPECT_NE(text.find("<h1>Case file " + reference_ + "</h1>"), std::string::npos) << text;
  EXPECT_NE(text.find("Still waiting for my refund"), std::string::npos);
}

TEST_F(CaseFileCli, RefusesBadFlagsNamingThem) {
  const std::string out = " --out " + (dir_ / "x.pdf").string();
  auto audience =
      Caredesk("case file --db " + db_ + " --ref " + reference_ + " --for everyone" + out);
  EXPECT_EQ(audience.status, 2);
  EXPECT_NE(audience.err.find("--for"), std::string::npos) << audience.err;
  auto format = Caredesk("case file --db " + db_ + " --ref " + reference_ + " --format docx" + out);
  EXPECT_EQ(format.status, 2);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
  auto missing = Caredesk("case file --db " + db_ + " --ref CD-2026-999999" + out);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("--ref: names no case"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.pdf"));
}

}  // namespace
