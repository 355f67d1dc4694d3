// Holiday rule sets computed from their rules. Each set is a short function that states the
// rules as the statute or government list words them (fixed date, nth Monday, Easter offset,
// substitute day); only one-off royal proclamations are listed by date, because they have no
// rule.
#include "core/holidays.h"

#include <algorithm>
#include <array>

namespace caredesk::core {
namespace {

using date::days;

constexpr std::string_view kEnglandAndWales = "england-and-wales";
constexpr std::string_view kScotland = "scotland";
constexpr std::string_view kNorthernIreland = "northern-ireland";
constexpr std::string_view kSpainNational = "spain-national";

constexpr std::string_view kSubstituteSuffix = " (substitute day)";

// Floor division and its remainder, so the computus also holds for years before 1 AD.
constexpr int FloorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
constexpr int FloorMod(int a, int b) { return a - b * FloorDiv(a, b); }

LocalDate Ymd(int year, unsigned month, unsigned day) {
  return LocalDate{date::year{year} / date::month{month} / date::day{day}};
}

bool IsWeekend(LocalDate day) {
  const date::weekday wd{day};
  return wd == date::Saturday || wd == date::Sunday;
}

// The `n`th (1-based) Monday of `month`.
LocalDate NthMonday(int year, unsigned month, unsigned n) {
  return LocalDate{date::year{year} / date::month{month} / date::Monday[n]};
}

LocalDate LastMonday(int year, unsigned month) {
  return LocalDate{date::year{year} / date::month{month} / date::Monday[date::last]};
}

void Add(std::vector<Holiday>& out, LocalDate day, std::string_view name) {
  out.push_back(Holiday{day, std::string(name)});
}

void AddSubstitute(std::vector<Holiday>& out, LocalDate day, std::string_view name) {
  out.push_back(Holiday{day, std::string(name).append(kSubstituteSuffix)});
}

// A single fixed-date holiday that moves to the following Monday when it falls on a weekend.
void AddMondayIfWeekend(std::vector<Holiday>& out, LocalDate day, std::string_view name) {
  if (!IsWeekend(day)) {
    Add(out, day, name);
    return;
  }
  const LocalDate monday = day + (date::Monday - date::weekday{day});
  AddSubstitute(out, monday, name);
}

// Christmas Day and Boxing Day. A day on a weekend moves to the next weekday that is not already
// a holiday; when 25 December is a Sunday, Boxing Day keeps Monday 26th and Christmas Day takes
// Tuesday 27th (as GOV.UK names them).
void AddChristmasAndBoxingDay(std::vector<Holiday>& out, int year) {
  constexpr std::string_view kChristmas = "Christmas Day";
  constexpr std::string_view kBoxing = "Boxing Day";
  const LocalDate christmas = Ymd(year, 12, 25);
  const date::weekday wd{christmas};
  if (wd == date::Friday) {
    Add(out, christmas, kChristmas);
    AddSubstitute(out, christmas + days{3}, kBoxing);
  } else if (wd == date::Saturday) {
    AddSubstitute(out, christmas + days{2}, kChristmas);
    AddSubstitute(out, christmas + days{3}, kBoxing);
  } else if (wd == date::Sunday) {
    Add(out, christmas + days{1}, kBoxing);
    AddSubstitute(out, christmas + days{2}, kChristmas);
  } else {
    Add(out, christmas, kChristmas);
    Add(out, christmas + days{1}, kBoxing);
  }
}

// Scotland's New Year's Day and 2nd January: each weekend day moves, in order, to the next
// weekday not already taken (1 Jan Sunday gives Monday 2nd and Tuesday 3rd).
void AddScottishNewYear(std::vector<Holiday>& out, int year) {
  constexpr std::string_view kNewYear = "New Year's Day";
  constexpr std::string_view kSecond = "2nd January";
  const LocalDate new_year = Ymd(year, 1, 1);
  const date::weekday wd{new_year};
  if (wd == date::Friday) {
    Add(out, new_year, kNewYear);
    AddSubstitute(out, new_year + days{3}, kSecond);
  } else if (wd == date::Saturday) {
    AddSubstitute(out, new_year + days{2}, kNewYear);
    AddSubstitute(out, new_year + days{3}, kSecond);
  } else if (wd == date::Sunday) {
    AddSubstitute(out, new_year + days{1}, kNewYear);
    AddSubstitute(out, new_year + days{2}, kSecond);
  } else {
    Add(out, new_year, kNewYear);
    Add(out, new_year + days{1}, kSecond);
  }
}

void AddEarlyMay(std::vector<Holiday>& out, int year) {
  Add(out, NthMonday(year, 5, 1), "Early May bank holiday");
}

void AddSpring(std::vector<Holiday>& out, int year) {
  Add(out, LastMonday(year, 5), "Spring bank holiday");
}

// A bank holiday made by royal proclamation for one year only. When `moves` is set, the regular
// holiday of that name in that year is replaced by this one instead of kept alongside it.
struct Proclamation {
  date::year_month_day date;
  std::string_view name;
  std::string_view moves;
};

// Proclamations that applied throughout the United Kingdom.
constexpr std::array kUkProclamations = {
    Proclamation{date::year{1995} / date::May / 8, "Early May bank holiday (VE day)",
                 "Early May bank holiday"},
    Proclamation{date::year{1999} / date::December / 31, "Millennium celebrations", ""},
    Proclamation{date::year{2002} / date::June / 3, "Golden Jubilee bank holiday", ""},
    Proclamation{date::year{2002} / date::June / 4, "Spring bank holiday", "Spring bank holiday"},
    Proclamation{date::year{2011} / date::April / 29, "Royal wedding", ""},
    Proclamation{date::year{2012} / date::June / 4, "Spring bank holiday", "Spring bank holiday"},
    Proclamation{date::year{2012} / date::June / 5, "Queen's Diamond Jubilee", ""},
    Proclamation{date::year{2020} / date::May / 8, "Early May bank holiday (VE day)",
                 "Early May bank holiday"},
    Proclamation{date::year{2022} / date::June / 2, "Spring bank holiday", "Spring bank holiday"},
    Proclamation{date::year{2022} / date::June / 3, "Platinum Jubilee bank holiday", ""},
    Proclamation{date::year{2022} / date::September / 19,
                 "Bank Holiday for the State Funeral of Queen Elizabeth II", ""},
    Proclamation{date::year{2023} / date::May / 8,
                 "Bank holiday for the coronation of King Charles III", ""},
};

void ApplyUkProclamations(std::vector<Holiday>& out, int year) {
  for (const Proclamation& p : kUkProclamations) {
    if (p.date.year() != date::year{year}) continue;
    if (!p.moves.empty()) {
      std::erase_if(out, [&](const Holiday& h) { return h.name == p.moves; });
    }
    Add(out, LocalDate{p.date}, p.name);
  }
}

// The Banking and Financial Dealings Act 1971 list for England and Wales, as observed today.
void AddEnglandAndWales(std::vector<Holiday>& out, int year) {
  const LocalDate easter = EasterSunday(year);
  AddMondayIfWeekend(out, Ymd(year, 1, 1), "New Year's Day");
  Add(out, easter - days{2}, "Good Friday");
  Add(out, easter + days{1}, "Easter Monday");
  AddEarlyMay(out, year);
  AddSpring(out, year);
  Add(out, LastMonday(year, 8), "Summer bank holiday");
  AddChristmasAndBoxingDay(out, year);
}

void AddScotland(std::vector<Holiday>& out, int year) {
  AddScottishNewYear(out, year);
  Add(out, EasterSunday(year) - days{2}, "Good Friday");
  AddEarlyMay(out, year);
  AddSpring(out, year);
  Add(out, NthMonday(year, 8, 1), "Summer bank holiday");
  // St Andrew's Day Bank Holiday (Scotland) Act 2007.
  if (year >= 2007) AddMondayIfWeekend(out, Ymd(year, 11, 30), "St Andrew's Day");
  AddChristmasAndBoxingDay(out, year);
}

void AddNorthernIreland(std::vector<Holiday>& out, int year) {
  AddEnglandAndWales(out, year);
  AddMondayIfWeekend(out, Ymd(year, 3, 17), "St Patrick's Day");
  AddMondayIfWeekend(out, Ymd(year, 7, 12), "Battle of the Boyne (Orangemen's Day)");
}

// Fiestas laborales de ámbito nacional: the days every autonomous community keeps. Moving a
// Sunday holiday to Monday is decided by each community, so it is not done here.
void AddSpainNational(std::vector<Holiday>& out, int year) {
  Add(out, Ymd(year, 1, 1), "Año Nuevo");
  Add(out, Ymd(year, 1, 6), "Epifanía del Señor");
  Add(out, EasterSunday(year) - days{2}, "Viernes Santo");
  Add(out, Ymd(year, 5, 1), "Fiesta del Trabajo");
  Add(out, Ymd(year, 8, 15), "Asunción de la Virgen");
  Add(out, Ymd(year, 10, 12), "Fiesta Nacional de España");
  Add(out, Ymd(year, 11, 1), "Todos los Santos");
  Add(out, Ymd(year, 12, 6), "Día de la Constitución Española");
  Add(out, Ymd(year, 12, 8), "Inmaculada Concepción");
  Add(out, Ymd(year, 12, 25), "Natividad del Señor");
}

}  // namespace

const std::vector<std::string_view>& HolidaySetNames() {
  static const std::vector<std::string_view> kNames = {kEnglandAndWales, kScotland,
                                                       kNorthernIreland, kSpainNational};
  return kNames;
}

bool IsHolidaySet(std::string_view name) {
  const auto& names = HolidaySetNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<Holiday> HolidaysOf(std::string_view set, int year) {
  std::vector<Holiday> out;
  if (set == kEnglandAndWales) {
    AddEnglandAndWales(out, year);
  } else if (set == kScotland) {
    AddScotland(out, year);
  } else if (set == kNorthernIreland) {
    AddNorthernIreland(out, year);
  } else if (set == kSpainNational) {
    AddSpainNational(out, year);
  } else {
    return out;
  }
  if (set != kSpainNational) ApplyUkProclamations(out, year);

  // Sorted by date; when two rules land on one date the first one added names it.
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  auto same_day = [](const Holiday& a, const Holiday& b) { return a.date == b.date; };
  out.erase(std::unique(out.begin(), out.end(), same_day), out.end());
  return out;
}

// The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
LocalDate EasterSunday(int year) {
  const int a = FloorMod(year, 19);
  const int b = FloorDiv(year, 100);
  const int c = FloorMod(year, 100);
  const int d = FloorDiv(b, 4);
  const int e = FloorMod(b, 4);
  const int f = FloorDiv(b + 8, 25);
  const int g = FloorDiv(b - f + 1, 3);
  const int h = FloorMod(19 * a + b - d - g + 15, 30);
  const int i = c / 4;
  const int k = c % 4;
  const int l = FloorMod(32 + 2 * e + 2 * i - h - k, 7);
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

}  // namespace caredesk::core
