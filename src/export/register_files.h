// The complaints register written out as CSV or as an XLSX worksheet, entry by entry as the
// register reads them, so that neither holds the whole register at once.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "export/complaints_register.h"
#include "export/table_xlsx.h"

namespace caredesk::exports {

// The register's machine name: its worksheet's, and its files'.
inline constexpr std::string_view kRegisterName = "complaints_register";

// Hands the register as CSV to `write`, a few kilobytes at a time. Returns how many entries.
core::Result<std::int64_t> WriteRegisterCsv(ComplaintsRegister& source,
                                            const core::ReportFilter& filter,
                                            const std::function<void(std::string_view)>& write);

// Adds the register as a worksheet of `workbook`. Returns how many entries.
core::Result<std::int64_t> AddRegisterSheet(ComplaintsRegister& source,
                                            const core::ReportFilter& filter,
                                            XlsxWorkbook& workbook);

}  // namespace caredesk::exports
