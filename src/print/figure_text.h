// Figures as an English reader expects them in a printed report: counts with thousands
// separators, shares as percentages, money with its symbol and ISO code, months by name, and the
// domain's snake_case names ("partly_upheld", "stage1") as words. Pure; no locale is consulted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caredesk::print {

// "1,234,567".
std::string CountText(std::int64_t count);

// "85.0%"; "–" when there is no share.
std::string ShareText(std::optional<double> share);

// "£1,234.50 GBP", "€80.00 EUR", "¥1,200 JPY", "1,234.500 KWD": the amount in the currency's
// minor units (2 decimals unless ISO 4217 says 0 or 3), with its symbol where it has a common one.
std::string MoneyText(std::int64_t minor_units, std::string_view currency);

// The decimals of a currency's minor unit: 2 unless ISO 4217 says 0 (JPY) or 3 (KWD).
int CurrencyDecimals(std::string_view currency);

// 202603 → "March 2026"; ShortMonthText → "Mar 2026". Out-of-range months print as the number.
std::string MonthText(int yyyymm);
std::string ShortMonthText(int yyyymm);

// A vocabulary name as words: "partly_upheld" → "Partly upheld", "stage1" → "Stage 1",
// "in_person" → "In person".
std::string Words(std::string_view name);

// A standard's target as core writes it ("within 5 working_days", "60% within 1 hours") in plain
// English ("within 5 working days", "60% within 1 hour").
std::string TargetText(std::string_view target);

// "12.5"; working hours and other measured times, to one decimal.
std::string DecimalText(double value);

}  // namespace caredesk::print
