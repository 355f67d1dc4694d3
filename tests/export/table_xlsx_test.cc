// XLSX workbooks as exports write them, read back with unzip as a spreadsheet program would open
// them: a valid zip, one worksheet per table under its name, bold headings, numbers as numbers,
// shares as percentages, dates as dates, and a workbook that streams a large register.
#include "export/table_xlsx.h"

#include <gtest/gtest.h>

#include "export/report_tables.h"
#include "xlsx_reader.h"

namespace caredesk::exports {
namespace {

using testing::XlsxPart;
using testing::XlsxPartNames;

Table Sample() {
  Table table{"standards", "Standards", {"Standard", "Met", "Share met", "Received", "Month"}, {}};
  table.rows.push_back({std::string("Acknowledge <complaints> & \"reply\""), std::int64_t{42},
                        Share{0.725}, core::LocalDate{date::year{2026} / 3 / 9}, Month{202603}});
  table.rows.push_back({std::string("=1+1"), Empty{}, Empty{}, Empty{}, Empty{}});
  return table;
}

std::string Bytes(const std::vector<Table>& tables) {
  auto bytes = XlsxBytes([&](XlsxWorkbook& workbook) -> core::Result<void> {
    for (const auto& t : tables) {
      if (auto added = workbook.AddTable(t); !added) return added;
    }
    return {};
  });
  EXPECT_TRUE(bytes) << bytes.error().message;
  return bytes ? *bytes : std::string();
}

TEST(TableXlsx, WritesAValidZipWithOneWorksheetPerTable) {
  Table second{"by_nature", "By nature", {"Nature", "Complaints"}, {}};
  const std::string xlsx = Bytes({Sample(), second});
  ASSERT_EQ(xlsx.substr(0, 2), "PK");
  const std::string parts = XlsxPartNames(xlsx);
  EXPECT_NE(parts.find("xl/worksheets/sheet1.xml"), std::string::npos) << parts;
  EXPECT_NE(parts.find("xl/worksheets/sheet2.xml"), std::string::npos) << parts;
  const std::string workbook = XlsxPart(xlsx, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"standards\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"by_nature\""), std::string::npos) << workbook;
}

TEST(TableXlsx, WritesTextNumbersSharesAndDatesAsTheirTypes) {
  const std::string sheet = XlsxPart(Bytes({Sample()}), "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  // Text escaped as XML, never a formula.
  EXPECT_NE(sheet.find("<t>Acknowledge &lt;complaints&gt; &amp; \"reply\"</t>"), std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<t>=1+1</t>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no formula in an export";
  EXPECT_NE(sheet.find("<v>42</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>0.725</v>"), std::string::npos) << sheet;
  // 9 March 2026 is Excel's serial day 46090; March 2026 is its first day, 46082.
  EXPECT_NE(sheet.find("<v>46090</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>46082</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<pane "), std::string::npos) << "the headings row is frozen";
  const std::string styles = XlsxPart(Bytes({Sample()}), "xl/styles.xml");
  EXPECT_NE(styles.find("0.0%"), std::string::npos) << styles;
  EXPECT_NE(styles.find("yyyy-mm-dd"), std::string::npos) << styles;
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << "bold headings";
}

TEST(TableXlsx, NamesSheetsUniquelyWithinExcelsLimits) {
  const std::string long_name(40, 'x');
  Table a{long_name, "", {"A"}, {}};
  Table b{long_name, "", {"A"}, {}};
  Table c{"what/is:this?", "", {"A"}, {}};
  const std::string workbook = XlsxPart(Bytes({a, b, c}), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"" + std::string(31, 'x') + "\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"" + std::string(27, 'x') + " (2)\""), std::string::npos)
      << workbook;
  EXPECT_NE(workbook.find("name=\"what_is_this_\""), std::string::npos) << workbook;
}

TEST(TableXlsx, EveryReportTableMakesAWorksheet) {
  core::Report report;
  report.total.contacts = 3;
  report.total.by_kind = {{"complaint", 3}};
  const std::string xlsx = Bytes(ReportTables(report));
  const std::string workbook = XlsxPart(xlsx, "xl/workbook.xml");
  for (const auto& name : ReportTableNames()) {
    EXPECT_NE(workbook.find("name=\"" + name + "\""), std::string::npos) << name;
  }
}

TEST(TableXlsx, StreamsManyRowsAndRefusesAnUnwritablePath) {
  auto bytes = XlsxBytes([](XlsxWorkbook& workbook) -> core::Result<void> {
    const std::vector<std::string> columns{"Reference", "Count"};
    if (auto added = workbook.AddSheet("complaints_register", columns); !added) return added;
    for (std::int64_t i = 0; i < 20000; ++i) {
      const std::vector<Cell> row{std::string("CD-2026-") + std::to_string(i), i};
      if (auto written = workbook.AddRow(row); !written) return written;
    }
    return {};
  });
  ASSERT_TRUE(bytes) << bytes.error().message;
  const std::string sheet = XlsxPart(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("CD-2026-19999"), std::string::npos);
  // Said before anything is read for it, not when the workbook is closed.
  auto refused = XlsxWorkbook::Create("/no/such/directory/report.xlsx");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "out");
}

}  // namespace
}  // namespace caredesk::exports
