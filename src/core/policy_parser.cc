// Parses policy TOML into a Policy, collecting every problem with its line instead of
// stopping at the first: an admin fixing a file wants the whole list at once.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <set>

#include "core/opening_hours.h"
#include "core/policy.h"
#include "core/policy_reader.h"
#include "core/sha256.h"
#include "core/standard_parser.h"

namespace caredesk::core {
namespace {

class PolicyParser {
 public:
  explicit PolicyParser(std::string_view text) : text_(text) {}

  PolicyResult Parse() {
    toml::table root;
    try {
      root = toml::parse(text_);
    } catch (const toml::parse_error& error) {
      return tl::unexpected(
          std::vector<PolicyProblem>{{static_cast<int>(error.source().begin.line),
                                      fmt::format("TOML syntax error: {}", error.description())}});
    }
    Policy policy;
    policy.version = Sha256Hex(text_).substr(0, 16);
    reader_.CheckKeys(root,
                      {"organisation", "calendar", "deadlines", "classification", "published",
                       "standard", "automation"},
                      "the policy");
    CalendarSpec spec;
    int calendar_line = 1;
    if (const auto* organisation = reader_.RequiredTable(root, "organisation")) {
      ParseOrganisation(*organisation, policy, spec);
    }
    if (const auto* calendar = reader_.RequiredTable(root, "calendar")) {
      calendar_line = LineOf(*calendar);
      ParseCalendar(*calendar, spec);
    }
    if (const auto* deadlines = reader_.OptionalTable(root, "deadlines")) {
      reader_.CheckKeys(*deadlines, {"due_soon"}, "[deadlines]");
      if (auto share = reader_.Share(*deadlines, "due_soon")) policy.due_soon_share = *share;
    }
    if (const auto* classification = reader_.OptionalTable(root, "classification")) {
      reader_.CheckKeys(*classification, {"natures", "services", "root_causes"},
                        "[classification]");
      policy.natures = reader_.UniqueStrings(*classification, "natures");
      policy.services = reader_.UniqueStrings(*classification, "services");
      policy.root_causes = reader_.UniqueStrings(*classification, "root_causes");
    }
    if (const auto* published = reader_.OptionalTable(root, "published")) {
      ParsePublished(*published, policy);
    }
    if (const auto* automation = reader_.OptionalTable(root, "automation")) {
      ParseAutomation(*automation, policy.automation);
    }
    if (const auto* node = root.get("standard")) {
      policy.standards = ParseStandards(reader_, *node);
    }
    if (reader_.problems().empty()) {
      auto calendar = BusinessCalendar::Create(spec);
      if (calendar) {
        policy.calendar = *calendar;
      } else {
        reader_.Problem(calendar_line, calendar.error().message);
      }
    }
    if (auto& problems = reader_.problems(); !problems.empty()) {
      std::stable_sort(problems.begin(), problems.end(),
                       [](const auto& a, const auto& b) { return a.line < b.line; });
      return tl::unexpected(std::move(problems));
    }
    return policy;
  }

 private:
  // [automation]: switches and spans, each optional (the defaults are in automation.h).
  void ParseAutomation(const toml::table& table, Automation& automation) {
    reader_.CheckKeys(table,
                      {"acknowledge", "holding_reply", "holding_extension", "alerts", "survey",
                       "survey_after", "survey_every"},
                      "[automation]");
    for (auto [key, flag] :
         {std::pair{"acknowledge", &automation.acknowledge},
          std::pair{"holding_reply", &automation.holding_reply},
          std::pair{"alerts", &automation.alerts}, std::pair{"survey", &automation.survey}}) {
      if (const auto* node = table.get(key)) {
        if (auto value = node->value<bool>()) {
          *flag = *value;
        } else {
          reader_.Problem(
              LineOf(*node),
              fmt::format("[automation] {} must be true or false, not {}", key, Quote(*node)));
        }
      }
    }
    for (auto [key, span] : {std::pair{"holding_extension", &automation.holding_extension},
                             std::pair{"survey_after", &automation.survey_after},
                             std::pair{"survey_every", &automation.survey_every}}) {
      if (const auto* node = table.get(key)) {
        if (auto value = reader_.DurationAt(*node, key)) *span = *value;
      }
    }
  }

  // [published], and its translations as sub-tables named by language ([published.es]).
  void ParsePublished(const toml::table& table, Policy& policy) {
    auto read = [&](const toml::table& from, PublishedText& into) {
      into.standards = reader_.String(from, "standards").value_or("");
      into.how_to_complain = reader_.String(from, "how_to_complain").value_or("");
      into.escalation = reader_.String(from, "escalation").value_or("");
    };
    constexpr std::string_view kTexts[] = {"standards", "how_to_complain", "escalation"};
    const auto first =
        policy.languages.empty() ? policy.languages.end() : std::next(policy.languages.begin());
    for (auto&& [key, node] : table) {
      const std::string_view name = key.str();
      if (!node.is_table()) {
        if (std::find(std::begin(kTexts), std::end(kTexts), name) == std::end(kTexts)) {
          reader_.Problem(LineOf(node),
                          fmt::format("unknown key \"{}\" in [published] (expected one of: {}, "
                                      "or a translation table such as [published.es])",
                                      name, fmt::join(kTexts, ", ")));
        }
      } else if (std::find(first, policy.languages.end(), name) != policy.languages.end()) {
        reader_.CheckKeys(*node.as_table(), {"standards", "how_to_complain", "escalation"},
                          fmt::format("[published.{}]", name));
        read(*node.as_table(), policy.published_translations[std::string(name)]);
      } else {
        reader_.Problem(LineOf(node), fmt::format("[published.{}]: \"{}\" is not one of the "
                                                  "organisation's languages after the first",
                                                  name, name));
      }
    }
    read(table, policy.published);
  }

  void ParseOrganisation(const toml::table& table, Policy& policy, CalendarSpec& spec) {
    reader_.CheckKeys(table, {"name", "time_zone", "languages", "review_date"}, "[organisation]");
    policy.name = reader_.String(table, "name", true).value_or("");
    if (const auto* name = table.get("name"); name && name->is_string() && policy.name.empty()) {
      reader_.Problem(LineOf(*name), "\"name\" must not be empty");
    }
    spec.time_zone = reader_.String(table, "time_zone", true).value_or("Europe/London");
    if (const auto* zone = table.get("time_zone"); zone && zone->is_string()) {
      try {
        date::locate_zone(spec.time_zone);
      } catch (const std::exception&) {
        reader_.Problem(LineOf(*zone),
                        fmt::format("unknown time zone \"{}\" (use an IANA name such as "
                                    "\"Europe/London\")",
                                    spec.time_zone));
      }
    }
    for (auto& [language, line] : reader_.Strings(table, "languages")) {
      const bool two_letters =
          language.size() == 2 && std::all_of(language.begin(), language.end(),
                                              [](char c) { return c >= 'a' && c <= 'z'; });
      if (!two_letters) {
        reader_.Problem(
            line, fmt::format("language \"{}\" is not a two-letter ISO 639-1 code", language));
      } else if (std::find(policy.languages.begin(), policy.languages.end(), language) !=
                 policy.languages.end()) {
        reader_.Problem(line, fmt::format("language \"{}\" appears twice", language));
      } else {
        policy.languages.push_back(language);
      }
    }
    if (policy.languages.empty()) policy.languages = {"en"};
    if (const auto* review = table.get("review_date"))
      policy.review_date = reader_.Date(*review, "review_date");
  }

  void ParseCalendar(const toml::table& table, CalendarSpec& spec) {
    reader_.CheckKeys(table,
                      {"hours", "holidays", "deemed_receipt", "extra_closed", "removed_holidays"},
                      "[calendar]");
    bool hours_valid = false;
    if (const auto* hours = table.get("hours"); !hours) {
      reader_.Problem(LineOf(table),
                      "\"hours\" is missing (e.g. hours = { mon-fri = \"09:00-17:30\" })");
    } else if (!hours->is_table()) {
      reader_.Problem(LineOf(*hours),
                      "\"hours\" must be a table such as { mon-fri = \"09:00-17:30\" }");
    } else {
      hours_valid = ParseHours(*hours->as_table(), spec.hours);
    }
    for (auto& [set, line] : reader_.Strings(table, "holidays")) {
      if (!IsHolidaySet(set)) {
        reader_.Problem(line, fmt::format("unknown holiday set \"{}\" (known sets: {})", set,
                                          fmt::join(HolidaySetNames(), ", ")));
      } else {
        spec.holiday_sets.push_back(set);
      }
    }
    if (auto deemed = reader_.String(table, "deemed_receipt")) {
      if (*deemed == "next_working_day") {
        spec.deemed_receipt = DeemedReceipt::kNextWorkingDay;
      } else if (*deemed == "actual_day") {
        spec.deemed_receipt = DeemedReceipt::kActualDay;
      } else {
        reader_.Problem(
            LineOf(*table.get("deemed_receipt")),
            fmt::format("unknown deemed_receipt \"{}\" (use next_working_day or actual_day)",
                        *deemed));
      }
    }
    spec.extra_closed = reader_.Dates(table, "extra_closed");
    spec.removed_holidays = reader_.Dates(table, "removed_holidays");
    CheckRemovedHolidays(table, spec);
    if (hours_valid && std::all_of(spec.hours.begin(), spec.hours.end(),
                                   [](const auto& day) { return day.empty(); })) {
      reader_.Problem(LineOf(*table.get("hours")),
                      "the calendar has no opening hours: every day is closed, so no working-day "
                      "deadline could ever fall due");
    }
  }

  // A removal must name a date one of the calendar's holiday sets closes, or it is a typo.
  void CheckRemovedHolidays(const toml::table& table, const CalendarSpec& spec) {
    const auto* list = table.get("removed_holidays");
    if (!list || !list->is_array()) return;
    std::size_t index = 0;
    for (const auto& node : *list->as_array()) {
      if (index >= spec.removed_holidays.size()) break;
      const LocalDate day = spec.removed_holidays[index++];
      const int year = int(date::year_month_day{day}.year());
      const bool named = std::any_of(
          spec.holiday_sets.begin(), spec.holiday_sets.end(), [&](const std::string& set) {
            auto holidays = HolidaysOf(set, year);
            return std::any_of(holidays.begin(), holidays.end(),
                               [&](const Holiday& h) { return h.date == day; });
          });
      if (!named) {
        reader_.Problem(LineOf(node),
                        fmt::format("removed_holidays: \"{}\" is not a holiday of the calendar's "
                                    "holiday sets",
                                    FormatDate(day)));
      }
    }
  }

  // False when any entry had a problem.
  bool ParseHours(const toml::table& hours, WeeklyHours& weekly) {
    const std::size_t problems_before = reader_.problems().size();
    std::array<bool, 7> named{};
    for (auto&& [key, node] : hours) {
      auto days = ParseWeekdays(key.str());
      if (!days) {
        reader_.Problem(LineOf(node), days.error().message);
        continue;
      }
      if (!node.is_string()) {
        reader_.Problem(LineOf(node), fmt::format("hours for \"{}\" must be a string such as "
                                                  "\"09:00-17:30\"",
                                                  key.str()));
        continue;
      }
      auto intervals = ParseOpeningIntervals(*node.value<std::string>());
      if (!intervals) {
        reader_.Problem(LineOf(node), intervals.error().message);
        continue;
      }
      for (int day : *days) {
        if (named[day]) {
          reader_.Problem(LineOf(node),
                          fmt::format("hours for \"{}\" name a day already given", key.str()));
          break;
        }
        named[day] = true;
        weekly[day] = *intervals;
      }
    }
    return reader_.problems().size() == problems_before;
  }

  std::string_view text_;
  PolicyReader reader_;
};

}  // namespace

PolicyResult ParsePolicy(std::string_view text) { return PolicyParser(text).Parse(); }

const PublishedText& Policy::PublishedIn(std::string_view language) const {
  auto found = published_translations.find(language);
  return found == published_translations.end() ? published : found->second;
}

const Standard* Policy::FindStandard(std::string_view id) const {
  for (const auto& standard : standards) {
    if (standard.id == id) return &standard;
  }
  return nullptr;
}

Result<std::vector<Deadline>> Policy::Deadlines(const CaseFacts& facts, Instant now) const {
  return ComputeDeadlines(*calendar, standards, due_soon_share, facts, now);
}

}  // namespace caredesk::core
