#include "export/table_xlsx.h"

#include <date/date.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace caredesk::exports {
namespace {

// Excel's limits: a sheet name's length, and a cell's text.
constexpr std::size_t kMaxSheetName = 31;
constexpr std::size_t kMaxCellText = 32767;

core::Error Failed(std::string_view what, lxw_error error) {
  return {core::ErrorCode::kUnavailable, fmt::format("{}: {}", what, lxw_strerror(error)), "out"};
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `text` cut to at most `limit` bytes, not inside a UTF-8 sequence.
std::string_view Cut(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

lxw_datetime DateOf(core::LocalDate day) {
  const date::year_month_day ymd{day};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          0,
          0,
          0};
}

}  // namespace

struct XlsxWorkbook::Handles {
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_row_t next_row = 0;
  std::set<std::string> sheet_names;  // lower-cased: Excel compares them ignoring case
  lxw_format* heading = nullptr;
  lxw_format* share = nullptr;
  lxw_format* decimals[4] = {};  // by number of places
  lxw_format* day = nullptr;
  lxw_format* month = nullptr;

  lxw_format* Format(std::string_view number_format) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_num_format(format, std::string(number_format).c_str());
    return format;
  }

  lxw_format* DecimalFormat(int places) {
    places = std::clamp(places, 0, 3);
    return decimals[places];
  }

  lxw_error Write(lxw_col_t column, const Cell& cell) {
    const lxw_row_t row = next_row;
    if (const auto* text = std::get_if<std::string>(&cell)) {
      return worksheet_write_string(sheet, row, column,
                                    std::string(Cut(*text, kMaxCellText)).c_str(), nullptr);
    }
    if (const auto* count = std::get_if<std::int64_t>(&cell)) {
      return worksheet_write_number(sheet, row, column, static_cast<double>(*count), nullptr);
    }
    if (const auto* d = std::get_if<Decimal>(&cell)) {
      return worksheet_write_number(sheet, row, column, d->value, DecimalFormat(d->places));
    }
    if (const auto* s = std::get_if<Share>(&cell)) {
      return worksheet_write_number(sheet, row, column, s->fraction, share);
    }
    if (const auto* a = std::get_if<Amount>(&cell)) {
      return worksheet_write_number(sheet, row, column, a->value, DecimalFormat(a->places));
    }
    if (const auto* d = std::get_if<core::LocalDate>(&cell)) {
      lxw_datetime when = DateOf(*d);
      return worksheet_write_datetime(sheet, row, column, &when, day);
    }
    if (const auto* m = std::get_if<Month>(&cell)) {
      lxw_datetime when{m->yyyymm / 100, m->yyyymm % 100, 1, 0, 0, 0};
      return worksheet_write_datetime(sheet, row, column, &when, month);
    }
    return LXW_NO_ERROR;  // an empty cell is left blank
  }
};

XlsxWorkbook::XlsxWorkbook(std::unique_ptr<Handles> handles) : handles_(std::move(handles)) {}

XlsxWorkbook::~XlsxWorkbook() {
  // Never closed (an error on the way): libxlsxwriter frees the workbook only when closing it.
  if (handles_ && handles_->workbook) workbook_close(handles_->workbook);
}

core::Result<std::unique_ptr<XlsxWorkbook>> XlsxWorkbook::Create(const std::string& path) {
  if (path.empty()) return core::Fail(core::ErrorCode::kInvalid, "is empty", "out");
  // libxlsxwriter opens the file only when closing: find out now whether it can be written.
  if (!std::ofstream(path, std::ios::binary | std::ios::trunc)) {
    return core::Fail(core::ErrorCode::kInvalid, "cannot write " + path, "out");
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  auto handles = std::make_unique<Handles>();
  handles->workbook = workbook_new_opt(path.c_str(), &options);
  if (handles->workbook == nullptr) {
    return core::Fail(core::ErrorCode::kInvalid, "cannot start a workbook at " + path, "out");
  }
  auto& h = *handles;
  h.heading = workbook_add_format(h.workbook);
  format_set_bold(h.heading);
  format_set_text_wrap(h.heading);
  h.share = h.Format("0.0%");
  h.decimals[0] = h.Format("#,##0");
  h.decimals[1] = h.Format("#,##0.0");
  h.decimals[2] = h.Format("#,##0.00");
  h.decimals[3] = h.Format("#,##0.000");
  h.day = h.Format("yyyy-mm-dd");
  h.month = h.Format("mmm yyyy");
  return std::unique_ptr<XlsxWorkbook>(new XlsxWorkbook(std::move(handles)));
}

core::Result<void> XlsxWorkbook::AddSheet(std::string_view name,
                                          std::span<const std::string> columns) {
  auto& h = *handles_;
  if (h.workbook == nullptr) return core::Fail(core::ErrorCode::kInvalid, "closed", "out");
  // Excel refuses these in a sheet name.
  std::string base;
  for (const char c : name)
    base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (base.empty()) base = "Sheet";
  std::string unique(Cut(base, kMaxSheetName));
  for (int n = 2; !h.sheet_names.insert(ToLowerAscii(unique)).second; ++n) {
    const std::string suffix = fmt::format(" ({})", n);
    unique = std::string(Cut(base, kMaxSheetName - suffix.size())) + suffix;
  }
  h.sheet = workbook_add_worksheet(h.workbook, unique.c_str());
  if (h.sheet == nullptr) {
    return core::Fail(core::ErrorCode::kInvalid, "cannot add worksheet " + unique, "out");
  }
  h.next_row = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto column = static_cast<lxw_col_t>(c);
    const double width = std::clamp<double>(static_cast<double>(columns[c].size()) + 2, 12, 40);
    worksheet_set_column(h.sheet, column, column, width, nullptr);
    worksheet_write_string(h.sheet, 0, column, columns[c].c_str(), h.heading);
  }
  worksheet_freeze_panes(h.sheet, 1, 0);
  h.next_row = 1;
  return {};
}

core::Result<void> XlsxWorkbook::AddRow(std::span<const Cell> cells) {
  auto& h = *handles_;
  if (h.sheet == nullptr) return core::Fail(core::ErrorCode::kInvalid, "no worksheet", "out");
  if (h.next_row >= kMaxSheetRows) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("a worksheet holds at most {} rows", kMaxSheetRows), "out");
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (const lxw_error error = h.Write(static_cast<lxw_col_t>(c), cells[c]); error) {
      return tl::unexpected(Failed("cannot write a cell", error));
    }
  }
  ++h.next_row;
  return {};
}

core::Result<void> XlsxWorkbook::AddTable(const Table& table) {
  if (auto added = AddSheet(table.name, table.columns); !added) return added;
  for (const auto& row : table.rows) {
    if (auto written = AddRow(row); !written) return written;
  }
  return {};
}

core::Result<void> XlsxWorkbook::Close() {
  auto& h = *handles_;
  if (h.workbook == nullptr) return {};
  const lxw_error error = workbook_close(h.workbook);
  h.workbook = nullptr;
  h.sheet = nullptr;
  if (error) return tl::unexpected(Failed("cannot write the workbook", error));
  return {};
}

core::Result<void> WriteXlsx(const std::string& path, std::span<const Table> tables) {
  auto workbook = XlsxWorkbook::Create(path);
  if (!workbook) return tl::unexpected(workbook.error());
  for (const auto& table : tables) {
    if (auto added = (*workbook)->AddTable(table); !added) return added;
  }
  return (*workbook)->Close();
}

core::Result<std::string> XlsxBytes(const std::function<core::Result<void>(XlsxWorkbook&)>& fill) {
  std::string path = (std::filesystem::temp_directory_path() / "caredesk-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return core::Fail(core::ErrorCode::kUnavailable, "cannot make a temporary file");
  close(fd);
  const auto remove = [&path] {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  };
  core::Result<void> written = [&]() -> core::Result<void> {
    auto workbook = XlsxWorkbook::Create(path);
    if (!workbook) return tl::unexpected(workbook.error());
    if (auto filled = fill(**workbook); !filled) return filled;
    return (*workbook)->Close();
  }();
  if (!written) {
    remove();
    return tl::unexpected(written.error());
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  remove();
  if (!in) return core::Fail(core::ErrorCode::kUnavailable, "cannot read the workbook back");
  return std::move(bytes).str();
}

}  // namespace caredesk::exports
