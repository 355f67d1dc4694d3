// `caredesk report --format csv|xlsx` and `caredesk report register` run as real processes on a
// real SQLite file: one table as CSV (to a file and to standard output), every table as a
// workbook read back with unzip, the complaints register as CSV and XLSX (format from --format or
// from the file's extension), and bad flags refused naming them.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

namespace {

using caredesk::testing::Caredesk;
using caredesk::testing::Slurp;

class ReportExportCli : public ::testing::Test {
 protected:
  std::filesystem::path dir_ = std::filesystem::temp_directory_path() /
                               ("caredesk-export-cli-" + std::to_string(::getpid()));
  std::string db_ = (dir_ / "care.db").string();
  void SetUp() override {
    std::filesystem::create_directories(dir_);
    struct Contact {
      const char* kind;
      const char* received;
      const char* nature;
    };
    for (const Contact& c : {Contact{"complaint", "2026-01-05T10:00:00Z", "+delays, again"},
                             Contact{"question", "2026-01-06T10:00:00Z", ""},
                             Contact{"complaint", "2026-02-02T10:00:00Z", "fees and charges"}}) {
      auto added = Caredesk("contact add --db " + db_ + " --kind " + c.kind +
                            " --channel email --subject 'Late refund' --body 'Still waiting'"
                            " --customer-email ann@example.org --customer-name 'Ann Example'"
                            " --nature '" +
                            c.nature + "' --received " + c.received);
      ASSERT_EQ(added.status, 0) << added.err;
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Part `part` of the workbook at `path`, inflated by unzip.
  static std::string Unzipped(const std::filesystem::path& path, const std::string& part) {
    std::string out;
    FILE* pipe = popen(("unzip -p '" + path.string() + "' '" + part + "'").c_str(), "r");
    if (pipe == nullptr) return out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0) << path << " " << part;
    return out;
  }
};

TEST_F(ReportExportCli, WritesOneTableAsCsv) {
  const auto file = dir_ / "by_kind.csv";
  auto written = Caredesk("report --db " + db_ +
                          " --year 2026 --format csv --table by_kind --out " + file.string());
  ASSERT_EQ(written.status, 0) << written.err;
  EXPECT_EQ(Slurp(file), "Kind,Contacts,Share\r\nComplaint,2,0.6667\r\nQuestion,1,0.3333\r\n");
  auto printed = Caredesk("report --db " + db_ + " --year 2026 --format csv --table by_nature");
  ASSERT_EQ(printed.status, 0) << printed.err;
  // A nature typed with a leading "+" would be a formula in a spreadsheet: defused.
  EXPECT_NE(printed.out.find("\"'+delays, again\",1,0.5000\r\n"), std::string::npos) << printed.out;
}

TEST_F(ReportExportCli, WritesEveryTableAsAWorkbook) {
  const auto file = dir_ / "report.xlsx";
  auto written =
      Caredesk("report --db " + db_ + " --year 2026 --format xlsx --out " + file.string());
  ASSERT_EQ(written.status, 0) << written.err;
  const std::string workbook = Unzipped(file, "xl/workbook.xml");
  for (const char* name :
       {"summary", "by_kind", "standards", "response_times", "trends", "standards_by_month"}) {
    EXPECT_NE(workbook.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
}

TEST_F(ReportExportCli, WritesTheRegisterAsCsvAndXlsx) {
  const auto csv = dir_ / "register.csv";
  auto written = Caredesk("report register --db " + db_ + " --year 2026 --out " + csv.string());
  ASSERT_EQ(written.status, 0) << written.err;
  EXPECT_NE(written.out.find("2 complaints"), std::string::npos) << written.out;
  const std::string text = Slurp(csv);
  EXPECT_EQ(text.rfind("Reference,Received,Nature,", 0), 0u) << text;
  const auto first = text.find("CD-2026-000001,2026-01-05,\"'+delays, again\",,,Email,Stage 1,");
  const auto third = text.find("CD-2026-000003,2026-02-02,fees and charges,");
  EXPECT_NE(first, std::string::npos) << text;
  EXPECT_NE(third, std::string::npos) << text;
  EXPECT_LT(first, third) << "in receipt order";
  EXPECT_EQ(text.find("CD-2026-000002"), std::string::npos) << "a question is not a complaint";
  EXPECT_EQ(text.find("ann@example.org"), std::string::npos);
  EXPECT_EQ(text.find("Ann Example"), std::string::npos);

  const auto xlsx = dir_ / "register.data";
  auto workbook =
      Caredesk("report register --db " + db_ +
               " --from 2026-02-01 --until 2026-03-01 --format xlsx --out " + xlsx.string());
  ASSERT_EQ(workbook.status, 0) << workbook.err;
  const std::string sheet = Unzipped(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<t>CD-2026-000003</t>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("CD-2026-000001"), std::string::npos) << "January is outside the period";
}

TEST_F(ReportExportCli, RefusesBadExportFlagsNamingThem) {
  auto no_table = Caredesk("report --db " + db_ + " --format csv");
  EXPECT_EQ(no_table.status, 2);
  EXPECT_NE(no_table.err.find("--table"), std::string::npos) << no_table.err;
  auto unknown = Caredesk("report --db " + db_ + " --format csv --table colours");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("--table"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("standards"), std::string::npos) << "names the tables";
  auto no_out = Caredesk("report --db " + db_ + " --format xlsx");
  EXPECT_EQ(no_out.status, 2);
  EXPECT_NE(no_out.err.find("--out"), std::string::npos) << no_out.err;
  auto text_table = Caredesk("report --db " + db_ + " --table standards");
  EXPECT_EQ(text_table.status, 2);
  EXPECT_NE(text_table.err.find("--table"), std::string::npos) << text_table.err;
  auto guess = Caredesk("report register --db " + db_ + " --out " + (dir_ / "r.txt").string());
  EXPECT_EQ(guess.status, 2);
  EXPECT_NE(guess.err.find("--format"), std::string::npos) << guess.err;
  auto nowhere = Caredesk("report register --db " + db_ + " --out /no/such/dir/r.csv");
  EXPECT_EQ(nowhere.status, 2);
  EXPECT_NE(nowhere.err.find("--out"), std::string::npos) << nowhere.err;
  auto year = Caredesk("report register --db " + db_ + " --year soon --out r.csv");
  EXPECT_EQ(year.status, 2);
  EXPECT_NE(year.err.find("--year"), std::string::npos) << year.err;
}

}  // namespace
