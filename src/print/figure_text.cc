#include "print/figure_text.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <utility>

namespace caredesk::print {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// ISO 4217 currencies whose minor unit is not a hundredth.
constexpr std::array<std::pair<std::string_view, int>, 14> kDecimals = {{{"BHD", 3},
                                                                         {"CLP", 0},
                                                                         {"IQD", 3},
                                                                         {"ISK", 0},
                                                                         {"JOD", 3},
                                                                         {"JPY", 0},
                                                                         {"KRW", 0},
                                                                         {"KWD", 3},
                                                                         {"LYD", 3},
                                                                         {"OMR", 3},
                                                                         {"PYG", 0},
                                                                         {"TND", 3},
                                                                         {"UGX", 0},
                                                                         {"VND", 0}}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kSymbols = {
    {{"EUR", "€"}, {"GBP", "£"}, {"JPY", "¥"}, {"USD", "$"}}};

// The digits of `value` with a comma between each group of three.
std::string Grouped(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::uint64_t Magnitude(std::int64_t value) {
  // Negating the most negative value overflows; its magnitude still fits in 64 unsigned bits.
  return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

}  // namespace

std::string CountText(std::int64_t count) {
  return (count < 0 ? "-" : "") + Grouped(Magnitude(count));
}

std::string ShareText(std::optional<double> share) {
  return share ? fmt::format("{:.1f}%", *share * 100) : std::string("–");
}

int CurrencyDecimals(std::string_view currency) {
  for (const auto& [code, places] : kDecimals) {
    if (code == currency) return places;
  }
  return 2;
}

std::string MoneyText(std::int64_t minor_units, std::string_view currency) {
  const int decimals = CurrencyDecimals(currency);
  std::string_view symbol;
  for (const auto& [code, sign] : kSymbols) {
    if (code == currency) symbol = sign;
  }
  std::uint64_t divisor = 1;
  for (int i = 0; i < decimals; ++i) divisor *= 10;
  const std::uint64_t units = Magnitude(minor_units);
  std::string amount = Grouped(units / divisor);
  if (decimals > 0) amount += fmt::format(".{:0{}}", units % divisor, decimals);
  return fmt::format("{}{}{} {}", minor_units < 0 ? "-" : "", symbol, amount, currency);
}

std::string MonthText(int yyyymm) {
  const int month = yyyymm % 100;
  if (yyyymm <= 0 || month < 1 || month > 12) return std::to_string(yyyymm);
  return fmt::format("{} {}", kMonthNames[static_cast<std::size_t>(month - 1)], yyyymm / 100);
}

std::string ShortMonthText(int yyyymm) {
  const int month = yyyymm % 100;
  if (yyyymm <= 0 || month < 1 || month > 12) return std::to_string(yyyymm);
  return fmt::format("{} {}", kMonthNames[static_cast<std::size_t>(month - 1)].substr(0, 3),
                     yyyymm / 100);
}

std::string Words(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '_') {
      out += ' ';
      continue;
    }
    const bool digit_after_letter = std::isdigit(static_cast<unsigned char>(c)) && i > 0 &&
                                    std::isalpha(static_cast<unsigned char>(name[i - 1]));
    if (digit_after_letter) out += ' ';
    out += i == 0 ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
  }
  return out;
}

std::string TargetText(std::string_view target) {
  std::string out;
  for (const char c : target) out += c == '_' ? ' ' : c;
  // "1 hours" → "1 hour": a unit after a lone 1 is singular.
  for (std::size_t at = out.find(" 1 "); at != std::string::npos; at = out.find(" 1 ", at + 1)) {
    std::size_t end = at + 3;
    if (out.compare(end, 8, "working ") == 0) end += 8;
    while (end < out.size() && std::isalpha(static_cast<unsigned char>(out[end]))) ++end;
    if (end > at + 3 && out[end - 1] == 's') out.erase(end - 1, 1);
  }
  return out;
}

std::string DecimalText(double value) { return fmt::format("{:.1f}", value); }

}  // namespace caredesk::print
