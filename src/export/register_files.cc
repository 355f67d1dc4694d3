#include "export/register_files.h"

#include "export/table_csv.h"

namespace caredesk::exports {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

}  // namespace

core::Result<std::int64_t> WriteRegisterCsv(ComplaintsRegister& source,
                                            const core::ReportFilter& filter,
                                            const std::function<void(std::string_view)>& write) {
  std::string buffer;
  const std::vector<std::string> columns = RegisterColumns();
  AppendCsvRow(buffer, std::span<const std::string>(columns));
  auto count = source.ForEach(filter, [&](const RegisterEntry& entry) -> core::Result<void> {
    const std::vector<Cell> cells = RegisterCells(entry);
    AppendCsvRow(buffer, std::span<const Cell>(cells));
    if (buffer.size() >= kFlushAt) {
      write(buffer);
      buffer.clear();
    }
    return {};
  });
  if (!count) return count;
  write(buffer);
  return count;
}

core::Result<std::int64_t> AddRegisterSheet(ComplaintsRegister& source,
                                            const core::ReportFilter& filter,
                                            XlsxWorkbook& workbook) {
  const std::vector<std::string> columns = RegisterColumns();
  if (auto added = workbook.AddSheet(kRegisterName, columns); !added) {
    return tl::unexpected(added.error());
  }
  return source.ForEach(filter, [&](const RegisterEntry& entry) {
    const std::vector<Cell> cells = RegisterCells(entry);
    return workbook.AddRow(cells);
  });
}

}  // namespace caredesk::exports
