// Reading back the XLSX workbooks caredesk writes as a spreadsheet program would open them: an
// XLSX file is a zip of XML parts, listed and read with Info-ZIP's unzip (Debian's unzip).
// Header-only; shares the temporary directory and command runner of pdf_reader.h.
#pragma once

#include <string>
#include <string_view>

#include "pdf_reader.h"

namespace caredesk::testing {

// The names of the parts of the workbook `xlsx`, one a line; empty when it is not a valid zip.
inline std::string XlsxPartNames(const std::string& xlsx) {
  TempDir dir;
  const auto file = WritePdf(dir, xlsx, "workbook.xlsx");
  const auto result = RunCommand("unzip -Z1 " + Quoted(file) + " 2>/dev/null");
  return result.status == 0 ? result.output : std::string();
}

// The XML of part `name` (e.g. "xl/worksheets/sheet1.xml") of the workbook `xlsx`, as unzip
// inflates it after checking the zip; empty when there is no such part.
inline std::string XlsxPart(const std::string& xlsx, std::string_view name) {
  TempDir dir;
  const auto file = WritePdf(dir, xlsx, "workbook.xlsx");
  const auto tested = RunCommand("unzip -tq " + Quoted(file) + " 2>&1");
  EXPECT_EQ(tested.status, 0) << tested.output;
  const auto result =
      RunCommand("unzip -p " + Quoted(file) + " '" + std::string(name) + "' 2>/dev/null");
  return result.status == 0 ? result.output : std::string();
}

}  // namespace caredesk::testing
