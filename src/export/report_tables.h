// A report (core/report.h) as the tables exports write: one per table of the report — contacts by
// kind, channel, service, nature and department, the standards, response times, outcomes,
// extensions, remedies, redress, root causes, satisfaction, prevention, suggestions — and the
// month-by-month trends. Vocabulary names read as words ("Partly upheld"), like the annual report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"
#include "export/table.h"

namespace caredesk::exports {

// Every table of `report`, in the order the annual report tells them.
std::vector<Table> ReportTables(const core::Report& report);

// The machine names of the report's tables, in the same order.
std::vector<std::string> ReportTableNames();

// The table named `name`, or none when the report has no such table.
std::optional<Table> ReportTable(const core::Report& report, std::string_view name);

// The month-by-month tables: the headline figures of each month, and each standard in each month.
Table TrendsTable(const core::Report& report);
Table StandardsByMonthTable(const core::Report& report);

// A standard row's cells as the standards tables list them (id, name, tier, target, applied, met,
// breached, pending, share met, target met), and their headings.
std::vector<std::string> StandardColumns();
std::vector<Cell> StandardCells(const core::StandardFigures& standard);

// A share if there is one, else an empty cell.
Cell ShareCell(const std::optional<double>& share);

// An amount in a currency's minor units as an amount in its major units (2 decimals unless ISO
// 4217 says 0 or 3).
Cell AmountCell(std::int64_t minor_units, std::string_view currency);

}  // namespace caredesk::exports
