// The report's downloads over HTTP on a real server: the register story (tests/cases/api/
// register.json) is told first, then the files are fetched and read as a spreadsheet program
// would — CSV with its headings, the complaint's row and a formula defused; XLSX as a zip (unzip)
// with the worksheets and values expected — each with its Content-Type and an attachment name.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "api_story.h"
#include "xlsx_reader.h"

namespace caredesk::http {
namespace {

namespace fs = std::filesystem;

class ReportExports : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(fs::path(CAREDESK_SOURCE_DIR) / "tests/cases/api/register.json");
    const json story = json::parse(in);
    vars_ = FixtureVars(server_);
    int number = 0;
    for (const auto& raw : story.at("steps")) {
      RunStep(server_, client_, raw, vars_, fmt::format("register.json step {}", ++number));
      if (HasFatalFailure()) return;
    }
  }

  testing::HttpReply Get(const std::string& path, const std::string& as = "manager") {
    return client_.Get(path, {{"Authorization", "Bearer " + server_.Token(as)}});
  }

  std::string Ref() const { return vars_.at("ref").get<std::string>(); }

  ApiServer server_{"report-exports"};
  testing::HttpClient client_{server_.port()};
  Vars vars_;
};

TEST_F(ReportExports, TheRegisterAsCsvHasOneRowAComplaintAndNoCustomer) {
  auto reply = Get("/api/v1/reports/register.csv?year=2026");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(reply.Header("content-disposition"),
            "attachment; filename=\"complaints-register-2026.csv\"");
  const std::string& csv = reply.body;
  EXPECT_EQ(csv.rfind("Reference,Received,Nature,Service,Department,Channel,", 0), 0u) << csv;
  // The nature a person typed starts with "=": defused, so no spreadsheet runs it.
  EXPECT_NE(csv.find(Ref() + ",2026-01-12,'=fees and charges,Finance,Certificates,Email,Stage 1,"
                             "Resolved,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"Financial redress, £25.00 GBP: Second fee refunded\nApology: Apology by "
                     "letter\""),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("Check renewals for double charges weekly (planned; due 2026-12-31)"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",staff error\r\n"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("Rita"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n') - 2, 2)
      << "headings and two complaints" << csv;
}

TEST_F(ReportExports, TheRegisterAsAWorkbookHasTheComplaintsRows) {
  auto reply = Get("/api/v1/reports/register.xlsx?from=2026-01-01&until=2026-02-01", "auditor");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(reply.Header("content-disposition"),
            "attachment; filename=\"complaints-register-2026-01-01_2026-02-01.xlsx\"");
  const std::string workbook = testing::XlsxPart(reply.body, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"complaints_register\""), std::string::npos) << workbook;
  const std::string sheet = testing::XlsxPart(reply.body, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<t>" + Ref() + "</t>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<t>=fees and charges</t>"), std::string::npos) << "text, not a formula";
  EXPECT_NE(sheet.find("<v>46034</v>"), std::string::npos) << "12 January 2026 as a date";
  EXPECT_EQ(sheet.find(vars_.at("anonymous").get<std::string>()), std::string::npos)
      << "March is outside the period";
}

TEST_F(ReportExports, OneReportTableAsCsvAndEveryTableAsAWorkbook) {
  auto csv = Get("/api/v1/reports/performance.csv?year=2026&table=by_channel");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.Header("content-disposition"),
            "attachment; filename=\"performance-2026-by_channel.csv\"");
  EXPECT_EQ(csv.body.rfind("Channel,Contacts,Share\r\n", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("Email,1,0.3333\r\n"), std::string::npos) << csv.body;
  auto xlsx = Get("/api/v1/reports/performance.xlsx?year=2026", "admin");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("content-disposition"), "attachment; filename=\"performance-2026.xlsx\"");
  const std::string workbook = testing::XlsxPart(xlsx.body, "xl/workbook.xml");
  for (const char* name : {"summary", "standards", "by_nature", "remedies", "trends"}) {
    EXPECT_NE(workbook.find(fmt::format("name=\"{}\"", name)), std::string::npos) << name;
  }
}

TEST_F(ReportExports, CustomersAndAgentsGetNoDownload) {
  EXPECT_EQ(Get("/api/v1/reports/register.csv?year=2026", "agent").status, 403);
  EXPECT_EQ(Get("/api/v1/reports/performance.xlsx?year=2026", "agent").status, 403);
  EXPECT_EQ(client_.Get("/api/v1/reports/register.xlsx?year=2026").status, 401);
}

}  // namespace
}  // namespace caredesk::http
