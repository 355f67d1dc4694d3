// `caredesk calendar holidays`: the closed dates of a policy's calendar in a year.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/commands.h"
#include "app/policy_source.h"

namespace caredesk::app {
namespace {

struct HolidaysOptions {
  std::string policy;
  int year = 0;
};

int RunHolidays(const HolidaysOptions& options) {
  using core::BusinessCalendar;
  if (options.year < BusinessCalendar::kFirstYear || options.year > BusinessCalendar::kLastYear) {
    std::cerr << "caredesk: --year: " << options.year << " is outside "
              << BusinessCalendar::kFirstYear << "–" << BusinessCalendar::kLastYear << "\n";
    return kExitBadArguments;
  }
  auto policy = LoadPolicy(options.policy);
  if (!policy) return kExitBadArguments;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& holiday : policy->calendar->ClosedDates(options.year)) {
    list.push_back({{"date", core::FormatDate(holiday.date)}, {"name", holiday.name}});
  }
  std::cout << list.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

void AddCalendarCommand(CLI::App& app, int& exit_code) {
  auto* calendar = app.add_subcommand("calendar", "Inspect a policy's business calendar");
  calendar->require_subcommand(1);
  auto options = std::make_shared<HolidaysOptions>();
  auto* holidays = calendar->add_subcommand("holidays", "List the closed dates of a year as JSON");
  holidays->add_option("--policy", options->policy,
                       "Policy TOML file (default: the built-in default policy)");
  holidays->add_option("--year", options->year, "The year, e.g. 2026")->required();
  holidays->callback([options, &exit_code] { exit_code = RunHolidays(*options); });
}

}  // namespace caredesk::app
