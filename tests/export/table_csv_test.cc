// CSV as exports write it: RFC 4180 quoting, CRLF, and text that a spreadsheet would run as a
// formula defused with a leading apostrophe while numbers stay numbers.
#include "export/table_csv.h"

#include <gtest/gtest.h>

namespace caredesk::exports {
namespace {

TEST(TableCsv, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvField(std::string("plain text")), "plain text");
  EXPECT_EQ(CsvField(std::string("fees, charges")), "\"fees, charges\"");
  EXPECT_EQ(CsvField(std::string("the \"new\" form")), "\"the \"\"new\"\" form\"");
  EXPECT_EQ(CsvField(std::string("line one\nline two")), "\"line one\nline two\"");
  EXPECT_EQ(CsvField(std::string("a\r\nb")), "\"a\r\nb\"");
  EXPECT_EQ(CsvField(std::string("Año — ñandú €")), "Año — ñandú €");
}

TEST(TableCsv, DefusesTextASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(CsvField(std::string("=HYPERLINK(\"http://x\")")), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField(std::string("+1 fee")), "'+1 fee");
  EXPECT_EQ(CsvField(std::string("-2+3")), "'-2+3");
  EXPECT_EQ(CsvField(std::string("@SUM(A1:A2)")), "'@SUM(A1:A2)");
  EXPECT_EQ(CsvField(std::string("\tcmd")), "'\tcmd");
  EXPECT_EQ(CsvField(std::string("\r=1")), "\"'\r=1\"");
  // Only the first character counts.
  EXPECT_EQ(CsvField(std::string("a=b")), "a=b");
}

TEST(TableCsv, WritesNumbersSharesAmountsAndDatesAsPlainValues) {
  EXPECT_EQ(CsvField(std::int64_t{-5}), "-5");
  EXPECT_EQ(CsvField(std::int64_t{1234567}), "1234567");
  EXPECT_EQ(CsvField(Decimal{12.345, 1}), "12.3");
  EXPECT_EQ(CsvField(Share{0.725}), "0.7250");
  EXPECT_EQ(CsvField(Amount{50, 2}), "50.00");
  EXPECT_EQ(CsvField(Amount{1200, 0}), "1200");
  EXPECT_EQ(CsvField(core::LocalDate{date::year{2026} / 3 / 9}), "2026-03-09");
  EXPECT_EQ(CsvField(Month{202603}), "2026-03");
  EXPECT_EQ(CsvField(Empty{}), "");
}

TEST(TableCsv, WritesHeadingsThenRowsWithCrlf) {
  Table table{"by_nature", "Complaints by nature", {"Nature", "Complaints", "Share"}, {}};
  table.rows.push_back({std::string("fees, charges"), std::int64_t{3}, Share{0.75}});
  table.rows.push_back({std::string("=cmd|' /C calc'!A0"), std::int64_t{1}, Share{0.25}});
  EXPECT_EQ(TableCsv(table),
            "Nature,Complaints,Share\r\n"
            "\"fees, charges\",3,0.7500\r\n"
            "'=cmd|' /C calc'!A0,1,0.2500\r\n");
}

TEST(TableCsv, GuardsHeadingsToo) {
  std::string out;
  const std::vector<std::string> headings{"-minus", "ok"};
  AppendCsvRow(out, std::span<const std::string>(headings));
  EXPECT_EQ(out, "'-minus,ok\r\n");
}

}  // namespace
}  // namespace caredesk::exports
