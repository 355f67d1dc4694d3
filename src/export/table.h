// A table as exports write it: a stable machine name ("standards"), a title, column headings and
// rows of typed cells, so that a spreadsheet gets numbers as numbers, shares as percentages and
// dates as dates, and a CSV file gets the same values as plain text.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/instant.h"

namespace caredesk::exports {

struct Empty {
  friend bool operator==(const Empty&, const Empty&) = default;
};
// A measured value (hours, a mean score); `places` decimals when shown.
struct Decimal {
  double value = 0;
  int places = 1;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};
// A share as a fraction (0.725), shown as a percentage.
struct Share {
  double fraction = 0;
  friend bool operator==(const Share&, const Share&) = default;
};
// An amount of money in major units (12.5 for £12.50), shown with `places` decimals.
struct Amount {
  double value = 0;
  int places = 2;
  friend bool operator==(const Amount&, const Amount&) = default;
};
// A month (YYYYMM).
struct Month {
  int yyyymm = 0;
  friend bool operator==(const Month&, const Month&) = default;
};

using Cell =
    std::variant<Empty, std::string, std::int64_t, Decimal, Share, Amount, core::LocalDate, Month>;

struct Table {
  std::string name;   // stable, machine-readable: "standards", "by_nature"
  std::string title;  // for people: "Performance against the published standards"
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

}  // namespace caredesk::exports
