// Tables as an XLSX workbook (libxlsxwriter): one worksheet a table, named by the table's machine
// name, its headings in a bold, frozen first row; counts and measures as numbers, shares as
// percentages, amounts with their decimals, dates as dates and months as month dates. Written in
// libxlsxwriter's constant-memory mode, row by row, so a register of a large year streams through
// in bounded memory. libxlsxwriter writes to a path; XlsxBytes goes through a temporary file.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "export/table.h"

namespace caredesk::exports {

// The most rows a worksheet holds, headings included (Excel's limit).
inline constexpr std::int64_t kMaxSheetRows = 1'048'576;

class XlsxWorkbook {
 public:
  // A workbook to be written at `path` (created or replaced when closed); kInvalid naming "out"
  // when it cannot be.
  static core::Result<std::unique_ptr<XlsxWorkbook>> Create(const std::string& path);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // Starts a worksheet named `name` (cut to Excel's 31 characters, and numbered when taken) with
  // `columns` as its headings; the rows added next go there.
  core::Result<void> AddSheet(std::string_view name, std::span<const std::string> columns);
  // Appends a row to the current worksheet; kInvalid when the worksheet is full.
  core::Result<void> AddRow(std::span<const Cell> cells);
  // Adds a whole table as a worksheet.
  core::Result<void> AddTable(const Table& table);
  // Writes the file. Nothing can be added after.
  core::Result<void> Close();

 private:
  struct Handles;
  explicit XlsxWorkbook(std::unique_ptr<Handles> handles);
  std::unique_ptr<Handles> handles_;
};

// Writes `tables` as a workbook at `path`.
core::Result<void> WriteXlsx(const std::string& path, std::span<const Table> tables);

// The bytes of the workbook that `fill` makes, written through a temporary file that is removed.
core::Result<std::string> XlsxBytes(const std::function<core::Result<void>(XlsxWorkbook&)>& fill);

}  // namespace caredesk::exports
