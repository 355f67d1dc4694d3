#include "export/table_csv.h"

#include <date/date.h>
#include <fmt/format.h>

#include <string_view>

namespace caredesk::exports {
namespace {

// A spreadsheet runs text starting with one of these as a formula (OWASP: CSV injection).
bool LooksLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  constexpr std::string_view kTriggers = "=+-@\t\r";
  return kTriggers.find(text.front()) != std::string_view::npos;
}

std::string Quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A number with up to `places` decimals, trailing zeros kept ("12.50" for an amount).
std::string Fixed(double value, int places) { return fmt::format("{:.{}f}", value, places); }

struct FieldText {
  std::string operator()(const Empty&) const { return ""; }
  std::string operator()(const std::string& text) const {
    return Quoted(LooksLikeFormula(text) ? "'" + text : text);
  }
  std::string operator()(std::int64_t value) const { return std::to_string(value); }
  std::string operator()(const Decimal& d) const { return Fixed(d.value, d.places); }
  // Four places: a percentage to two decimals.
  std::string operator()(const Share& s) const { return Fixed(s.fraction, 4); }
  std::string operator()(const Amount& a) const { return Fixed(a.value, a.places); }
  std::string operator()(const core::LocalDate& day) const { return date::format("%F", day); }
  std::string operator()(const Month& m) const {
    return fmt::format("{:04}-{:02}", m.yyyymm / 100, m.yyyymm % 100);
  }
};

}  // namespace

std::string CsvField(const Cell& cell) { return std::visit(FieldText{}, cell); }

void AppendCsvRow(std::string& out, std::span<const Cell> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(cells[i]);
  }
  out += "\r\n";
}

void AppendCsvRow(std::string& out, std::span<const std::string> texts) {
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    out += FieldText{}(texts[i]);
  }
  out += "\r\n";
}

std::string TableCsv(const Table& table) {
  std::string out;
  AppendCsvRow(out, std::span<const std::string>(table.columns));
  for (const auto& row : table.rows) AppendCsvRow(out, std::span<const Cell>(row));
  return out;
}

}  // namespace caredesk::exports
