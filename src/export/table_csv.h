// Tables as CSV (RFC 4180): UTF-8, CRLF line ends, a field quoted when it holds a comma, a quote,
// CR or LF, quotes doubled. Text a customer wrote reaches these files, so a text cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, TAB or CR) is written with a
// leading apostrophe; numbers stay numbers. Shares are written as fractions (0.725), amounts in
// major units, dates as YYYY-MM-DD, months as YYYY-MM. Pure: the caller writes the text.
#pragma once

#include <span>
#include <string>

#include "export/table.h"

namespace caredesk::exports {

// One field, escaped and guarded.
std::string CsvField(const Cell& cell);

// Appends one record (its fields and CRLF) to `out`.
void AppendCsvRow(std::string& out, std::span<const Cell> cells);
void AppendCsvRow(std::string& out, std::span<const std::string> texts);

// The table as a CSV file: the headings, then the rows.
std::string TableCsv(const Table& table);

}  // namespace caredesk::exports
