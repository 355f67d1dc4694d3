// The holiday rule sets checked against the published GOV.UK list (tests/data) and against
// dates worked out by hand for the cases the rules make tricky: substitute days, Easter extremes,
// one-off proclamations and years far ahead.
#include "core/holidays.h"

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace caredesk::core {
namespace {

using Dates = std::vector<std::string>;

std::string Iso(LocalDate day) { return date::format("%F", day); }

LocalDate Ymd(int y, unsigned m, unsigned d) {
  return LocalDate{date::year{y} / date::month{m} / date::day{d}};
}

Dates DatesOf(std::string_view set, int year) {
  Dates out;
  for (const Holiday& h : HolidaysOf(set, year)) out.push_back(Iso(h.date));
  return out;
}

// The name `set` gives to `day` in that day's year, or "" when it is not a holiday.
std::string NameOn(std::string_view set, LocalDate day) {
  const int year = static_cast<int>(date::year_month_day{day}.year());
  for (const Holiday& h : HolidaysOf(set, year)) {
    if (h.date == day) return h.name;
  }
  return "";
}

// A day and the name a holiday set should give it ("" for a day that is not a holiday).
struct NamedDay {
  LocalDate day;
  std::string_view name;
};

// Expects NameOn(set, day) == name for each of `days`.
void ExpectNames(std::string_view set, std::initializer_list<NamedDay> days) {
  for (const NamedDay& expected : days) {
    EXPECT_EQ(NameOn(set, expected.day), expected.name) << set << " " << Iso(expected.day);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The dates listed under `key` in the GOV.UK extract, grouped by year. The file is one object of
// string arrays, so the array is the text between the `[` after the key and the next `]`.
std::map<int, Dates> GovUkDates(std::string_view key) {
  const std::string text =
      ReadFile(CAREDESK_SOURCE_DIR "/tests/data/uk-bank-holidays-2019-2027.json");
  std::map<int, Dates> by_year;
  std::string quoted_key = "\"";
  quoted_key.append(key).push_back('"');
  const std::size_t at = text.find(quoted_key);
  if (at == std::string::npos) return by_year;
  const std::size_t open = text.find('[', at);
  const std::size_t close = text.find(']', open);
  if (open == std::string::npos || close == std::string::npos) return by_year;
  const std::string array = text.substr(open, close - open);
  const std::regex iso_date(R"((\d{4})-\d{2}-\d{2})");
  for (auto it = std::sregex_iterator(array.begin(), array.end(), iso_date);
       it != std::sregex_iterator(); ++it) {
    by_year[std::stoi((*it)[1].str())].push_back((*it)[0].str());
  }
  return by_year;
}

void ExpectMatchesGovUk(std::string_view set) {
  const std::map<int, Dates> expected = GovUkDates(set);
  ASSERT_EQ(expected.size(), 9u) << "the extract should cover 2019-2027 for " << set;
  for (const auto& [year, dates] : expected) {
    EXPECT_EQ(DatesOf(set, year), dates) << set << " " << year;
  }
}

TEST(Holidays, EnglandAndWalesMatchesGovUkList) { ExpectMatchesGovUk("england-and-wales"); }

TEST(Holidays, ScotlandMatchesGovUkList) { ExpectMatchesGovUk("scotland"); }

TEST(Holidays, NorthernIrelandMatchesGovUkList) { ExpectMatchesGovUk("northern-ireland"); }

TEST(Holidays, EasterSundayMatchesKnownDates) {
  EXPECT_EQ(EasterSunday(2024), Ymd(2024, 3, 31));
  EXPECT_EQ(EasterSunday(2025), Ymd(2025, 4, 20));
  EXPECT_EQ(EasterSunday(2026), Ymd(2026, 4, 5));
  EXPECT_EQ(EasterSunday(2027), Ymd(2027, 3, 28));
  EXPECT_EQ(EasterSunday(2038), Ymd(2038, 4, 25));  // the latest possible date
  EXPECT_EQ(EasterSunday(2285), Ymd(2285, 3, 22));  // the earliest possible date
  EXPECT_EQ(EasterSunday(1818), Ymd(1818, 3, 22));
  EXPECT_EQ(EasterSunday(1943), Ymd(1943, 4, 25));
  EXPECT_EQ(EasterSunday(2000), Ymd(2000, 4, 23));
}

TEST(Holidays, EasterSundayIsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = 1583; year <= 4099; ++year) {
    const LocalDate easter = EasterSunday(year);
    ASSERT_EQ(date::weekday{easter}, date::Sunday) << year;
    ASSERT_GE(easter, Ymd(year, 3, 22)) << year;
    ASSERT_LE(easter, Ymd(year, 4, 25)) << year;
  }
}

TEST(Holidays, ChristmasOnFridayMovesBoxingDayToMonday) {
  ExpectNames("england-and-wales", {{Ymd(2026, 12, 25), "Christmas Day"},
                                    {Ymd(2026, 12, 26), ""},
                                    {Ymd(2026, 12, 28), "Boxing Day (substitute day)"}});
}

TEST(Holidays, ChristmasOnSaturdayMovesBothDaysToMondayAndTuesday) {
  ExpectNames("england-and-wales", {{Ymd(2027, 12, 25), ""},
                                    {Ymd(2027, 12, 26), ""},
                                    {Ymd(2027, 12, 27), "Christmas Day (substitute day)"},
                                    {Ymd(2027, 12, 28), "Boxing Day (substitute day)"}});
}

TEST(Holidays, ChristmasOnSundayKeepsBoxingDayOnMonday) {
  ExpectNames("england-and-wales", {{Ymd(2022, 12, 26), "Boxing Day"},
                                    {Ymd(2022, 12, 27), "Christmas Day (substitute day)"}});
}

TEST(Holidays, ChristmasOnMondayNeedsNoSubstitute) {
  ExpectNames("england-and-wales", {{Ymd(2028, 12, 25), "Christmas Day"},
                                    {Ymd(2028, 12, 26), "Boxing Day"},
                                    {Ymd(2028, 12, 27), ""}});
}

TEST(Holidays, NewYearOnWeekendMovesToMonday) {
  ExpectNames("england-and-wales", {{Ymd(2022, 1, 3), "New Year's Day (substitute day)"},
                                    {Ymd(2023, 1, 2), "New Year's Day (substitute day)"},
                                    {Ymd(2028, 1, 3), "New Year's Day (substitute day)"}});
}

TEST(Holidays, ScotlandSecondJanuaryOnSaturdayMovesToMonday) {
  EXPECT_EQ(DatesOf("scotland", 2027).at(0), "2027-01-01");  // Friday
  EXPECT_EQ(DatesOf("scotland", 2027).at(1), "2027-01-04");
  EXPECT_EQ(NameOn("scotland", Ymd(2027, 1, 4)), "2nd January (substitute day)");
}

TEST(Holidays, ScotlandNewYearOnSaturdayTakesMondayAndTuesday) {
  ExpectNames("scotland", {{Ymd(2022, 1, 3), "New Year's Day (substitute day)"},
                           {Ymd(2022, 1, 4), "2nd January (substitute day)"}});
}

TEST(Holidays, ScotlandNewYearOnSundayTakesMondayAndTuesday) {
  ExpectNames("scotland", {{Ymd(2023, 1, 2), "New Year's Day (substitute day)"},
                           {Ymd(2023, 1, 3), "2nd January (substitute day)"}});
}

TEST(Holidays, StAndrewsDayOnWeekendMovesToMonday) {
  ExpectNames("scotland", {{Ymd(2026, 11, 30), "St Andrew's Day"},  // a Monday
                           {Ymd(2025, 11, 30), ""},                 // a Sunday
                           {Ymd(2025, 12, 1), "St Andrew's Day (substitute day)"},
                           {Ymd(2024, 12, 2), "St Andrew's Day (substitute day)"}});
}

TEST(Holidays, StAndrewsDayIsABankHolidayOnlySince2007) {
  ExpectNames("scotland", {{Ymd(2006, 11, 30), ""}, {Ymd(2007, 11, 30), "St Andrew's Day"}});
}

TEST(Holidays, ScotlandHasSummerHolidayInEarlyAugustAndNoEasterMonday) {
  ExpectNames(
      "scotland",
      {{Ymd(2026, 8, 3), "Summer bank holiday"}, {Ymd(2026, 8, 31), ""}, {Ymd(2026, 4, 6), ""}});
  EXPECT_EQ(NameOn("england-and-wales", Ymd(2026, 8, 31)), "Summer bank holiday");
}

TEST(Holidays, NorthernIrelandDaysOnWeekendMoveToMonday) {
  ExpectNames("northern-ireland",
              {{Ymd(2024, 3, 18), "St Patrick's Day (substitute day)"},
               {Ymd(2026, 3, 17), "St Patrick's Day"},
               {Ymd(2025, 7, 14), "Battle of the Boyne (Orangemen's Day) (substitute day)"},
               {Ymd(2027, 7, 12), "Battle of the Boyne (Orangemen's Day)"}});
}

TEST(Holidays, ProclamationsMoveOrAddDaysInEveryUkDivision) {
  for (std::string_view set : {"england-and-wales", "scotland", "northern-ireland"}) {
    ExpectNames(set, {{Ymd(2022, 5, 30), ""},
                      {Ymd(2022, 6, 2), "Spring bank holiday"},
                      {Ymd(2022, 6, 3), "Platinum Jubilee bank holiday"},
                      {Ymd(2020, 5, 4), ""},
                      {Ymd(2020, 5, 8), "Early May bank holiday (VE day)"}});
    EXPECT_NE(NameOn(set, Ymd(2022, 9, 19)), "") << set;
    EXPECT_NE(NameOn(set, Ymd(2023, 5, 8)), "") << set;
  }
}

TEST(Holidays, EnglandAndWales2012HasTheDiamondJubilee) {
  EXPECT_EQ(DatesOf("england-and-wales", 2012),
            (Dates{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04",
                   "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"}));
}

TEST(Holidays, SpainNational2026IsTheTenCommonDays) {
  EXPECT_EQ(DatesOf("spain-national", 2026),
            (Dates{"2026-01-01", "2026-01-06", "2026-04-03", "2026-05-01", "2026-08-15",
                   "2026-10-12", "2026-11-01", "2026-12-06", "2026-12-08", "2026-12-25"}));
  EXPECT_EQ(NameOn("spain-national", Ymd(2026, 4, 3)), "Viernes Santo");
}

TEST(Holidays, SpainNationalDoesNotMoveSundayHolidays) {
  // 1 November 2026 and 6 December 2026 are Sundays; the regions decide whether to move them.
  ExpectNames(
      "spain-national",
      {{Ymd(2026, 11, 1), "Todos los Santos"}, {Ymd(2026, 11, 2), ""}, {Ymd(2026, 12, 7), ""}});
}

TEST(Holidays, UnknownSetYieldsNoHolidays) {
  EXPECT_TRUE(HolidaysOf("atlantis", 2026).empty());
  EXPECT_TRUE(HolidaysOf("", 2026).empty());
  EXPECT_TRUE(HolidaysOf("England-and-Wales", 2026).empty());
  EXPECT_FALSE(IsHolidaySet("atlantis"));
}

TEST(Holidays, SetNamesAreListedInOrderAndRecognised) {
  const std::vector<std::string_view> expected = {"england-and-wales", "scotland",
                                                  "northern-ireland", "spain-national"};
  EXPECT_EQ(HolidaySetNames(), expected);
  for (std::string_view name : HolidaySetNames()) EXPECT_TRUE(IsHolidaySet(name)) << name;
}

TEST(Holidays, YearsFarAheadHaveTheRegularCount) {
  EXPECT_EQ(HolidaysOf("england-and-wales", 2100).size(), 8u);
  EXPECT_EQ(HolidaysOf("scotland", 2100).size(), 9u);
  EXPECT_EQ(HolidaysOf("northern-ireland", 2100).size(), 10u);
  EXPECT_EQ(HolidaysOf("spain-national", 2100).size(), 10u);
  EXPECT_EQ(NameOn("england-and-wales", EasterSunday(2100) + date::days{1}), "Easter Monday");
}

TEST(Holidays, UkHolidaysAreSortedDistinctWeekdaysWithinTheirYear) {
  for (std::string_view set : {"england-and-wales", "scotland", "northern-ireland"}) {
    for (int year = 1990; year <= 2200; ++year) {
      const std::vector<Holiday> days = HolidaysOf(set, year);
      ASSERT_FALSE(days.empty()) << set << " " << year;
      for (std::size_t i = 0; i < days.size(); ++i) {
        const date::year_month_day ymd{days[i].date};
        ASSERT_EQ(ymd.year(), date::year{year}) << set << " " << Iso(days[i].date);
        const date::weekday wd{days[i].date};
        ASSERT_TRUE(wd != date::Saturday && wd != date::Sunday)
            << set << " " << Iso(days[i].date) << " " << days[i].name;
        ASSERT_FALSE(days[i].name.empty()) << set << " " << Iso(days[i].date);
        if (i > 0) {
          ASSERT_LT(days[i - 1].date, days[i].date) << set << " " << year;
        }
      }
    }
  }
}

}  // namespace
}  // namespace caredesk::core
